// gge ga, holidays, deadlines and check through the real binary.
#include "cli/support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

using gge::test::bytes_of;
using gge::test::example_scenario;
using gge::test::load_with_holidays;
using gge::test::repo;
using gge::test::golden_diff;
using gge::test::quote;
using gge::test::Scratch;


TEST_CASE("gge ga 60 gives the recorded opening with its record, and the high-level week", "[cli]") {
  Scratch s;  // no database: the shipped records and Rule 1 answer
  const auto r = s.gge("--json ga 60");
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["opening"]["date"] == "2005-09-13");
  CHECK(j["opening"]["recorded"] == true);
  CHECK(j["opening"]["basis"] == "recorded");
  CHECK(j["opening"]["source"] == "A/60/PV.1, 1st plenary meeting");
  CHECK(j["general_debate"]["first"] == "2005-09-20");
  CHECK(j["end"]["date"] == "2006-09-11");
  const auto text = s.gge("ga 60");
  CHECK(text.out.find("Tue 13 September 2005 (recorded: A/60/PV.1, 1st plenary meeting)") !=
        std::string::npos);
  const auto bad = s.gge("ga 0");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("0") != std::string::npos);
}

TEST_CASE("gge ga: by rule for a session not yet opened, not known for an unrecorded past one",
          "[cli]") {
  Scratch s;
  // "Today" is SOURCE_DATE_EPOCH's day; CTest sets 1100000000 (2004-11-09) for every test.
  const auto future = nlohmann::json::parse(s.gge("--json ga 90").out);
  CHECK(future["opening"]["basis"] == "rule");
  CHECK(future["opening"]["date"] == "2035-09-11");
  CHECK(future["opening"]["recorded"] == false);
  CHECK(s.gge("ga 90").out.find("(by rule, not yet opened: GA rules of procedure, rule 1 as "
                                "amended by resolution 75/325") != std::string::npos);

  const auto past = s.gge("--json ga 23");
  CHECK(past.code == 1);
  const auto j = nlohmann::json::parse(past.out);
  CHECK(j["opening"]["basis"] == "unknown");
  CHECK(j["opening"]["date"].is_null());
  CHECK(j["opening"]["rule_date"] == "1968-09-17");
  CHECK(j["general_debate"].is_null());
  CHECK(j["end"].is_null());
  const auto text = s.gge("ga 23");
  CHECK(text.code == 1);
  CHECK(text.out.find("not known") != std::string::npos);
  CHECK(text.out.find("general debate") == std::string::npos);
}

TEST_CASE("gge holidays list shows observed days and statuses, and import refuses bad files", "[cli]") {
  Scratch s;
  load_with_holidays(s, gge::test::example_scenario());
  const auto r = s.gge("--json holidays list NY 2005");
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  bool new_year = false;
  for (const auto& c : j)
    if (c["name"] == "New Year's Day") new_year = c["observed"] == "2005-01-03";
  CHECK(new_year);
  CHECK(s.gge("holidays list XX 2005").code == 2);
  CHECK(s.gge("holidays list NY 1800").code == 2);

  // A broken data file: one line naming file and field, nothing written.
  const auto before = bytes_of(s.db());
  const auto bad = s.write("bad.toml", "station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"lunar\"\n");
  const auto imp = s.gge("holidays import " + quote(bad));
  CHECK(imp.code == 2);
  CHECK(imp.err.find("bad.toml:") != std::string::npos);
  CHECK(imp.err.find("lunar") != std::string::npos);
  CHECK(bytes_of(s.db()) == before);
}

TEST_CASE("gge deadlines explains the 2004-2005 chain and --diff shows a recomputation", "[cli]") {
  Scratch s;
  load_with_holidays(s, gge::test::example_scenario());
  const auto r = s.gge("deadlines 58/32-GGE");
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("2005-07-05  submission") != std::string::npos);
  CHECK(r.out.find("2005-08-02  distribution") != std::string::npos);
  CHECK(r.out.find("2005-06-20  latest_end") != std::string::npos);
  // The deadlines are stored and recomputed when an input changes: a planner sets another
  // consideration day through a scenario-level change (a mandate with consider_on).
  const auto stored = nlohmann::json::parse(s.gge("--json mandate show 58/32-GGE").out);
  CHECK(stored["deadlines"].size() == 4);
  const auto diff = s.gge("deadlines 58/32-GGE --diff");
  REQUIRE(diff.code == 0);
  CHECK(diff.out.find("submission") != std::string::npos);
  CHECK(s.gge("deadlines NOPE").code == 2);
}

TEST_CASE("the 2004-2005 example checks clean", "[cli]") {
  Scratch s;
  load_with_holidays(s, gge::test::example_scenario());
  const auto r = s.gge("check --strict");
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(r.out == "No findings.\n");
}

