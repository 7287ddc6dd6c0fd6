// gge import ics|list|remove, and what gge check and gge dump/load make of imported busy time.
#include "cli/support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using gge::test::bytes_of;
using gge::test::quote;
using gge::test::Scratch;

namespace {

std::string calendar(const std::string& events) {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n";
}

// Expert by-1 sits on GGE-ICT-2004, whose session 2 is planned at GVA, 11 to 15 April 2005.
const std::string k_busy_week = calendar(
    "BEGIN:VEVENT\r\nUID:week@example.org\r\nDTSTART;VALUE=DATE:20050411\r\nDTEND;VALUE=DATE:"
    "20050416\r\n"
    "SUMMARY:National budget week\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:free@example.org\r\nDTSTART:20050412T090000Z\r\nDTEND:20050412T100000Z\r\n"
    "TRANSP:TRANSPARENT\r\nSUMMARY:Reading time\r\nEND:VEVENT\r\n");

const std::string k_busy_day = calendar(
    "BEGIN:VEVENT\r\nUID:day@example.org\r\nDTSTART;TZID=Europe/Zurich:20050413T100000\r\n"
    "DTEND;TZID=Europe/Zurich:20050413T120000\r\nSUMMARY:Parliament hearing\r\nEND:VEVENT\r\n");

}  // namespace

TEST_CASE("gge import ics: an expert's busy week is reported by gge check, with summary and source",
          "[cli]") {
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  const auto before = s.gge("--json check");
  CHECK(before.out.find("expert-busy") == std::string::npos);

  const auto file = s.write("by-1.ics", k_busy_week);
  const auto imported = s.gge("import ics " + quote(file) + " --expert by-1");
  INFO(imported.err);
  REQUIRE(imported.code == 0);
  CHECK(imported.out.find("imported by-1.ics: 1 busy time from 2 events") != std::string::npos);
  CHECK(imported.out.find("skipped: 1 transparent (free), 0 cancelled") != std::string::npos);

  const auto check = s.gge("--json check");
  const auto j = nlohmann::json::parse(check.out);
  const auto& findings = j["findings"];
  const auto busy = std::find_if(findings.begin(), findings.end(), [](const nlohmann::json& f) {
    return f["code"] == "expert-busy";
  });
  REQUIRE(busy != findings.end());
  CHECK((*busy)["session"] == 2);
  CHECK((*busy)["first"] == "2005-04-11");
  CHECK((*busy)["last"] == "2005-04-15");
  const std::string reason = (*busy)["reason"];
  CHECK(reason.find("National budget week") != std::string::npos);
  CHECK(reason.find("by-1.ics") != std::string::npos);
  CHECK((*busy)["fix"].get<std::string>().rfind("move GGE-ICT-2004#2 to", 0) == 0);
  CHECK(check.code == 1);

  // A re-import of the same source replaces it; the change log keeps what was replaced.
  const auto file2 = s.write("hearing.ics", k_busy_day);
  const auto again = s.gge("import ics " + quote(file2) + " --expert by-1 --name by-1.ics");
  REQUIRE(again.code == 0);
  CHECK(again.out.find("replaced 1 of the earlier import") != std::string::npos);
  const auto log = nlohmann::json::parse(s.gge("--json log --limit 2").out);
  REQUIRE(log.size() == 2);
  CHECK(log[0]["action"] == "delete");
  CHECK(log[0]["before"]["summary"] == "National budget week");
  CHECK(log[1]["after"]["summary"] == "Parliament hearing");
  const auto list = s.gge("--json import list");
  const auto sources = nlohmann::json::parse(list.out);
  REQUIRE(sources.size() == 1);
  CHECK(sources[0]["busy"] == 1);
  CHECK(sources[0]["first"] == "2005-04-13");
  const auto day = nlohmann::json::parse(s.gge("--json check").out);
  const auto hearing =
      std::find_if(day["findings"].begin(), day["findings"].end(),
                   [](const nlohmann::json& f) { return f["code"] == "expert-busy"; });
  REQUIRE(hearing != day["findings"].end());
  CHECK((*hearing)["first"] == "2005-04-13");
  CHECK((*hearing)["last"] == "2005-04-13");

  // Scenario files carry imported busy time: dump, load elsewhere, dump again.
  const auto dumped = s.gge("dump");
  REQUIRE(dumped.code == 0);
  CHECK(dumped.out.find("[[busy]]") != std::string::npos);
  Scratch t;
  REQUIRE(t.gge("load " + quote(s.write("round.toml", dumped.out))).code == 0);
  CHECK(t.gge("dump").out == dumped.out);

  const auto removed = s.gge("import remove by-1.ics");
  CHECK(removed.code == 0);
  CHECK(s.gge("--json check").out.find("expert-busy") == std::string::npos);
  const auto unknown = s.gge("import remove nothing.ics");
  CHECK(unknown.code == 2);
  CHECK(unknown.err == "gge: SOURCE 'nothing.ics': no such import (see gge import list)\n");
}

