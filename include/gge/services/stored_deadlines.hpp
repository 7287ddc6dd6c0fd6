#pragma once
/// Stored deadline chains, kept in step with their inputs (DESIGN.md "As built").
#include "gge/rules/calendar/deadlines.hpp"
#include "gge/services/calendars.hpp"
#include "gge/store/store.hpp"

#include <string>
#include <vector>

namespace gge {

class WriteTx;

/// The kinds the chain derives (rules/calendar/deadlines.hpp); other stored kinds are the planner's own
/// and are kept as they are.
bool is_derived_deadline(std::string_view kind);

/// True when a change logged after change-log id `since` touched an input of the chains: any
/// table but those of sessions, meetings, busy times, experts, memberships and rooms (a table
/// added later counts as an input until it is listed here).
bool deadline_inputs_changed(const Store& store, long long since);

/// Recomputes every mandate's chain from the stored inputs (GA records, holiday rules, confirmed
/// holidays, the mandate's overrides) and writes the derived deadlines that changed, in `tx`.
/// `calendars`: the command's own, when its writes left their inputs as they were; nullptr
/// builds them from the store as written (only when there is a mandate to refresh).
/// Returns what changed, per mandate (empty when nothing did).
std::vector<std::pair<std::string, std::vector<DeadlineChange>>> refresh_deadlines(
    WriteTx& tx, const Calendars* calendars = nullptr);

/// The chain of mandate `key` as it would be computed now with `calendars` (built from `store`),
/// with each step's explanation; InputError when there is no such mandate.
std::vector<DeadlineStep> explain_deadlines(const Store& store, const Calendars& calendars,
                                            const std::string& key);

}  // namespace gge
