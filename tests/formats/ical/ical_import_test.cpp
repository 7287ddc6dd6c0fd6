#include "gge/formats/ical/ical_import.hpp"

#include "formats/ical/ical_fixture.hpp"
#include "gge/core/error.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace gge;
using namespace date::literals;

namespace {

std::filesystem::path fixture(std::string_view name) {
  return std::filesystem::path{GGE_SOURCE_DIR} / "tests" / "formats" / "ical" / "ics" / name;
}

IcsOptions year_2005(const char* floating_zone = "Etc/UTC") {
  IcsOptions o;
  o.from = Date{2005_y / 1 / 1};
  o.to = Date{2005_y / 12 / 31};
  o.floating_zone = floating_zone ? date::locate_zone(floating_zone) : nullptr;
  return o;
}

std::string ymd8(Date d) {
  const date::year_month_day x{d};
  return fmt::format("{:04}{:02}{:02}", int(x.year()), unsigned(x.month()), unsigned(x.day()));
}

/// One line per instance, "uid start end" (UTC seconds) or "uid first last" (YYYYMMDD), sorted.
std::vector<std::string> ours(const IcsImport& r) {
  std::vector<std::string> out;
  for (const auto& b : r.busy)
    out.push_back(b.all_day ? fmt::format("{} {} {}", b.uid, ymd8(b.first), ymd8(b.last))
                            : fmt::format("{} {} {}", b.uid, b.start.time_since_epoch().count(),
                                          b.end.time_since_epoch().count()));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> oracle(const std::string& command) {
  const auto r = test::run_command(command);
  INFO(command);
  REQUIRE(r.status == 0);
  std::vector<std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    const std::string uid = j["uid"];
    out.push_back(j.contains("first") ? fmt::format("{} {} {}", uid, j["first"].get<std::string>(),
                                                    j["last"].get<std::string>())
                                      : fmt::format("{} {} {}", uid, j["start"].get<long long>(),
                                                    j["end"].get<long long>()));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());  // libical repeats an RDATE = DTSTART
  return out;
}

std::string error_of(std::string_view text, const IcsOptions& o = year_2005()) {
  try {
    (void)read_ics(text, "bad.ics", o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

long long utc(date::sys_seconds t) { return t.time_since_epoch().count(); }

}  // namespace

TEST_CASE("read_ics: every instance equals libical's and ical.js's own expansion",
          "[formats][ical]") {
  const std::string file = GENERATE("outlook.ics", "google.ics", "apple.ics", "floating.ics");
  const auto path = fixture(file);
  const auto mine = ours(read_ics_file(path, year_2005()));
  INFO(file);
  CHECK(mine.size() >= 1);
  CHECK(mine ==
        oracle(fmt::format("'{}' '{}' 20050101 20051231", GGE_LIBICAL_EXPAND, path.string())));
  CHECK(mine == oracle(fmt::format("'{}' '{}/icaljs_expand.mjs' '{}' 20050101 20051231", GGE_NODE,
                                   GGE_ICAL_TOOLS, path.string())));
}

TEST_CASE("read_ics: a weekly series with an EXDATE, a moved and a cancelled instance",
          "[formats][ical]") {
  const auto r = read_ics_file(fixture("google.ics"), year_2005());
  std::vector<BusyTime> weekly;
  for (const auto& b : r.busy)
    if (b.uid == "weekly-standup-2005@google.com") weekly.push_back(b);
  // COUNT=10 Tuesdays from 1 March; 15 March excluded, 19 April cancelled: 8 remain, one of
  // them moved to Wednesday 6 April 14:00 EDT.
  REQUIRE(weekly.size() == 8);
  CHECK(utc(weekly.front().start) ==
        utc(date::sys_days{2005_y / 3 / 1} + std::chrono::hours{15}));  // 10:00 EST
  const auto moved = std::find_if(weekly.begin(), weekly.end(), [](const BusyTime& b) {
    return b.summary == "Weekly delegation meeting (Wednesday this week)";
  });
  REQUIRE(moved != weekly.end());
  CHECK(utc(moved->start) ==
        utc(date::sys_days{2005_y / 4 / 6} + std::chrono::hours{18}));  // 14:00 EDT
  CHECK(r.cancelled == 2);  // the cancelled lunch and the cancelled instance
  CHECK(r.transparent == 0);
  CHECK(r.events == 5);
}

TEST_CASE("read_ics: Outlook's Windows zone names, with and without a VTIMEZONE",
          "[formats][ical]") {
  CHECK(iana_zone_of_windows_zone("W. Europe Standard Time") == "Europe/Berlin");
  CHECK(iana_zone_of_windows_zone("Eastern Standard Time") == "America/New_York");
  CHECK(iana_zone_of_windows_zone("Europe/Berlin").empty());
  CHECK(iana_zone_of_windows_zone("").empty());

  const auto outlook = read_ics_file(fixture("outlook.ics"), year_2005());
  CHECK(outlook.transparent == 1);       // the out-of-office all-day event
  CHECK(outlook.windows_zones.empty());  // the file's VTIMEZONE defines its Windows name
  const auto r = read_ics_file(fixture("outlook_windows_zones.ics"), year_2005());
  REQUIRE(r.busy.size() == 2);
  CHECK(r.windows_zones == std::vector<std::string>{"Eastern Standard Time -> America/New_York",
                                                    "Tokyo Standard Time -> Asia/Tokyo"});
  CHECK(utc(r.busy[0].start) ==
        utc(date::sys_days{2005_y / 7 / 11} + std::chrono::minutes{13 * 60 + 30}));
  CHECK(utc(r.busy[1].start) == utc(date::sys_days{2005_y / 12 / 5}));  // 09:00 JST
}

TEST_CASE("read_ics: all-day days are inclusive, floating times take the given zone",
          "[formats][ical]") {
  const auto apple = read_ics_file(fixture("apple.ics"), year_2005());
  const auto vienna = std::find_if(apple.busy.begin(), apple.busy.end(), [](const BusyTime& b) {
    return b.summary == "Conference in Vienna";
  });
  REQUIRE(vienna != apple.busy.end());
  CHECK(vienna->all_day);
  CHECK(vienna->first == Date{2005_y / 5 / 18});
  CHECK(vienna->last == Date{2005_y / 5 / 23});  // DTEND 24 May is exclusive

  const auto geneva = read_ics_file(fixture("floating.ics"), year_2005("Europe/Zurich"));
  REQUIRE(geneva.busy.size() == 1);
  CHECK(geneva.floating == 1);
  CHECK(utc(geneva.busy[0].start) == utc(date::sys_days{2005_y / 3 / 9} + std::chrono::hours{9}));
  CHECK_THROWS_WITH(read_ics_file(fixture("floating.ics"), year_2005(nullptr)),
                    Catch::Contains("floating.ics:4") && Catch::Contains("floating time"));
}

TEST_CASE("read_ics: only instances that meet the window", "[formats][ical]") {
  IcsOptions o = year_2005();
  o.from = Date{2005_y / 3 / 20};
  o.to = Date{2005_y / 3 / 31};
  const auto r = read_ics_file(fixture("google.ics"), o);
  REQUIRE(r.busy.size() == 2);  // Tuesdays 22 and 29 March
  CHECK(r.busy[0].start < r.busy[1].start);
}

TEST_CASE("read_ics: an RRULE without end is expanded up to the window's end only",
          "[formats][ical]") {
  const std::string daily =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:d\r\n"
      "DTSTART:20040101T090000Z\r\nDTEND:20040101T100000Z\r\nRRULE:FREQ=DAILY\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n";
  const auto r = read_ics(daily, "daily.ics", year_2005());
  REQUIRE(r.busy.size() == 365);  // every day of 2005, none before or after
  CHECK(utc(r.busy.front().start) == utc(date::sys_days{2005_y / 1 / 1} + std::chrono::hours{9}));
  CHECK(utc(r.busy.back().start) == utc(date::sys_days{2005_y / 12 / 31} + std::chrono::hours{9}));
  // The limits are the untrusted-text ones, and the options default to them.
  CHECK(IcsOptions{}.max_instances == k_max_instances);
  CHECK(IcsOptions{}.max_steps == k_max_recurrence_steps);
}

TEST_CASE("read_ics: an RDATE with a TZID is taken in that zone", "[formats][ical]") {
  // Checked against the tz database, not the oracles: libical 3.0.16's
  // icalcomponent_foreach_recurrence reads an RDATE's wall clock as UTC, and ical.js 2.1 leaves
  // DTSTART out when a series has RDATEs only (RFC 5545 3.8.5.2: DTSTART is the first instance).
  const auto r = read_ics_file(fixture("apple_rdate.ics"), year_2005());
  REQUIRE(r.busy.size() == 3);
  CHECK(utc(r.busy[0].start) ==
        utc(date::sys_days{2005_y / 3 / 8} + std::chrono::hours{13}));  // 14:00 CET
  CHECK(utc(r.busy[1].start) ==
        utc(date::sys_days{2005_y / 3 / 29} + std::chrono::hours{12}));  // 14:00 CEST
  CHECK(utc(r.busy[2].start) == utc(date::sys_days{2005_y / 4 / 12} + std::chrono::hours{12}));
  CHECK(utc(r.busy[2].end) - utc(r.busy[2].start) == 3 * 3600);
}

TEST_CASE("read_ics: a bad file is one line naming the file, the line and the problem",
          "[formats][ical]") {
  const auto cal = [](std::string body) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body + "END:VCALENDAR\r\n";
  };
  const std::string event =
      "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20050301T100000Z\r\nDTEND:20050301T110000Z\r\n";
  struct Case {
    std::string text, expected;
  };
  const Case cases[] = {
      {cal(event + "this line lost its name\r\nEND:VEVENT\r\n"),
       "bad.ics:8: line 'this line lost its name': is not NAME:VALUE"},
      {cal(event), "bad.ics:8: END 'VCALENDAR': does not close BEGIN:VEVENT of line 4"},
      {"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + event,
       "bad.ics:3: BEGIN 'VEVENT': has no END:VEVENT"},
      {cal("BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars/Olympus "
           "Mons:20050301T100000\r\nEND:VEVENT\r\n"),
       "bad.ics:6: TZID 'Mars/Olympus Mons': no VTIMEZONE in the file defines it"},
      {cal("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20050301T100000Z\r\nRRULE:FREQ=MINUTELY\r\nEND:"
           "VEVENT\r\n"),
       "bad.ics:4: RRULE 'FREQ=MINUTELY': gives more than 200000 instances between 2005-01-01 and "
       "2005-12-31"},
      {cal("BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:no start\r\nEND:VEVENT\r\n"),
       "bad.ics:4: VEVENT has no DTSTART"},
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "bad.ics:3: binary data (a NUL byte)"},
      {cal("BEGIN:VEVENT\r\nSUMMARY:caf\xe9\r\n"),
       R"(bad.ics:5: line 'SUMMARY:caf\xe9': invalid UTF-8)"},
      {cal(event + "DESCRIPTION:" + std::string(20'000, 'x') + "\r\nEND:VEVENT\r\n"),
       "bad.ics:8: line of 20013 bytes; at most 16384 bytes per line"},
      {cal(event + "DESCRIPTION:" +
           [] {
             std::string folded;
             for (int i = 0; i < 4000; ++i) folded += std::string(74, 'x') + "\r\n ";
             return folded;
           }() +
           "\r\nEND:VEVENT\r\n"),
       "bad.ics:8: line 'DESCRIPTION:xxxxxxxxxxxxxxxxxxxxxxxxxxxx...': is longer than 262144 bytes "
       "unfolded"},
      {cal("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:19000101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:"
           "VEVENT\r\n"),
       "bad.ics:4: RRULE 'FREQ=SECONDLY': takes more than 2000000 recurrence steps"},
      {"Subject: meeting\r\n\r\nSee you then.\r\n",
       "bad.ics:1: line 'Subject: meeting': comes before BEGIN:VCALENDAR"},
      {"", "bad.ics:1: no BEGIN:VCALENDAR"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const std::string message = error_of(c.text);
    CHECK_THAT(message, Catch::StartsWith(c.expected));
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("read_ics_file: a file over the size limit is refused unread", "[formats][ical]") {
  test::TempFile big("big.ics", "");
  std::filesystem::resize_file(big.path, 100u << 20);  // 100 MB, sparse: nothing is read
  CHECK_THROWS_WITH(
      read_ics_file(big.path, year_2005()),
      Catch::EndsWith(
          "big.ics: the calendar file is larger than 64 MiB, the limit for one input file"));
}
