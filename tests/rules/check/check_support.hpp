#pragma once
// Small in-code scenarios for the conflict checker tests.
#include "gge/core/parse.hpp"
#include "gge/rules/check/check.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace gge::test {

inline Date day(const char* iso) { return parse_date(iso, "test"); }

/// Two stations (NY, GVA, meeting hours 09:00-21:00), rooms "CR1" and "CR2" at each.
struct Plan {
  Scenario sc;
  Plan() {
    sc.stations = {{"NY", "New York", "America/New_York"}, {"GVA", "Geneva", "Europe/Zurich"}};
    for (const char* st : {"NY", "GVA"})
      for (const char* r : {"CR1", "CR2"}) sc.rooms.push_back({st, r, 100});
  }
  Body& body(const std::string& symbol, int min_gap = 0) {
    sc.bodies.push_back({symbol, symbol + " group", BodyKind::gge, 15, min_gap});
    return sc.bodies.back();
  }
  Session& session(const std::string& body, int number, const char* first, const char* last,
                   const std::string& station = "NY", const std::string& room = "CR1",
                   SessionStatus status = SessionStatus::confirmed) {
    Session s;
    s.body = body;
    s.number = number;
    s.first = day(first);
    s.last = day(last);
    s.station = station;
    s.room = room;
    s.status = status;
    sc.sessions.push_back(s);
    return sc.sessions.back();
  }
  Meeting& meeting(const std::string& body, int session, const char* date, const char* start,
                   const char* end, const std::string& room = "") {
    Meeting m;
    m.body = body;
    m.session = session;
    m.date = day(date);
    m.start = parse_hhmm(start, "start");
    m.end = parse_hhmm(end, "end");
    m.room = room;
    sc.meetings.push_back(m);
    return sc.meetings.back();
  }
  /// 10:00-13:00 and 15:00-18:00 on every working day of `first..last`.
  void standard_meetings(const std::string& body, int session, const char* first, const char* last) {
    for (Date d = day(first); d <= day(last); d += date::days{1}) {
      if (is_weekend(d)) continue;
      const auto iso = to_iso(d);
      meeting(body, session, iso.c_str(), "10:00", "13:00");
      meeting(body, session, iso.c_str(), "15:00", "18:00");
    }
  }
  void expert(const std::string& key, std::initializer_list<std::string> bodies) {
    sc.experts.push_back({key, key, ""});
    for (const auto& b : bodies) sc.memberships.push_back({key, b, "member"});
  }
  std::vector<Finding> check(CheckFilter filter = {}, std::vector<Blackout> high_level_weeks = {},
                             ClosureLookup closure = {}, CheckOptions options = {}) const {
    return check_plan(CheckInput{sc, std::move(high_level_weeks), std::move(closure),
                                 std::move(filter), options});
  }
};

inline std::vector<Finding> with_code(const std::vector<Finding>& all, const std::string& code) {
  std::vector<Finding> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.code == code; });
  return out;
}

inline bool mentions(const std::vector<std::string>& subjects, const std::string& s) {
  return std::find(subjects.begin(), subjects.end(), s) != subjects.end();
}

/// Two bodies with one finding of each common kind: A#1 on a holiday, A#2 overlapping it,
/// B#1 on a weekend, B#2 with a meeting outside hours.
inline Plan two_bodies() {
  Plan p;
  p.sc.holidays.push_back({"NY", day("2005-07-04"), "Independence Day", HolidayStatus::confirmed});
  p.session("A", 1, "2005-07-04", "2005-07-08");               // holiday
  p.session("A", 2, "2005-07-07", "2005-07-13", "GVA", "CR1",  // overlaps A#1
            SessionStatus::planned);
  p.session("B", 1, "2005-09-10", "2005-09-14");  // weekend
  p.session("B", 2, "2005-10-10", "2005-10-14");
  p.meeting("B", 2, "2005-10-11", "07:00", "09:00");  // outside hours
  return p;
}

}  // namespace gge::test