TEST_CASE(
    "gge import ics: a bad file is one line naming file, line and problem, exit 2, the database "
    "untouched",
    "[cli]") {
  struct Row {
    std::string name, text, message;
  };
  const std::string event =
      "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20050301T100000Z\r\nDTEND:20050301T110000Z\r\n";
  const auto row = GENERATE_COPY(
      Row{"broken.ics", calendar(event + "lost its name\r\nEND:VEVENT\r\n"),
          "broken.ics:8: line 'lost its name': is not NAME:VALUE (a broken or unfolded line?)"},
      Row{"noend.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + event,
          "noend.ics:3: BEGIN 'VEVENT': has no END:VEVENT before the end of the file"},
      Row{"tzid.ics",
          calendar("BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Gotham/"
                   "Central:20050301T100000\r\nEND:VEVENT\r\n"),
          "tzid.ics:6: TZID 'Gotham/Central': no VTIMEZONE in the file defines it, and it is "
          "neither an IANA nor a "
          "Windows zone name"},
      Row{"endless.ics",
          calendar("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20050301T100000Z\r\nRRULE:FREQ="
                   "MINUTELY\r\nEND:VEVENT\r\n"),
          "endless.ics:4: RRULE 'FREQ=MINUTELY': gives more than 200000 instances between "
          "2005-01-01 and 2005-12-31: "
          "limit the rule (COUNT, UNTIL) or the import window"},
      Row{"long.ics",
          calendar(event + "DESCRIPTION:" + std::string(20'000, 'x') + "\r\nEND:VEVENT\r\n"),
          "long.ics:8: line of 20013 bytes; at most 16384 bytes per line"},
      Row{"dense.ics",
          calendar("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:19000101T000000Z\r\nRRULE:FREQ="
                   "SECONDLY\r\nEND:VEVENT\r\n"),
          "dense.ics:4: RRULE 'FREQ=SECONDLY': takes more than 2000000 recurrence steps: a rule "
          "this dense cannot be "
          "imported"},
      Row{"junk.ics",
          std::string("\x7f"
                      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                      16),
          "junk.ics:1: binary data (a NUL byte): not an iCalendar file"});
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  const auto path = s.write(row.name, row.text);
  const std::string db_before = bytes_of(s.db());
  const auto r =
      s.gge("import ics " + quote(path) + " --expert by-1 --from 2005-01-01 --to 2005-12-31");
  INFO(row.name);
  CHECK(r.code == 2);
  CHECK(r.err == "gge: " + s.dir().string() + "/" + row.message + "\n");
  CHECK(bytes_of(s.db()) == db_before);
}

TEST_CASE("gge import ics: a 100 MB file is refused unread, the database untouched", "[cli]") {
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  const auto path = s.write("huge.ics", "");
  std::filesystem::resize_file(path, 100u << 20);
  const std::string db_before = bytes_of(s.db());
  const auto r = s.gge("import ics " + quote(path) + " --station GVA");
  CHECK(r.code == 2);
  CHECK(r.err == "gge: " + path +
                     ": the calendar file is larger than 64 MiB, the limit for one input file\n");
  CHECK(bytes_of(s.db()) == db_before);
  const auto who = s.gge("import ics " + quote(path) + " --expert nobody");
  CHECK(who.err == "gge: --expert 'nobody': no such expert\n");
}

TEST_CASE("gge plan avoids an expert's imported busy week", "[cli]") {
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  const std::string plan =
      "--json plan 58/32-GGE --venues NY,GVA,NY --min-gap 8w --avoid aug --from 2005-01-01 "
      "--earliest --top 3";
  const auto overlaps_busy_week = [](const nlohmann::json& session) {
    return session["first"].get<std::string>() <= "2005-04-15" &&
           session["last"].get<std::string>() >= "2005-04-11";
  };
  const auto before = nlohmann::json::parse(s.gge(plan).out);
  REQUIRE(before["plans"].size() >= 1);
  bool used = false;
  for (const auto& session : before["plans"][0]["sessions"])
    used = used || overlaps_busy_week(session);
  REQUIRE(used);  // without the import, the best plan meets in that week

  REQUIRE(s.gge("import ics " + quote(s.write("by-1.ics", k_busy_week)) + " --expert by-1").code ==
          0);
  const auto after = nlohmann::json::parse(s.gge(plan).out);
  REQUIRE(after["plans"].size() >= 1);
  for (const auto& p : after["plans"])
    for (const auto& session : p["sessions"]) {
      INFO(session.dump());
      CHECK(!overlaps_busy_week(session));
    }
}

TEST_CASE("gge import ics: a good file then a bad one writes nothing", "[cli]") {
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  const auto good = s.write("by-1.ics", k_busy_week);
  const auto bad = s.write("bad.ics", calendar("BEGIN:VEVENT\r\nUID:x\r\n"));
  const std::string db_before = bytes_of(s.db());
  const auto r = s.gge("import ics " + quote(good) + " " + quote(bad) + " --expert by-1");
  CHECK(r.code == 2);
  CHECK(r.err == "gge: " + bad + ":6: END 'VCALENDAR': does not close BEGIN:VEVENT of line 4\n");
  CHECK(bytes_of(s.db()) == db_before);
}

TEST_CASE("gge plan --experts soft trades an expert's busy days against the other preferences",
          "[cli]") {
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  const std::string plan =
      "--json plan 58/32-GGE --venues NY,GVA,NY --min-gap 8w --avoid aug --from 2005-01-01 "
      "--earliest --top 2";
  const auto best = [&](const std::string& extra) {
    const auto r = s.gge(plan + extra);
    INFO(r.err);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["plans"].size() >= 1);
    return j["plans"][0];
  };
  const auto free = best("");
  REQUIRE(free["sessions"][0]["first"] == "2005-04-11");  // without imports: 11 to 15 April
  REQUIRE(free["score"]["experts"] == 0);

  // One busy morning (1 expert-day, 20 points) costs less than moving the week (published 70,
  // spacing and timing): soft keeps the week and says what it costs.
  REQUIRE(s.gge("import ics " + quote(s.write("by-1.ics", k_busy_day)) + " --expert by-1").code ==
          0);
  const auto hard = best("");
  CHECK(hard["sessions"][0]["first"] != "2005-04-11");
  const auto soft = best(" --experts soft");
  CHECK(soft["sessions"][0]["first"] == "2005-04-11");
  CHECK(soft["score"]["experts"] == 20);
  CHECK(soft["score"]["total"] == free["score"]["total"].get<int>() + 20);
  CHECK(soft["score"]["total"] < hard["score"]["total"]);
  const auto text = s.gge(
      "plan 58/32-GGE --venues NY,GVA,NY --min-gap 8w --avoid aug --from 2005-01-01 --earliest "
      "--top 1 --experts soft");
  CHECK(text.out.find("experts 20)") != std::string::npos);
  CHECK(text.out.find(
            "    experts busy 1 expert-day: expert by-1 busy: Parliament hearing (by-1.ics)\n") !=
        std::string::npos);

  // A busy week (5 expert-days, 100 points) costs more than moving: soft moves it as hard does.
  REQUIRE(s.gge("import ics " + quote(s.write("week.ics", k_busy_week)) +
                " --expert by-1 --name by-1.ics")
              .code == 0);
  const auto soft_week = best(" --experts soft");
  CHECK(soft_week["sessions"][0]["first"] != "2005-04-11");
  CHECK(soft_week["score"]["experts"] == 0);
  CHECK(soft_week == best(""));

  const auto wrong = s.gge("plan 58/32-GGE --experts maybe");
  CHECK(wrong.code == 2);
  CHECK(wrong.err == "gge: --experts 'maybe': must be hard or soft\n");
}
