// The README's main job and the round trip of scenario files, through the real binary.
#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <nlohmann/json.hpp>

using gge::test::golden_diff;
using gge::test::quote;
using gge::test::Scratch;

TEST_CASE("gge load + session list prints the 2004-2005 schedule", "[cli]") {
  Scratch s;
  const auto load = s.gge("load " + quote(gge::test::example_scenario()));
  INFO(load.err);
  REQUIRE(load.code == 0);
  CHECK(load.out.find(", 1 body, 15 experts, 7 resolutions, 1 mandate, 3 sessions, ") != std::string::npos);
  const auto list = s.gge("session list");
  REQUIRE(list.code == 0);
  CHECK(golden_diff("session-list.txt", list.out) == "");
  CHECK(list.out.find("12 to 16 July 2004") != std::string::npos);
}

TEST_CASE("load(dump(db)) gives the same data and dumping again the same bytes", "[cli]") {
  Scratch a, b;
  REQUIRE(a.gge("load " + quote(gge::test::example_scenario())).code == 0);
  // Make the data less trivial first: move a session, cancel another, generate meetings.
  REQUIRE(a.gge("session move GGE-ICT-2004#2 --first 2005-04-18").code == 0);
  REQUIRE(a.gge("meeting generate GGE-ICT-2004#2").code == 0);
  REQUIRE(a.gge("session cancel GGE-ICT-2004#3").code == 0);
  const auto dump1 = a.gge("dump -o " + quote((a.dir() / "dump.toml").string()));
  REQUIRE(dump1.code == 0);
  const auto file = (a.dir() / "dump.toml").string();
  const auto load = b.gge("load " + quote(file));
  INFO(load.err);
  REQUIRE(load.code == 0);
  const auto d1 = a.gge("dump"), d2 = b.gge("dump");
  REQUIRE(d1.code == 0);
  REQUIRE(d2.code == 0);
  CHECK(d1.out == d2.out);
  CHECK(golden_diff("dump-after-edits.toml", d1.out) == "");
  // Same UIDs and revisions on both sides: identity survives the round trip.
  const auto j1 = nlohmann::json::parse(a.gge("--json session list").out);
  const auto j2 = nlohmann::json::parse(b.gge("--json session list").out);
  CHECK(j1 == j2);
}

TEST_CASE("the change log records inserts and updates with before and after", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  REQUIRE(s.gge("session set-status GGE-ICT-2004#2 confirmed").code == 0);
  const auto log = nlohmann::json::parse(s.gge("log --json --limit 1").out);
  REQUIRE(log.size() == 1);
  CHECK(log[0]["action"] == "update");
  CHECK(log[0]["table"] == "session");
  CHECK(log[0]["key"] == "GGE-ICT-2004#2");
  CHECK(log[0]["before"]["status"] == "planned");
  CHECK(log[0]["after"]["status"] == "confirmed");
  CHECK(log[0]["at"] == "2004-11-09T11:33:20Z");  // SOURCE_DATE_EPOCH=1100000000 (CTest)
}

TEST_CASE("session move shifts the meetings and raises the revision", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  const auto before = nlohmann::json::parse(s.gge("--json session show GGE-ICT-2004#1").out);
  const auto moved = s.gge("--json session move GGE-ICT-2004#1 --first 2004-07-19");
  INFO(moved.err);
  REQUIRE(moved.code == 0);
  const auto after = nlohmann::json::parse(s.gge("--json session show GGE-ICT-2004#1").out);
  CHECK(after["session"]["first"] == "2004-07-19");
  CHECK(after["session"]["last"] == "2004-07-23");
  CHECK(after["session"]["uid"] == before["session"]["uid"]);
  CHECK(after["session"]["revision"].get<int>() == before["session"]["revision"].get<int>() + 1);
  REQUIRE(after["meetings"].size() == before["meetings"].size());
  CHECK(after["meetings"][0]["date"] == "2004-07-19");
  CHECK(after["meetings"][0]["uid"] == before["meetings"][0]["uid"]);
}

