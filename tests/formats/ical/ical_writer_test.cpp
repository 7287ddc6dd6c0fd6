#include "gge/core/error.hpp"
#include "formats/ical/ical_fixture.hpp"

#include <catch2/catch.hpp>

using namespace gge;

namespace {
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + 1)) ++n;
  return n;
}
/// The VEVENT block with this UID.
std::string event(const std::string& ics, const std::string& uid) {
  auto at = ics.find("UID:" + uid + "\r\n");
  if (at == std::string::npos) return {};
  auto begin = ics.rfind("BEGIN:VEVENT\r\n", at);
  auto end = ics.find("END:VEVENT\r\n", at);
  return ics.substr(begin, end - begin);
}
struct Env {
  test::IcalFixture f = test::stations_fixture();
  Env() { f.bodies.push_back({"GGE-ICT-2004", "ICT GGE", BodyKind::gge, 15, 0}); }
  const Session& session(SessionStatus st, Date first, Date last, std::string room = "CR 4") {
    int n = static_cast<int>(f.sessions.size()) + 1;
    return f.add_session({"GGE-ICT-2004", n, first, last, "NY", std::move(room), st,
                          "s" + std::to_string(n) + "@test.gge", n});
  }
};
}  // namespace

TEST_CASE("ical_status maps session statuses", "[rules][ical]") {
  auto [status, expected] = GENERATE(table<SessionStatus, std::string>({
      {SessionStatus::planned, "TENTATIVE"},
      {SessionStatus::postponed, "TENTATIVE"},
      {SessionStatus::confirmed, "CONFIRMED"},
      {SessionStatus::held, "CONFIRMED"},
      {SessionStatus::cancelled, "CANCELLED"},
  }));
  CHECK(ical_status(status) == expected);
  Env env;
  const auto& s = env.session(status, test::ymd(2005, 4, 11), test::ymd(2005, 4, 15));
  const auto& m = env.f.add_meeting(s, s.first, k_morning_start, k_morning_end);
  auto ics = test::write_to_string(env.f.calendar, test::fixed_options());
  CHECK(event(ics, s.uid).find("STATUS:" + expected + "\r\n") != std::string::npos);
  CHECK(event(ics, m.uid).find("STATUS:" + expected + "\r\n") != std::string::npos);
}

TEST_CASE("sessions are all-day events with an exclusive DTEND", "[rules][ical]") {
  Env env;
  const auto& week = env.session(SessionStatus::held, test::ymd(2004, 7, 12), test::ymd(2004, 7, 16));
  const auto& one = env.session(SessionStatus::planned, test::ymd(2005, 12, 31), test::ymd(2005, 12, 31), "");
  auto ics = test::write_to_string(env.f.calendar, test::fixed_options());
  auto e = event(ics, week.uid);
  CHECK(e.find("DTSTART;VALUE=DATE:20040712\r\nDTEND;VALUE=DATE:20040717\r\n") != std::string::npos);
  CHECK(e.find("SUMMARY:GGE-ICT-2004: first session\r\n") != std::string::npos);
  CHECK(e.find("LOCATION:CR 4\\, New York (UNHQ)\r\n") != std::string::npos);
  CHECK(e.find("SEQUENCE:1\r\n") != std::string::npos);
  CHECK(e.find("TRANSP:OPAQUE\r\n") != std::string::npos);
  CHECK(e.find("LAST-MODIFIED") == std::string::npos);
  auto e1 = event(ics, one.uid);
  CHECK(e1.find("DTSTART;VALUE=DATE:20051231\r\nDTEND;VALUE=DATE:20060101\r\n") != std::string::npos);
  CHECK(e1.find("LOCATION:New York (UNHQ)\r\n") != std::string::npos);
  CHECK(ics.find("BEGIN:VTIMEZONE") == std::string::npos);  // no meeting, no zone
}

