#include "gge/services/stored_deadlines.hpp"

#include "gge/services/transaction.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace gge {

bool is_derived_deadline(std::string_view kind) {
  static constexpr std::string_view k_derived[] = {"consideration", "submission", "distribution",
                                                   "latest_end", "member_states"};
  return std::find(std::begin(k_derived), std::end(k_derived), kind) != std::end(k_derived);
}

bool deadline_inputs_changed(const Store& store, long long since) {
  // derive_deadlines reads a mandate, the GA calendar and New York's calendar (stations,
  // holiday rules and dates, GA records), and the stored overrides: none of these.
  static constexpr std::string_view k_not_inputs[] = {"busy_time",  "expert", "meeting",
                                                      "membership", "room",   "session"};
  const auto tables = store.tables_changed_since(since);
  return std::any_of(tables.begin(), tables.end(), [](const std::string& t) {
    return std::find(std::begin(k_not_inputs), std::end(k_not_inputs), t) == std::end(k_not_inputs);
  });
}

std::vector<std::pair<std::string, std::vector<DeadlineChange>>> refresh_deadlines(WriteTx& tx,
                                                                                   const Calendars* given) {
  Store& store = tx.store();
  std::vector<std::pair<std::string, std::vector<DeadlineChange>>> changed;
  const auto mandates = store.mandates();
  if (mandates.empty()) return changed;  // no calendar to build
  std::optional<Calendars> built;
  const Calendars& calendars = given ? *given : built.emplace(store);
  for (const auto& m : mandates) {
    const auto before = store.deadlines(m.key);
    auto after = to_deadlines(m.key, derive_deadlines(m, calendars.ga(), calendars.ny()));
    for (const auto& d : before)
      if (!is_derived_deadline(d.kind)) after.push_back(d);  // the planner's own
    auto changes = diff_deadlines(before, after);
    if (changes.empty()) continue;
    store.replace_deadlines(m.key, after);
    changed.emplace_back(m.key, std::move(changes));
  }
  return changed;
}

std::vector<DeadlineStep> explain_deadlines(const Store& store, const Calendars& calendars,
                                            const std::string& key) {
  const auto m = store.mandate(key);
  if (!m) throw InputError({}, "mandate", key, "no such mandate");
  return derive_deadlines(*m, calendars.ga(), calendars.ny());
}

}  // namespace gge