TEST_CASE("meeting generate makes the standard slots on working days only, once", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  REQUIRE(s.gge("session add GGE-ICT-2004#4 --first 2005-07-01 --last 2005-07-06 --station NY")
              .code == 0);  // Fri 1 .. Wed 6 July 2005; Mon 4 July is Independence Day
  const auto gen = nlohmann::json::parse(s.gge("--json meeting generate GGE-ICT-2004#4").out);
  std::vector<std::string> days;
  for (const auto& m : gen) days.push_back(m["date"].get<std::string>() + " " + m["start"].get<std::string>());
  CHECK(days == std::vector<std::string>{"2005-07-01 10:00", "2005-07-01 15:00", "2005-07-05 10:00",
                                         "2005-07-05 15:00", "2005-07-06 10:00", "2005-07-06 15:00"});
  const auto again = s.gge("meeting generate GGE-ICT-2004#4");
  CHECK(again.out.rfind("created 0 meetings", 0) == 0);
}

TEST_CASE("meeting generate skips the closures of the station's holiday rules, not only stored dates", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  const auto imp = s.gge("holidays import " + quote(gge::test::repo("data/holidays/unhq-new-york.toml")));
  INFO(imp.err);
  REQUIRE(imp.code == 0);
  REQUIRE(s.gge("session add GGE-ICT-2004#4 --first 2005-11-21 --last 2005-11-25 --station NY")
              .code == 0);  // Mon 21 .. Fri 25 Nov 2005; Thu 24 Nov is Thanksgiving (a rule, no stored date)
  const auto gen = s.gge("--json meeting generate GGE-ICT-2004#4");
  INFO(gen.err);
  REQUIRE(gen.code == 0);
  std::vector<std::string> days;
  for (const auto& m : nlohmann::json::parse(gen.out)) days.push_back(m["date"].get<std::string>());
  CHECK(std::count(days.begin(), days.end(), "2005-11-24") == 0);
  CHECK(days.size() == 8);
  const auto check = nlohmann::json::parse(s.gge("--json check").out);
  for (const auto& f : check["findings"]) {
    INFO(f.dump());
    CHECK(!(f["code"] == "holiday" && f["session"] == 4));
  }
}

TEST_CASE("meeting clear empties a session so that it can be made shorter", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  REQUIRE(s.gge("session move GGE-ICT-2004#1 --first 2004-07-12 --last 2004-07-14").code == 2);
  const auto cleared = nlohmann::json::parse(s.gge("--json meeting clear GGE-ICT-2004#1").out);
  CHECK(cleared["removed"] == 10);
  CHECK(s.gge("meeting list GGE-ICT-2004#1").out.find("2004-07-12") == std::string::npos);
  REQUIRE(s.gge("session move GGE-ICT-2004#1 --first 2004-07-12 --last 2004-07-14").code == 0);
  CHECK(s.gge("meeting generate GGE-ICT-2004#1").out.rfind("created 6 meetings", 0) == 0);
  CHECK(s.gge("meeting clear GGE-ICT-2004#1").out == "removed 6 meetings of GGE-ICT-2004#1\n");
}

