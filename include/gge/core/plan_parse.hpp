#pragma once
/// The values of the planner's options (`gge plan` flags, the web app's plan form), parsed from
/// their written spelling; one parser for both front-ends.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// "aug,dec" / "August" / "8" as month numbers; InputError naming `field` for anything else.
std::vector<unsigned> parse_months(std::string_view text, std::string_view field);
/// "NY,GVA|VIE,NY" as the venue pattern of PlanRequest::venues (station codes not checked).
std::vector<std::vector<std::string>> parse_venues(std::string_view text, std::string_view field);

/// The planner's gaps from one session's start to the next, in days.
struct PlanGaps {
  int min_days = 0;             ///< at least; 0 when not given
  std::optional<int> max_days;  ///< at most; nullopt when not given
};
/// The minimum and maximum gap as written ("8w", "56d": `parse_span_days`, 0..`max_days` each;
/// an empty text is not given), checked against each other: one check for both front-ends.
/// InputError naming `min_field` or `max_field` (the caller's names for the two) for a bad
/// spelling, and `max_field` with "is below MIN_FIELD MIN_TEXT" when the maximum is below the
/// minimum.
PlanGaps parse_plan_gaps(std::string_view min_text, std::string_view max_text,
                         std::string_view min_field, std::string_view max_field, int max_days);

/// How the planner treats the experts' imported busy time: "hard" (no session on its days) gives
/// false, "soft" (allowed, scored per clashing expert-day) true; InputError naming `field`, "must
/// be hard or soft", for anything else (an empty text too).
bool parse_experts_soft(std::string_view text, std::string_view field);

}  // namespace gge
