#include "gge/services/scenario_file.hpp"

#include "gge/formats/scenario/scenario_toml.hpp"
#include "gge/services/transaction.hpp"

namespace gge {

std::size_t LoadSummary::total() const {
  return stations + rooms + bodies + experts + memberships + resolutions + mandates + deadlines +
         sessions + meetings + holidays;
}

LoadSummary load_scenario(Store& store, const std::filesystem::path& path) {
  // Parse and check the whole file before the first write.
  const Scenario s = read_scenario_file(path);
  in_transaction(store, [&](Store& st) { st.add(s); });
  return LoadSummary{s.stations.size(),  s.rooms.size(),       s.bodies.size(),
                     s.experts.size(),   s.memberships.size(), s.resolutions.size(),
                     s.mandates.size(),  s.deadlines.size(),   s.sessions.size(),
                     s.meetings.size(),  s.holidays.size()};
}

std::string dump_scenario(const Store& store) { return write_scenario(store.scenario()); }

}  // namespace gge
