#include "gge/services/scenario_file.hpp"

#include "gge/core/error.hpp"
#include "gge/core/time.hpp"
#include "gge/formats/scenario/scenario_toml.hpp"
#include "gge/formats/text/untrusted_text.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gge {

std::size_t LoadSummary::total() const {
  return stations + rooms + bodies + experts + memberships + resolutions + mandates + deadlines +
         sessions + meetings + holidays;
}

namespace {

// A scenario's [[deadline]] rows are the chain as `gge dump` wrote it, never an override: the
// chain is derived (the mandate's consider_on, submission_weeks, ... are the overrides). A row
// of another kind, or one the chain derives differently, is refused rather than silently
// replaced. `where` is the scenario file.
void check_unknown_kinds(const Scenario& s, const std::string& where) {
  for (const auto& d : s.deadlines)
    if (!is_derived_deadline(d.kind))
      throw InputError(where, "deadline.kind", d.kind,
                       fmt::format("mandate {}: not a step of the deadline chain (consideration, "
                                   "submission, distribution, latest_end, member_states)",
                                   d.mandate));
}

void check_as_derived(const Store& store, const Scenario& s, const std::string& where) {
  for (const auto& d : s.deadlines) {
    const auto chain = store.deadlines(d.mandate);
    const auto it = std::find_if(chain.begin(), chain.end(),
                                 [&](const Deadline& c) { return c.kind == d.kind; });
    if (it != chain.end() && it->date == d.date) continue;
    const std::string derived = it == chain.end() ? std::string{"no such step"}
                                                  : fmt::format("{}", to_iso(it->date));
    throw InputError(where, "deadline.date", to_iso(d.date),
                     fmt::format("{} {} is derived ({}), not set: change the mandate's consider_on, "
                                 "submission_weeks, distribution_weeks, adoption_working_days or "
                                 "member_states_by instead",
                                 d.mandate, d.kind, derived));
  }
}

}  // namespace

LoadSummary load_scenario(Store& store, const std::filesystem::path& path) {
  // Parse and check the whole file before the first write.
  const std::string name = path.string();
  const std::string text = read_untrusted_file(path, "scenario file");
  const Scenario s = read_scenario(text, name);
  check_unknown_kinds(s, name);
  try {
    in_transaction(store, [&](WriteTx& tx) {
      tx.store().add(s);
      refresh_deadlines(tx);  // the chain as the loaded inputs give it, to compare the rows with
      check_as_derived(tx.store(), s, name);
    });
  } catch (const InputError& e) {
    if (!e.where().empty()) throw;
    throw e.at(locate_in_scenario(text, name, e.field(), e.value()));  // the store knew no line
  }
  return LoadSummary{s.stations.size(),  s.rooms.size(),       s.bodies.size(),
                     s.experts.size(),   s.memberships.size(), s.resolutions.size(),
                     s.mandates.size(),  s.deadlines.size(),   s.sessions.size(),
                     s.meetings.size(),  s.holidays.size()};
}

std::string dump_scenario(const Store& store) { return write_scenario(store.scenario()); }

}  // namespace gge