TEST_CASE("meeting remove takes a day's meetings, or the one at --start, and names what is missing", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);  // #1: 12-16 July 2004, 10 meetings
  CHECK(s.gge("meeting remove GGE-ICT-2004#1 --date 2004-07-16 --start 15:00").out ==
        "removed 1 meeting of GGE-ICT-2004#1\n");
  CHECK(s.gge("meeting remove GGE-ICT-2004#1 --date 2004-07-15").out == "removed 2 meetings of GGE-ICT-2004#1\n");
  const auto left = nlohmann::json::parse(s.gge("--json meeting list GGE-ICT-2004#1").out);
  CHECK(left.size() == 7);
  for (const auto& m : left) {
    CHECK(m["date"] != "2004-07-15");
    CHECK(!(m["date"] == "2004-07-16" && m["start"] == "15:00"));
  }
  const auto missing = s.gge("meeting remove GGE-ICT-2004#1 --date 2004-07-16 --start 15:00");
  CHECK(missing.code == 2);
  CHECK(missing.err == "gge: --start '15:00': GGE-ICT-2004#1 has no meeting on 2004-07-16 at 15:00\n");
  CHECK(s.gge("meeting remove GGE-ICT-2004#1 --date 2004-07-15").code == 2);
  CHECK(nlohmann::json::parse(s.gge("--json meeting list GGE-ICT-2004#1").out).size() == 7);
}

TEST_CASE("session list filters by station, status and days, and log by key, showing what an update changed", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  const auto numbers = [&](const std::string& args) {
    std::vector<int> out;
    for (const auto& x : nlohmann::json::parse(s.gge("--json session list " + args).out)) out.push_back(x["number"]);
    return out;
  };
  CHECK(numbers("") == std::vector<int>{1, 2, 3});
  CHECK(numbers("--station NY") == std::vector<int>{1, 3});
  CHECK(numbers("--status planned --station NY") == std::vector<int>{3});
  CHECK(numbers("--from 2005-01-01") == std::vector<int>{2, 3});
  CHECK(numbers("--from 2004-07-16 --to 2005-04-11") == std::vector<int>{1, 2});  // inclusive both ends
  CHECK(numbers("--to 2004-07-11").empty());
  const auto bad = s.gge("session list --station XX");
  CHECK(bad.code == 2);
  CHECK(bad.err == "gge: --station 'XX': no such station\n");

  REQUIRE(s.gge("session move GGE-ICT-2004#2 --first 2005-04-18").code == 0);
  const auto log = s.gge("log --key GGE-ICT-2004#2 --table session");
  REQUIRE(log.code == 0);
  CHECK(log.out.find("first 2005-04-11 -> 2005-04-18; last 2005-04-15 -> 2005-04-22; revision 0 -> 1") !=
        std::string::npos);
  CHECK(log.out.find("GGE-ICT-2004#3") == std::string::npos);
  CHECK(s.gge("log --table sessions").code == 2);
  CHECK(s.gge("log --since 2005-02-30").code == 2);
}

TEST_CASE("--help teaches and exits 0", "[cli]") {
  Scratch s;
  const auto help = s.gge("--help");
  CHECK(help.code == 0);
  CHECK(help.out.find("Exit codes") != std::string::npos);
  CHECK(help.out.find("session") != std::string::npos);
  const auto sub = s.gge("session move --help");
  CHECK(sub.code == 0);
  CHECK(sub.out.find("--first") != std::string::npos);
}

TEST_CASE("--help lists one line per command, and the command's own --help says all", "[cli]") {
  Scratch s;
  const auto help = s.gge("--help");
  REQUIRE(help.code == 0);
  const auto list = help.out.substr(help.out.find("Subcommands:"));
  std::istringstream lines(list.substr(0, list.find("\n\n")));
  std::string line;
  std::getline(lines, line);  // "Subcommands:"
  int commands = 0;
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(line.rfind("  ", 0) == 0);
    CHECK(line[2] != ' ');  // a command name starts each line: no continuation lines
    ++commands;
  }
  CHECK(commands >= 20);
  // A long description is summarised in the list ("…") and whole in the command's own help.
  const auto check_line = list.substr(list.find("  check "), list.find('\n', list.find("  check ")) - list.find("  check "));
  CHECK(check_line.find("…") != std::string::npos);
  const auto own = s.gge("check --help");
  CHECK(own.out.find("blackouts, gaps and travel days") != std::string::npos);
  CHECK(help.out.find("blackouts, gaps and travel days") == std::string::npos);
}
