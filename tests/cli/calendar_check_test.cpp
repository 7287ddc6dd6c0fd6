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


TEST_CASE("gge ga 60 gives the opening by rule 57/301 and the high-level week", "[cli]") {
  Scratch s;
  const auto r = s.gge("--json ga 60");
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["opening"]["date"] == "2005-09-13");
  CHECK(j["general_debate"]["first"] == "2005-09-20");
  CHECK(j["end"]["date"] == "2006-09-11");
  const auto bad = s.gge("ga 0");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("0") != std::string::npos);
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