TEST_CASE("the example with session 3 moved onto session 2's days (both planned) exits 1",
          "[cli]") {
  Scratch s;
  load_with_holidays(s, gge::test::example_scenario());
  REQUIRE(s.gge("session move GGE-ICT-2004#3 --first 2005-04-11").code == 0);
  const auto r = s.gge("check");
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  const auto j = nlohmann::json::parse(s.gge("--json check").out);
  int body_overlaps = 0;
  for (const auto& f : j["findings"]) {
    CHECK(f["code"] != "tentative-overlap");
    if (f["code"] == "body-overlap") {
      ++body_overlaps;
      CHECK(f["severity"] == "error");
      CHECK(f["first"] == "2005-04-11");
      CHECK(f["last"] == "2005-04-15");
    }
  }
  CHECK(body_overlaps == 1);
}

TEST_CASE("examples/conflicts reports each deliberate conflict (golden) and exits 1", "[cli]") {
  Scratch s;
  load_with_holidays(s, repo("examples/conflicts/scenario.toml"));
  const auto r = s.gge("check");
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(golden_diff("check-conflicts.txt", r.out) == "");
  const auto j = nlohmann::json::parse(s.gge("--json check").out);
  std::set<std::string> codes;
  for (const auto& f : j["findings"]) codes.insert(f["code"].get<std::string>());
  for (const char* code : {"before-mandate", "tentative-overlap", "after-latest-end", "holiday",
                           "too-many-sessions", "high-level-week", "blackout", "meeting-outside-hours"})
    CHECK(codes.count(code) == 1);
  CHECK(j["errors"].get<int>() > 0);
  // Filters: one body only; an unknown body is bad input.
  const auto b = nlohmann::json::parse(s.gge("--json check --body OEWG-X").out);
  for (const auto& f : b["findings"]) CHECK(f["body"] == "OEWG-X");
  CHECK(s.gge("check --body NOPE").code == 2);
  CHECK(s.gge("check --from 2005-13-01").code == 2);
}

TEST_CASE("gge check --json carries fix_move when a finding's fix is a move, as the web API does",
          "[cli]") {
  Scratch s;
  load_with_holidays(s, repo("examples/conflicts/scenario.toml"));
  const auto j = nlohmann::json::parse(s.gge("--json check").out);
  const nlohmann::json* holiday = nullptr;
  for (const auto& f : j["findings"]) {
    INFO(f.dump());
    if (f["code"] == "holiday" && f["session"] == 4) holiday = &f;
    // The move as data exactly when the fix is a move; absent otherwise.
    CHECK(f.contains("fix_move") == f["fix"].get<std::string>().starts_with("move "));
  }
  REQUIRE(holiday != nullptr);
  CHECK((*holiday)["fix"] == "move GGE-A#4 to 16 to 20 June 2005 (18 days earlier)");
  CHECK((*holiday)["fix_move"] ==
        nlohmann::json{{"session", "GGE-A#4"}, {"first", "2005-06-16"}, {"last", "2005-06-20"}});
}

TEST_CASE("gge holidays confirm: the circular's Eid replaces the estimate and moves a deadline",
          "[cli]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  // Considered 13 January 2006: submission Fri 4 November 2005, latest end 10 NY working days
  // before it, across Eid al-Fitr (estimated Thu 3 November).
  REQUIRE(s.gge("body add GGE-EID --name 'Illustrative group' --members 15").code == 0);
  REQUIRE(s.gge("mandate add 59/61-EID --body GGE-EID --resolution 59/61 --start 2005-01-01 "
                "--report-to 60 --consider-on 2006-01-13")
              .code == 0);
  const auto latest_end = [&] {
    for (const auto& d : nlohmann::json::parse(s.gge("--json deadlines 59/61-EID").out))
      if (d.at("kind") == "latest_end") return d.at("date").get<std::string>();
    return std::string{};
  };
  CHECK(latest_end() == "2005-10-20");
  const std::string before = bytes_of(s.db());
  for (const char* bad : {"confirm NY 'Eid al-Fitr' 2005-06-01",     // no estimate within 45 days
                          "confirm NY 'Eid al-Fitx' 2005-11-04",     // no such rule
                          "confirm XX 'Eid al-Fitr' 2005-11-04",     // no such station
                          "confirm NY 'Eid al-Fitr' 2005-13-04"}) {  // not a date
    const auto r = s.gge(std::string{"holidays "} + bad);
    INFO(bad << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  CHECK(bytes_of(s.db()) == before);
  const auto r = s.gge("holidays confirm NY 'Eid al-Fitr' 2005-11-04");
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("NY Eid al-Fitr: 2005-11-04 (was estimated 2005-11-03)") != std::string::npos);
  CHECK(r.out.find("latest_end") != std::string::npos);
  CHECK(latest_end() == "2005-10-21");
  CHECK(s.gge("holidays list NY 2005").out.find("2005-11-04  Fri  Eid al-Fitr       confirmed") !=
        std::string::npos);
}
