#pragma once
// Shared values and helpers for the iCalendar tests (tests/formats/ical/ical_*_test.cpp).
#include "gge/formats/ical/ical.hpp"

#include <deque>
#include <filesystem>
#include <string>
#include <vector>

namespace gge::test {

/// Owns model values at stable addresses and the IcalCalendar pointing into them.
struct IcalFixture {
  std::deque<DutyStation> stations;
  std::deque<Body> bodies;
  std::deque<Mandate> mandates;
  std::deque<Resolution> resolutions;
  std::deque<Session> sessions;
  std::deque<Meeting> meetings;
  std::deque<Deadline> deadlines;
  IcalCalendar calendar;

  const DutyStation& station(const std::string& code) const;
  const Body* body(const std::string& symbol) const;
  /// Adds a meeting of `session` (which must be in `sessions`) on `day` from `start` to `end`
  /// (local minutes), with a uid made from body, session, day and start.
  const Meeting& add_meeting(const Session& session, Date day, Minutes start, Minutes end,
                             std::string kind = "plenary", int number = 0);
  /// Adds `session` with its station (and body, if present) to the calendar.
  const Session& add_session(Session s);
};

/// NY, GVA, VIE, NBO with their IANA zones.
IcalFixture stations_fixture();
/// The golden calendar: the 2004-2005 GGE plus bodies and meetings titled in the six UN languages.
IcalFixture golden_fixture();
/// Fixed options: name, description, DTSTAMP 2004-11-09T11:33:20Z (SOURCE_DATE_EPOCH 1100000000).
IcalOptions fixed_options();

/// Writes the calendar into a string through write_calendar.
std::string write_to_string(const IcalCalendar& c, const IcalOptions& o);

/// A file under the system temporary directory, unique to this process and `name`; removed when
/// the object dies.
struct TempFile {
  explicit TempFile(const std::string& name, const std::string& content);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::filesystem::path path;
};

/// Runs `command` through the shell; returns its exit status and stdout.
struct CommandResult {
  int status = -1;
  std::string out;
};
CommandResult run_command(const std::string& command);

Date ymd(int y, unsigned m, unsigned d);

}  // namespace gge::test
