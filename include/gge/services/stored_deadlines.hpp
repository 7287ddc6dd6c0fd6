#pragma once
/// Stored deadline chains, kept in step with their inputs (DESIGN.md "As built").
#include "gge/rules/calendar/deadlines.hpp"
#include "gge/store/store.hpp"

#include <string>
#include <vector>

namespace gge {

/// The kinds the chain derives (rules/calendar/deadlines.hpp); other stored kinds are the planner's own
/// and are kept as they are.
bool is_derived_deadline(std::string_view kind);

/// Recomputes every mandate's chain from the stored inputs (GA records, holiday rules, confirmed
/// holidays, the mandate's overrides) and writes the derived deadlines that changed, inside the
/// caller's transaction. Returns what changed, per mandate (empty when nothing did).
std::vector<std::pair<std::string, std::vector<DeadlineChange>>> refresh_deadlines(Store& store);

/// The chain of mandate `key` as it would be computed now (InputError when there is no such
/// mandate), with each step's explanation.
std::vector<DeadlineStep> explain_deadlines(const Store& store, const std::string& key);

}  // namespace gge