TEST_CASE("meetings are timed in their station's zone and related to their session", "[rules][ical]") {
  Env env;
  const auto& s = env.session(SessionStatus::confirmed, test::ymd(2007, 3, 12), test::ymd(2007, 3, 16));
  const auto& m = env.f.add_meeting(s, test::ymd(2007, 3, 12), k_afternoon_start, k_day_minutes, "plenary", 2);
  const Instant modified = date::sys_days{date::year{2007} / 3 / 1} + std::chrono::hours{9} +
                           std::chrono::minutes{30} + std::chrono::seconds{5};
  env.f.calendar.meetings.back().last_modified = modified;
  auto ics = test::write_to_string(env.f.calendar, test::fixed_options());
  auto e = event(ics, m.uid);
  CHECK(e.find("DTSTART;TZID=America/New_York:20070312T150000\r\n") != std::string::npos);
  CHECK(e.find("DTEND;TZID=America/New_York:20070313T000000\r\n") != std::string::npos);  // 24:00
  CHECK(e.find("RELATED-TO:" + s.uid + "\r\n") != std::string::npos);
  CHECK(e.find("SUMMARY:GGE-ICT-2004: first session\\, meeting 2 (plenary)\r\n") != std::string::npos);
  CHECK(e.find("LAST-MODIFIED:20070301T093005Z\r\n") != std::string::npos);
  CHECK(e.find("ORGANIZER;CN=\"gge\":mailto:calendar@gge.invalid\r\n") != std::string::npos);
  CHECK(count(ics, "BEGIN:VTIMEZONE") == 1);
  CHECK(ics.find("TZID:America/New_York\r\n") != std::string::npos);
}

