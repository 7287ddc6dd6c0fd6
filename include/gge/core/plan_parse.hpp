#pragma once
/// The values of the planner's options (`gge plan` flags, the web app's plan form), parsed from
/// their written spelling; one parser for both front-ends.
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// "aug,dec" / "August" / "8" as month numbers; InputError naming `field` for anything else.
std::vector<unsigned> parse_months(std::string_view text, std::string_view field);
/// "NY,GVA|VIE,NY" as the venue pattern of PlanRequest::venues (station codes not checked).
std::vector<std::vector<std::string>> parse_venues(std::string_view text, std::string_view field);

}  // namespace gge
