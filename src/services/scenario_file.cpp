#include "gge/services/scenario_file.hpp"

#include "gge/formats/scenario/scenario_toml.hpp"
#include "gge/formats/text/untrusted_text.hpp"
#include "gge/services/transaction.hpp"

namespace gge {

std::size_t LoadSummary::total() const {
  return stations + rooms + bodies + experts + memberships + resolutions + mandates + deadlines +
         sessions + meetings + holidays;
}

LoadSummary load_scenario(Store& store, const std::filesystem::path& path) {
  // Parse and check the whole file before the first write.
  const std::string name = path.string();
  const std::string text = read_untrusted_file(path, "scenario file");
  const Scenario s = read_scenario(text, name);
  try {
    in_transaction(store, [&](WriteTx& tx) { tx.store().add(s); });
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