TEST_CASE("deadlines: transparent all-day events with deterministic UIDs and an optional alarm", "[rules][ical]") {
  test::IcalFixture f = test::golden_fixture();
  auto opts = test::fixed_options();
  auto ics = test::write_to_string(f.calendar, opts);
  const Deadline& d = f.deadlines.front();
  CHECK(deadline_uid(d) == "deadline-58%2F32-ict/submission@gge");
  auto e = event(ics, deadline_uid(d));
  CHECK(e.find("DTSTART;VALUE=DATE:20050701\r\nDTEND;VALUE=DATE:20050702\r\n") != std::string::npos);
  CHECK(e.find("TRANSP:TRANSPARENT\r\n") != std::string::npos);
  CHECK(ics.find("BEGIN:VALARM") == std::string::npos);  // off by default
  opts.deadline_alarm_days = 7;
  auto with_alarm = test::write_to_string(f.calendar, opts);
  CHECK(count(with_alarm, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P7D\r\n") == f.deadlines.size());
  // Distinct (mandate, kind) give distinct UIDs even when sanitising would merge them.
  CHECK(deadline_uid({"58/32", "x", {}, {}}) != deadline_uid({"58%2F32", "x", {}, {}}));
  CHECK(deadline_uid({"a/b", "c", {}, {}}) != deadline_uid({"a", "b/c", {}, {}}));
  CHECK(deadline_uid({"a-b", "c", {}, {}}) != deadline_uid({"a", "b-c", {}, {}}));
}

TEST_CASE("calendar properties and line discipline", "[rules][ical]") {
  auto f = test::golden_fixture();
  auto ics = test::write_to_string(f.calendar, test::fixed_options());
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//gge//gge 0.1//EN\r\n", 0) == 0);
  for (const char* p : {"METHOD:PUBLISH\r\n", "NAME:GGE-ICT-2004: sessions\\, meetings\\, deadlines\r\n",
                        "X-WR-CALNAME:GGE-ICT-2004: sessions\\, meetings\\, deadlines\r\n",
                        "X-WR-CALDESC:Exported by gge\\; times in each duty station's zone\r\n",
                        "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n", "X-PUBLISHED-TTL:PT12H\r\n",
                        "DTSTAMP:20041109T113320Z\r\n"})
    CHECK(ics.find(p) != std::string::npos);
  CHECK(ics.size() >= 15);
  CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
  // Exactly the zones the meetings use.
  CHECK(count(ics, "BEGIN:VTIMEZONE") == 4);
  CHECK(count(ics, "BEGIN:VEVENT") == f.sessions.size() + f.meetings.size() + f.deadlines.size());
  std::size_t pos = 0;
  while (pos < ics.size()) {
    auto crlf = ics.find("\r\n", pos);
    REQUIRE(crlf != std::string::npos);
    auto line = ics.substr(pos, crlf - pos);
    CHECK(line.size() <= 75);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    pos = crlf + 2;
  }
}

TEST_CASE("bad input: unknown zone or control characters or missing uid", "[rules][ical]") {
  SECTION("a zone missing from the tz database names the zone and the item") {
    Env env;
    env.f.stations.push_back({"MARS", "Mars Base", "Mars/Olympus_Mons"});
    const auto& s = env.f.add_session({"GGE-ICT-2004", 1, test::ymd(2005, 1, 3), test::ymd(2005, 1, 7),
                                       "MARS", "", SessionStatus::planned, "mars@test.gge", 0});
    env.f.add_meeting(s, s.first, k_morning_start, k_morning_end);
    try {
      test::write_to_string(env.f.calendar, test::fixed_options());
      FAIL("accepted an unknown zone");
    } catch (const InputError& e) {
      CHECK(e.value() == "Mars/Olympus_Mons");
      CHECK(std::string(e.what()).find("not in the tz database") != std::string::npos);
    }
    // Streaming: a meeting whose zone was not declared names the meeting.
    std::string out;
    IcalWriter w([&](std::string_view c) { out.append(c); }, test::fixed_options());
    w.begin({}, s.first, s.last);
    try {
      w.write(env.f.calendar.meetings.front());
      FAIL("accepted an undeclared zone");
    } catch (const InputError& e) {
      CHECK(e.where().find("meeting GGE-ICT-2004#1 2005-01-03 10:00") != std::string::npos);
      CHECK(e.value() == "Mars/Olympus_Mons");
    }
  }
  SECTION("a control character is refused with field and value and item and the event is not half-written") {
    Env env;
    const auto& good = env.session(SessionStatus::planned, test::ymd(2005, 1, 3), test::ymd(2005, 1, 7));
    const auto& bad = env.session(SessionStatus::planned, test::ymd(2005, 2, 3), test::ymd(2005, 2, 7),
                                  "Room\x07 4");
    std::string out;
    IcalWriter w([&](std::string_view c) { out.append(c); }, test::fixed_options());
    w.begin({}, good.first, bad.last);
    w.write(env.f.calendar.sessions[0]);
    try {
      w.write(env.f.calendar.sessions[1]);
      FAIL("accepted a control character");
    } catch (const InputError& e) {
      CHECK(e.where() == "session GGE-ICT-2004#2");
      CHECK(e.value().find("Room\x07 4") != std::string::npos);
      CHECK(e.field().find("room") != std::string::npos);
    }
    w.finish();
    CHECK(w.events() == 1);
    CHECK(count(out, "BEGIN:VEVENT") == 1);
    CHECK(count(out, "END:VEVENT") == 1);
    CHECK(out.find("Room") == std::string::npos);
  }
  SECTION("a session ending before it starts and a meeting ending before it starts are refused") {
    Env env;
    const auto& s = env.session(SessionStatus::planned, test::ymd(2005, 1, 7), test::ymd(2005, 1, 3));
    CHECK_THROWS_AS(test::write_to_string(env.f.calendar, test::fixed_options()), InputError);
    const_cast<Session&>(s).last = test::ymd(2005, 1, 7);
    env.f.add_meeting(s, s.first, k_morning_end, k_morning_start);
    try {
      test::write_to_string(env.f.calendar, test::fixed_options());
      FAIL("accepted a meeting that ends before it starts");
    } catch (const InputError& e) {
      CHECK(e.where() == "meeting GGE-ICT-2004#1 2005-01-07");
    }
  }
  SECTION("an item without uid is refused") {
    Env env;
    const auto& s = env.session(SessionStatus::planned, test::ymd(2005, 1, 3), test::ymd(2005, 1, 7));
    const_cast<Session&>(s).uid.clear();
    CHECK_THROWS_AS(test::write_to_string(env.f.calendar, test::fixed_options()), InputError);
  }
}

TEST_CASE("IcalWriter streams in chunks: the output does not depend on the chunk size", "[rules][ical]") {
  Env env;
  const auto& s = env.session(SessionStatus::confirmed, test::ymd(2005, 1, 3), test::ymd(2005, 12, 30));
  for (int i = 0; i < 2000; ++i)
    env.f.add_meeting(s, s.first + date::days{i % 360}, Minutes{600 + (i % 5)}, k_morning_end, "plenary", i);
  auto run = [&](std::size_t chunk, std::size_t& largest, std::size_t& chunks) {
    std::string out;
    IcalWriter w([&](std::string_view c) { out.append(c); largest = std::max(largest, c.size()); ++chunks; },
                 test::fixed_options(), chunk);
    std::vector<std::string> zones{"America/New_York"};
    w.begin(zones, s.first, s.last);
    for (const auto& m : env.f.calendar.meetings) w.write(m);
    w.finish();
    CHECK(w.events() == 2000);
    return out;
  };
  std::size_t big_largest = 0, big_chunks = 0, small_largest = 0, small_chunks = 0;
  auto whole = run(std::size_t{1} << 30, big_largest, big_chunks);
  auto chunked = run(4096, small_largest, small_chunks);
  CHECK(whole == chunked);
  CHECK(big_chunks == 1);
  CHECK(small_chunks > whole.size() / 8192);
  CHECK(small_largest < 4096 + 2048);  // a chunk is handed over as soon as it reaches 4096 bytes
}
