#pragma once
/// The values of `gge plan`'s options, parsed from their command-line spelling.
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// "8w" (weeks) or "56d" / "56" (days) as days; InputError naming `field` otherwise.
int parse_gap(std::string_view text, std::string_view field);
/// "aug,dec" / "August" / "8" as month numbers; InputError naming `field` for anything else.
std::vector<unsigned> parse_months(std::string_view text, std::string_view field);
/// "NY,GVA|VIE,NY" as the venue pattern of PlanRequest::venues (station codes not checked).
std::vector<std::vector<std::string>> parse_venues(std::string_view text, std::string_view field);

}  // namespace gge
