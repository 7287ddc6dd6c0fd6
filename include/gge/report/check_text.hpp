#pragma once
/// Check findings as a planner reads them, as text (the checker itself: rules/check/check.hpp).
#include "gge/rules/check/check.hpp"

#include <string>
#include <vector>

namespace gge {

/// Grouped by body, then session, one line per finding ("severity code: reason [rule] -> fix"),
/// ending with a count line. Findings must be sorted as `check_plan` returns them.
/// "No findings." for an empty list.
std::string to_text(const std::vector<Finding>& findings);

}  // namespace gge
