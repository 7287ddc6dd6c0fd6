#include "gge/services/stored_deadlines.hpp"

#include "gge/services/calendars.hpp"

#include <algorithm>

namespace gge {

bool is_derived_deadline(std::string_view kind) {
  static constexpr std::string_view k_derived[] = {"consideration", "submission", "distribution",
                                                   "latest_end", "member_states"};
  return std::find(std::begin(k_derived), std::end(k_derived), kind) != std::end(k_derived);
}

std::vector<std::pair<std::string, std::vector<DeadlineChange>>> refresh_deadlines(Store& store) {
  std::vector<std::pair<std::string, std::vector<DeadlineChange>>> changed;
  const auto mandates = store.mandates();
  if (mandates.empty()) return changed;  // no calendar to build
  const Calendars calendars(store);
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

std::vector<DeadlineStep> explain_deadlines(const Store& store, const std::string& key) {
  const auto m = store.mandate(key);
  if (!m) throw InputError({}, "mandate", key, "no such mandate");
  const Calendars calendars(store);
  return derive_deadlines(*m, calendars.ga(), calendars.ny());
}

}  // namespace gge
