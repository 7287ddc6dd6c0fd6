// Scenario TOML: the round trip of the examples and every kind of input error, with its message.
#include "gge/formats/scenario/scenario_toml.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

using namespace gge;
using date::days;

namespace {

std::string example(const std::string& name) {
  return std::string(GGE_SOURCE_DIR) + "/examples/" + name + "/scenario.toml";
}

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y} / date::month{m} / date::day{d}}; }

// The message read_scenario throws for `text`, or "" when it reads.
std::string error_of(const std::string& text) {
  try {
    read_scenario(text, "s.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// A valid file the error cases change one line of. Line numbers matter.
const std::string k_base =
    "[[station]]\n"               // 1
    "code = \"NY\"\n"             // 2
    "name = \"New York\"\n"       // 3
    "zone = \"America/New_York\"\n"  // 4
    "\n"                          // 5
    "[[body]]\n"                  // 6
    "symbol = \"G\"\n"            // 7
    "name = \"Group\"\n"          // 8
    "\n"                          // 9
    "[[session]]\n"               // 10
    "body = \"G\"\n"              // 11
    "number = 1\n"                // 12
    "first = 2005-04-11\n"        // 13
    "last = 2005-04-15\n"         // 14
    "station = \"NY\"\n";         // 15

// k_base with line `line` (1-based) replaced by `text` (which may hold several lines).
std::string with_line(int line, const std::string& text) {
  std::string out;
  int n = 1;
  std::size_t pos = 0;
  while (pos < k_base.size()) {
    const auto end = k_base.find('\n', pos);
    out += (n == line) ? text : k_base.substr(pos, end - pos);
    out += '\n';
    pos = end + 1;
    ++n;
  }
  return out;
}

}  // namespace

TEST_CASE("the base file of the error cases reads", "[formats]") {
  const Scenario s = read_scenario(k_base, "s.toml");
  REQUIRE(s.sessions.size() == 1);
  CHECK(s.sessions[0].first == ymd(2005, 4, 11));
  CHECK(s.sessions[0].last == ymd(2005, 4, 15));
  CHECK(s.sessions[0].status == SessionStatus::planned);
  CHECK(s.stations[0].hours_from == Minutes{9 * 60});  // model default when left out
}

TEST_CASE("the 2004-2005 example reads and round-trips byte-stably", "[formats]") {
  Scenario s = read_scenario_file(example("gge-2004-2005"));
  CHECK(s.stations.size() == 4);
  CHECK(s.rooms.size() == 8);
  CHECK(s.resolutions.size() == 7);
  CHECK(s.experts.size() == 15);
  CHECK(s.memberships.size() == 15);
  REQUIRE(s.bodies.size() == 1);
  CHECK(s.bodies[0].members == 15);
  REQUIRE(s.mandates.size() == 1);
  CHECK(s.mandates[0].key == "58/32-GGE");
  CHECK(s.mandates[0].report_to_session == 60);
  CHECK(s.mandates[0].sessions_entitled == 3);
  REQUIRE(s.sessions.size() == 3);
  CHECK(s.sessions[0].first == ymd(2004, 7, 12));
  CHECK(s.sessions[0].last == ymd(2004, 7, 16));
  CHECK(s.sessions[0].status == SessionStatus::held);
  CHECK(s.sessions[2].last <= ymd(2005, 6, 20));  // the latest end day of the deadline chain
  CHECK(s.meetings.size() == 10);
  CHECK(s.ga_openings.size() == 2);

  const std::string text = write_scenario(s);
  CHECK(text.rfind("# gge scenario\n", 0) == 0);
  CHECK(text.find("hours_from") == std::string::npos);  // defaults are left out
  CHECK(text.find("status = \"planned\"") != std::string::npos);  // a session's status is shown
  CHECK(text.find("[[station]]\ncode = \"GVA\"") < text.find("[[station]]\ncode = \"NY\""));
  const Scenario again = read_scenario(text, "dump.toml");
  sort_canonically(s);
  CHECK(again == s);
  CHECK(write_scenario(again) == text);
}

TEST_CASE("the example is clean: no session on a weekend or a holiday, all within the mandate",
          "[formats]") {
  const Scenario s = read_scenario_file(example("gge-2004-2005"));
  const Mandate& m = s.mandates.at(0);
  int days_used = 0;
  for (const Session& session : s.sessions) {
    CHECK(session.first >= m.start);
    days_used += static_cast<int>((session.last - session.first).count()) + 1;
    for (Date d = session.first; d <= session.last; d += days{1}) {
      INFO(to_iso(d));
      CHECK_FALSE(is_weekend(d));
      for (const Holiday& h : s.holidays) CHECK_FALSE((h.station == session.station && h.date == d));
    }
  }
  CHECK(static_cast<int>(s.sessions.size()) <= m.sessions_entitled);
  CHECK(days_used <= m.days_entitled);
  for (const Meeting& meeting : s.meetings) {
    const auto session = std::find_if(s.sessions.begin(), s.sessions.end(), [&](const Session& x) {
      return x.body == meeting.body && x.number == meeting.session;
    });
    REQUIRE(session != s.sessions.end());
    CHECK(meeting.date >= session->first);
    CHECK(meeting.date <= session->last);
    const auto station = std::find_if(s.stations.begin(), s.stations.end(),
                                      [&](const DutyStation& x) { return x.code == session->station; });
    REQUIRE(station != s.stations.end());
    CHECK(meeting.start >= station->hours_from);
    CHECK(meeting.end <= station->hours_to);
  }
  for (const Expert& e : s.experts) CHECK(e.name.find("(illustrative)") != std::string::npos);
}

TEST_CASE("the conflicts example loads: conflicts are findings, not input errors", "[formats]") {
  const Scenario s = read_scenario_file(example("conflicts"));
  CHECK(s.bodies.size() == 3);
  CHECK(s.sessions.size() == 7);
  CHECK(s.meetings.size() == 5);
  REQUIRE(s.blackouts.size() == 1);
  CHECK(s.blackouts[0].station == "VIE");
  REQUIRE(s.stations.size() == 3);
  CHECK(s.stations[2].hours_to == Minutes{18 * 60});
}

TEST_CASE("every table and optional field survives write -> read", "[formats]") {
  Scenario s;
  s.stations.push_back({"VIE", "Vienna \"UNOV\"", "Europe/Vienna", Minutes{8 * 60}, Minutes{20 * 60}});
  s.stations.push_back({"GVA", "Genève", "Europe/Zurich"});
  s.rooms.push_back({"GVA", "Room XII", 120});
  s.bodies.push_back({"OEWG", "Open-ended", BodyKind::oewg, 0, 14});
  s.experts.push_back({"e-1", "Name\\with backslash", ""});
  s.memberships.push_back({"e-1", "OEWG", "chair"});
  s.resolutions.push_back({"75/240", ymd(2020, 12, 31), 75, "Title", "Item 94"});
  Mandate m{"75/240-oewg", "OEWG", "75/240", ymd(2021, 1, 1), 80, 0, 0, "line one\nline two"};
  m.consider_on = ymd(2025, 10, 1);
  m.submission_weeks = 8;
  m.distribution_weeks = 0;  // set to 0 is not "unset": it must survive
  m.adoption_working_days = 5;
  m.member_states_by = ymd(2025, 4, 1);
  s.mandates.push_back(m);
  s.deadlines.push_back({"75/240-oewg", "submission", ymd(2025, 7, 23), "10 weeks before"});
  s.sessions.push_back({"OEWG", 2, ymd(2021, 3, 8), ymd(2021, 3, 12), "GVA", "Room XII",
                        SessionStatus::postponed, "uid-2@gge", 3});
  s.sessions.push_back({"OEWG", 1, ymd(2021, 2, 1), ymd(2021, 2, 5), "GVA", "",
                        SessionStatus::planned, "", 0});
  s.meetings.push_back({"OEWG", 2, ymd(2021, 3, 8), Minutes{15 * 60}, Minutes{24 * 60}, "Room XII",
                        "informal", 2, "m-2@gge", 1});
  s.meetings.push_back({"OEWG", 2, ymd(2021, 3, 8), Minutes{10 * 60}, Minutes{13 * 60}, "", "", 1,
                        "", 0});
  s.holidays.push_back({"GVA", ymd(2021, 5, 24), "Whit Monday", HolidayStatus::estimated});
  HolidayRule r{"GVA", "Easter Monday", HolidayRuleKind::easter};
  r.offset = 1;
  r.from_year = 2000;
  r.to_year = 2024;
  r.observance = Observance::next_working;
  r.source = "UNOG list";
  s.holiday_rules.push_back(r);
  HolidayRule thanks{"GVA", "Fourth Thursday", HolidayRuleKind::nth_weekday, 11, 0, 4, 4};
  s.holiday_rules.push_back(thanks);
  s.ga_openings.push_back({76, ymd(2021, 9, 14), "A/INF/76/1"});
  s.blackouts.push_back({"", ymd(2021, 7, 1), ymd(2021, 7, 31), "ECOSOC", Severity::warning});
  s.blackouts.push_back({"GVA", ymd(2021, 8, 2), ymd(2021, 8, 6), "Renovation", Severity::error});

  const std::string text = write_scenario(s);
  INFO(text);
  const Scenario back = read_scenario(text, "all.toml");
  Scenario sorted = s;
  sort_canonically(sorted);
  CHECK(back == sorted);
  CHECK(write_scenario(back) == text);
  // Canonical: sorted by key, defaults left out, uid/revision kept when set.
  CHECK(back.sessions[0].number == 1);
  CHECK(back.meetings[0].start == Minutes{10 * 60});
  CHECK(back.mandates[0].distribution_weeks == 0);
  CHECK(text.find("hours_from = \"08:00\"") != std::string::npos);
  CHECK(text.find("end = \"24:00\"") != std::string::npos);
  CHECK(text.find("revision = 3") != std::string::npos);
  CHECK(text.find("revision = 0") == std::string::npos);
  CHECK(text.find("uid = \"\"") == std::string::npos);
  CHECK(text.find("first = 2021-02-01\n") != std::string::npos);  // a TOML local date
  CHECK(text.find("notes = \"line one\\nline two\"") != std::string::npos);
}

TEST_CASE("dates may be TOML dates or strings, times strings or TOML times", "[formats]") {
  const Scenario a = read_scenario(with_line(13, "first = \"2005-04-11\""), "s.toml");
  CHECK(a.sessions[0].first == ymd(2005, 4, 11));
  const Scenario b = read_scenario(with_line(4, "zone = \"America/New_York\"\nhours_to = 20:30:00"),
                                   "s.toml");
  CHECK(b.stations[0].hours_to == Minutes{20 * 60 + 30});
}

TEST_CASE("input errors name the file, the line, the field and the value", "[formats]") {
  struct Row {
    std::string text;
    std::string message;
  };
  const auto row = GENERATE(
      Row{with_line(13, "first = \"2005-02-30\""),
          "s.toml:13: session.first '2005-02-30': February 2005 has 28 days"},
      Row{with_line(13, "first = 2005-02-30"),  // toml++ refuses the literal; we say why
          "s.toml:13: session.first '2005-02-30': February 2005 has 28 days"},
      Row{with_line(13, "first = \"11 April 2005\""),
          "s.toml:13: session.first '11 April 2005': expected a date as YYYY-MM-DD"},
      Row{with_line(13, "first = 1899-12-31"),
          "s.toml:13: session.first '1899-12-31': year 1899 is outside the supported range "
          "1900..2199"},
      Row{with_line(13, "frist = 2005-04-11"),
          "s.toml:13: session.frist '2005-04-11': unknown key (a session has body, number, first, "
          "last, station, room, status, uid, revision)"},
      Row{with_line(10, "[[sesion]]"),
          "s.toml:10: table 'sesion': unknown; the tables are station, room, body, expert, "
          "membership, resolution, mandate, deadline, session, meeting, holiday, holiday_rule, "
          "ga_opening, blackout or busy"},
      Row{with_line(1, "[station]"),
          "s.toml:1: table 'station': expected rows written as [[station]]"},
      Row{with_line(11, "body = \"GHOST\""),
          "s.toml:11: session.body 'GHOST': no such body in this file"},
      Row{with_line(15, "station = \"NY\"\nroom = \"Room 9\""),
          "s.toml:16: session.room 'Room 9': no room of that name at station NY in this file"},
      Row{with_line(3, "name = \"New York\"\nname = \"Again\""),
          "s.toml:4: Error while parsing key-value pair: cannot redefine existing string 'name'"},
      Row{with_line(5, "\n[[station]]\ncode = \"NY\"\nname = \"Twice\"\nzone = \"UTC\""),
          "s.toml:7: station.code 'NY': already used on line 1"},
      Row{with_line(15,
                    "station = \"NY\"\n[[session]]\nbody = \"G\"\nnumber = 1\nfirst = 2005-05-02\n"
                    "last = 2005-05-06\nstation = \"NY\""),
          "s.toml:16: session 'G, 1': the key (body, number) is already used on line 10"},
      Row{with_line(4, "zone = \"America/New_York"),
          "s.toml:4: Error while parsing string: unescaped control characters other than TAB "
          "(U+0009) are explicitly prohibited"},
      Row{with_line(4, "zone = \"Mars/Olympus\""),
          "s.toml:4: station.zone 'Mars/Olympus': not a time zone of the tz database (e.g. "
          "Europe/Zurich)"},
      Row{with_line(14, "last = 2005-04-08"),
          "s.toml:14: session.last '2005-04-08': is before the first day 2005-04-11"},
      Row{with_line(15, "station = \"NY\"\nstatus = \"finished\""),
          "s.toml:16: session.status 'finished': expected planned, confirmed, held, postponed or "
          "cancelled"},
      Row{with_line(12, "number = \"one\""),
          "s.toml:12: session.number 'one': expected a whole number"},
      Row{with_line(12, "number = 0"), "s.toml:12: session.number '0': must be at least 1"},
      Row{with_line(14, ""),
          "s.toml:10: session.last: missing (a session needs body, number, first, "
          "last and station)"},
      Row{with_line(4, "zone = \"America/New_York\"\nhours_from = \"9am\""),
          "s.toml:5: station.hours_from '9am': expected a time as HH:MM"},
      Row{with_line(4, "zone = \"America/New_York\"\nhours_to = \"08:00\""),
          "s.toml:5: station.hours_to '08:00': must be after 09:00 and no later than 24:00"},
      Row{with_line(15, "station = \"NY\"\n[session.extra]\nx = 1"),
          "s.toml:16: session.extra '{...}': unknown key (a session has body, number, first, last, "
          "station, room, status, uid, revision)"},
      Row{with_line(15,
                    "station = \"NY\"\n\n[[meeting]]\nbody = \"G\"\nnumber = 1\nsession = 2\n"
                    "date = 2005-04-11\nstart = \"15:00\"\nend = \"18:00\""),
          "s.toml:20: meeting.session '2': body G has no session 2 in this file"},
      Row{with_line(15,
                    "station = \"NY\"\n\n[[meeting]]\nbody = \"G\"\nsession = 1\n"
                    "date = 2005-04-11\nstart = \"15:00\"\nend = \"13:00\""),
          "s.toml:22: meeting.end '13:00': must be after the start 15:00 and no later than 24:00"},
      Row{with_line(15,
                    "station = \"NY\"\nuid = \"u-1\"\n\n[[meeting]]\nbody = \"G\"\nsession = 1\n"
                    "date = 2005-04-11\nstart = \"15:00\"\nend = \"18:00\"\nuid = \"u-1\""),
          "s.toml:24: meeting.uid 'u-1': already used on line 16"},
      Row{with_line(15, "station = \"NY\"\nrevision = -1"),
          "s.toml:16: session.revision '-1': must be at least 0"},
      Row{with_line(8, "name = \"Group\"\nkind = \"club\""),
          "s.toml:9: body.kind 'club': expected GGE, OEWG, committee or other"},
      Row{"title = \"x\"\n" + k_base,
          "s.toml:1: table 'title': unknown; the tables are station, "
          "room, body, expert, membership, resolution, mandate, "
          "deadline, session, meeting, holiday, holiday_rule, "
          "ga_opening, blackout or busy"},
      Row{k_base + "\n[[blackout]]\nstation = \"XX\"\nfirst = 2005-01-01\nlast = 2005-01-02\n"
                   "reason = \"r\"\n",
          "s.toml:18: blackout.station 'XX': no such station in this file"},
      Row{k_base +
              "\n[[busy]]\nkind = \"expert\"\nsubject = \"e\"\nsource = \"e.ics\"\nuid = \"x\"\n"
              "start = \"2005-03-01T25:00:00Z\"\nend = \"2005-03-01T26:00:00Z\"\n",
          "s.toml:22: busy.start '2005-03-01T25:00:00Z': no such time of day (00:00:00 to "
          "23:59:59)"},
      Row{k_base +
              "\n[[busy]]\nkind = \"expert\"\nsubject = \"e\"\nsource = \"e.ics\"\nuid = \"x\"\n"
              "start = \"2005-03-01T10:00:00Z\"\nend = \"2005-03-01T10:00:00Z\"\n",
          "s.toml:23: busy.end '2005-03-01T10:00:00Z': is not after the start "
          "2005-03-01T10:00:00Z"},
      Row{k_base +
              "\n[[busy]]\nkind = \"mood\"\nsubject = \"e\"\nsource = \"e.ics\"\nuid = \"x\"\n",
          "s.toml:18: busy.kind 'mood': expected expert, station, room or body"},
      Row{k_base + "\n[[deadline]]\nmandate = \"M\"\nkind = \"submission\"\ndate = 2005-07-05\n",
          "s.toml:18: deadline.mandate 'M': no such mandate in this file"});
  INFO(row.text);
  CHECK(error_of(row.text) == row.message);
}

TEST_CASE("the first problem in the file is the one reported", "[formats]") {
  // The session's error (line 6) comes before the station's (line 13) in the file, although
  // stations come first in the tables' fixed order.
  const std::string text =
      "[[body]]\nsymbol = \"G\"\nname = \"Group\"\n"                                  // 1-3
      "[[session]]\nbody = \"G\"\nnumber = 0\nfirst = 2005-04-11\nlast = 2005-04-15\n"  // 4-8
      "station = \"NY\"\n"                                                              // 9
      "[[station]]\ncode = \"NY\"\nname = \"New York\"\nzone = \"Nowhere/Else\"\n";   // 10-13
  CHECK(error_of(text) == "s.toml:6: session.number '0': must be at least 1");
}

TEST_CASE("a file that cannot be read is an input error naming the path", "[formats]") {
  const auto missing = std::filesystem::temp_directory_path() / "gge-no-such-dir" / "none.toml";
  try {
    read_scenario_file(missing);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          missing.string() + ": cannot read the scenario file (No such file or directory)");
  }
}

TEST_CASE("file errors name the path given", "[formats]") {
  const auto path = std::filesystem::temp_directory_path() / "gge-formats-test-bad.toml";
  std::ofstream(path, std::ios::binary) << with_line(11, "body = \"GHOST\"");
  CHECK_THROWS_WITH(read_scenario_file(path),
                    path.string() + ":11: session.body 'GHOST': no such body in this file");
  std::filesystem::remove(path);
}

TEST_CASE("a holiday rule's weekday is spelled by name in every file, and numbers still read", "[formats]") {
  const std::string rule = "\n[[holiday_rule]]\n"   // 16, 17
                           "station = \"NY\"\n"       // 18
                           "name = \"Thanksgiving Day\"\n"
                           "kind = \"nth_weekday\"\n"
                           "month = 11\n"
                           "nth = 4\n";            // 22
  for (const std::string weekday : {"\"Thursday\"", "\"thursday\"", "4"}) {
    INFO(weekday);
    const Scenario s = read_scenario(k_base + rule + "weekday = " + weekday + "\n", "s.toml");
    REQUIRE(s.holiday_rules.size() == 1);
    CHECK(s.holiday_rules[0].weekday == 4);
    CHECK(write_scenario(s).find("weekday = \"Thursday\"\n") != std::string::npos);
  }
  CHECK(error_of(k_base + rule + "weekday = \"Thurs\"\n") ==
        "s.toml:23: holiday_rule.weekday 'Thurs': expected a weekday name, Monday..Sunday");
  CHECK(error_of(k_base + rule + "weekday = 7\n") ==
        "s.toml:23: holiday_rule.weekday '7': expected a weekday name, Monday..Sunday");
  // The offset bound is the model's, for every kind that has an offset (not only in data files).
  CHECK(error_of(k_base + rule + "weekday = 4\noffset = 500\n") ==
        "s.toml:24: holiday_rule.offset '500': must be between -100 and 100");
}
