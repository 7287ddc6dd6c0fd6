#pragma once
/// A whole planning data set: what a scenario file holds and what `gge dump` writes.
/// Values reference each other by natural keys (station code, body symbol, ...).
#include "gge/model/blackout.hpp"
#include "gge/model/bodies.hpp"
#include "gge/model/busy.hpp"
#include "gge/model/ga.hpp"
#include "gge/model/holiday.hpp"
#include "gge/model/holiday_rule.hpp"
#include "gge/model/mandates.hpp"
#include "gge/model/places.hpp"
#include "gge/model/sessions.hpp"

#include <vector>

namespace gge {

struct Scenario {
  std::vector<DutyStation> stations;
  std::vector<Room> rooms;
  std::vector<Body> bodies;
  std::vector<Expert> experts;
  std::vector<Membership> memberships;
  std::vector<Resolution> resolutions;
  std::vector<Mandate> mandates;
  std::vector<Deadline> deadlines;  ///< planner-set and derived deadlines of the mandates
  std::vector<Session> sessions;
  std::vector<Meeting> meetings;
  std::vector<Holiday> holidays;          ///< stored closures: confirmed dates override rules
  std::vector<HolidayRule> holiday_rules; ///< each station's holiday calendar (data/holidays/)
  std::vector<GaOpening> ga_openings;     ///< recorded GA opening days (win over Rule 1)
  std::vector<Blackout> blackouts;        ///< planner-declared unavailable periods
  std::vector<BusyTime> busy_times;       ///< imported from outside calendars (`gge import ics`)
  friend bool operator==(const Scenario&, const Scenario&) = default;
};

}  // namespace gge
