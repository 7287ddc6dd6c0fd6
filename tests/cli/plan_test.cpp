// gge plan on the 2004-2005 example: proposals inside the deadline chain, --apply then a clean
// check, re-planning that keeps the published plan, no solution with its explanation, and bad
// input that writes nothing.
#include "cli/support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using gge::test::example_scenario;
using gge::test::load_with_holidays;
using gge::test::quote;
using gge::test::Scratch;
using nlohmann::json;

namespace {

std::string state(const Scratch& s) {
  const auto d = s.gge("dump"), l = s.gge("--json log");
  REQUIRE(d.code == 0);
  REQUIRE(l.code == 0);
  return d.out + l.out;
}

bool is_weekday(const std::string& iso, std::string& why) {
  // Zeller-free: ask gge's own JSON for nothing; compute with the C library instead.
  std::tm tm{};
  tm.tm_year = std::stoi(iso.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(iso.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(iso.substr(8, 2));
  tm.tm_hour = 12;
  std::mktime(&tm);
  why = iso + " weekday " + std::to_string(tm.tm_wday);
  return tm.tm_wday >= 1 && tm.tm_wday <= 5;
}

long days_between(const std::string& a, const std::string& b) {
  auto to_days = [](const std::string& iso) {
    std::tm tm{};
    tm.tm_year = std::stoi(iso.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(iso.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(iso.substr(8, 2));
    tm.tm_hour = 12;
    return static_cast<long>(std::mktime(&tm) / 86400);
  };
  return to_days(b) - to_days(a);
}

}  // namespace

TEST_CASE("gge plan proposes the two 2005 sessions inside the 60th session's deadlines", "[cli]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  const auto deadlines = json::parse(s.gge("--json deadlines 58/32-GGE").out);
  std::string latest_end;
  for (const auto& d : deadlines)
    if (d.value("kind", "") == "latest_end") latest_end = d.value("date", "");
  REQUIRE(latest_end == "2005-06-20");

  const auto r = s.gge("--json plan 58/32-GGE --venues NY,GVA,NY --min-gap 8w --avoid aug --from 2005-01-01 --top 3");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto j = json::parse(r.out);
  CHECK(j["sessions"] == json::array({2, 3}));
  CHECK(j["latest_end"] == latest_end);
  CHECK(j["optimal"] == true);
  REQUIRE(j["plans"].size() == 3);
  long previous_total = -1;
  for (const auto& plan : j["plans"]) {
    CHECK(plan["score"]["total"].get<long>() >= previous_total);
    previous_total = plan["score"]["total"].get<long>();
    const auto& ss = plan["sessions"];
    REQUIRE(ss.size() == 2);
    CHECK(ss[0]["number"] == 2);
    CHECK(ss[0]["station"] == "GVA");
    CHECK(ss[1]["station"] == "NY");
    for (const auto& x : ss) {
      const auto first = x["first"].get<std::string>(), last = x["last"].get<std::string>();
      std::string why;
      CHECK(first.substr(0, 4) == "2005");
      CHECK(last <= latest_end);
      CHECK(is_weekday(first, why));
      CHECK(is_weekday(last, why));
      CHECK(days_between(first, last) == 4);  // Monday to Friday
    }
    CHECK(days_between(ss[0]["first"], ss[1]["first"]) >= 56);
    // Avoid August; Easter Monday (28 March) and Ascension (5 May) close Geneva.
    const auto gva = ss[0]["first"].get<std::string>();
    CHECK(gva != "2005-03-28");
    CHECK(gva != "2005-05-02");
    CHECK(gva != "2005-05-16");
  }

  const auto text = s.gge("plan 58/32-GGE --venues NY,GVA,NY --min-gap 8w --from 2005-01-01 --top 2");
  CHECK(text.code == 0);
  CHECK(text.out.find("Mandate 58/32-GGE: sessions 2, 3 to place, 5 working days each, between 2005-01-01 and "
                      "2005-06-20 (the latest end day)\nPlan 1  score ") == 0);
  CHECK(text.out.find("Plan 2  score ") != std::string::npos);
  // NY and GVA have holiday calendars: nothing to warn about.
  CHECK(j["unknown_closures"] == json::array());
  CHECK(text.out.find("Note: gge has no holidays") == std::string::npos);
}

TEST_CASE("gge plan says where it placed sessions without knowing the closures", "[cli]") {
  Scratch s;
  load_with_holidays(s, example_scenario());  // NY, GVA and VIE calendars; none for NBO
  const auto r = s.gge("--json plan 58/32-GGE --venues NY,GVA,NBO --top 1");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto j = json::parse(r.out);
  REQUIRE(j["plans"][0]["sessions"][1]["station"] == "NBO");
  CHECK(j["unknown_closures"] == json::parse(R"([{"station": "NBO", "year": 2005}])"));
  const auto text = s.gge("plan 58/32-GGE --venues NY,GVA,NBO --top 1");
  CHECK(text.out.find("Note: gge has no holidays for NBO 2005: sessions there were placed on Monday to "
                      "Friday with their closures unknown (gge holidays import FILE adds them).\n") !=
        std::string::npos);
  // gge check says the same of a session stored there.
  REQUIRE(s.gge("plan 58/32-GGE --venues NY,GVA,NBO --apply").code == 0);
  const auto check = json::parse(s.gge("--json check").out);
  REQUIRE(check["findings"].size() == 1);
  CHECK(check["findings"][0]["code"] == "unknown-closures");
  CHECK(check["findings"][0]["severity"] == "warning");
}

TEST_CASE("gge plan --apply writes plan 1 and gge check is clean, and re-planning moves nothing", "[cli]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  const auto best = json::parse(s.gge("--json plan 58/32-GGE --venues NY,GVA,NY --min-gap 10w --earliest "
                                      "--from 2005-01-01 --top 1").out)["plans"][0];
  const auto r = s.gge("plan 58/32-GGE --venues NY,GVA,NY --min-gap 10w --earliest --from 2005-01-01 --apply");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Applied plan 1. gge check says:\nNo findings.\n") != std::string::npos);
  const auto check = s.gge("--json check");
  CHECK(check.code == 0);
  CHECK(json::parse(check.out)["errors"] == 0);
  CHECK(json::parse(check.out)["warnings"] == 0);
  const auto sessions = json::parse(s.gge("--json session list").out);
  int matched = 0;
  for (const auto& x : sessions)
    for (const auto& p : best["sessions"])
      if (x["number"] == p["number"]) {
        CHECK(x["first"] == p["first"]);
        CHECK(x["station"] == p["station"]);
        CHECK(x["status"] == "planned");
        ++matched;
      }
  CHECK(matched == 2);

  // The applied plan is now the published one: planned again with the same wishes, it stays.
  const auto again = json::parse(s.gge("--json plan 58/32-GGE --venues NY,GVA,NY --min-gap 10w --earliest "
                                       "--from 2005-01-01 --top 1").out)["plans"][0];
  CHECK(again["sessions"] == best["sessions"]);
  CHECK(again["score"]["published"] == 0);
}

TEST_CASE("gge plan without a solution explains why and what would help, exit 1", "[cli]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  const auto before = state(s);
  const auto r = s.gge("plan 58/32-GGE --venues NY,GVA,NY --min-gap 12w --from 2005-04-01 --apply");
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  CHECK(r.out.find("No plan: 2 5-day sessions at least 12 weeks apart do not fit between 2005-04-01 and "
                   "2005-06-20 (the latest end day): they need 13 weeks, the window has 12") != std::string::npos);
  CHECK(r.out.find("  - at least 12 weeks apart, start to start\n") != std::string::npos);
  CHECK(r.out.find("  - end by 2005-06-20 (the latest end day of the deadline chain)\n") != std::string::npos);
  CHECK(r.out.find("  - a minimum gap of 10 weeks instead of 12 weeks\n") != std::string::npos);
  CHECK(r.out.find("  - hold 1 session instead of 2\n") != std::string::npos);
  CHECK(state(s) == before);
  const auto j = s.gge("--json plan 58/32-GGE --venues NY,GVA,NY --min-gap 12w --from 2005-04-01");
  CHECK(j.code == 1);
  CHECK(json::parse(j.out)["plans"].empty());
  CHECK(json::parse(j.out)["explanation"]["relaxations"].size() >= 3);
}

TEST_CASE("gge plan refuses bad input with one line, exit 2, nothing written", "[cli]") {
  struct Row {
    const char* args;
    const char* message;
  };
  const auto row = GENERATE(
      Row{"plan NOPE --apply", "MANDATE 'NOPE': no such mandate"},
      Row{"plan 58/32-GGE --min-gap 8x --apply", "--min-gap '8x': expected a span like 8w (weeks) or 56d (days), 0 to 3640 days"},
      Row{"plan 58/32-GGE --avoid augx --apply", "--avoid 'augx': is not a month (jan..dec, january.., or 1..12)"},
      Row{"plan 58/32-GGE --venues NY,XX --apply", "--venues 'XX': no such duty station"},
      Row{"plan 58/32-GGE --sessions 4 --apply", "--sessions '4': mandate 58/32-GGE entitles 3 sessions"},
      Row{"plan 58/32-GGE --min-gap 8w --max-gap 4w --apply", "--max-gap '4w': is below --min-gap 8w"},
      Row{"plan 58/32-GGE --from 2005-02-30 --apply", "--from '2005-02-30': February 2005 has 28 days"},
      Row{"plan 58/32-GGE --days 6 --apply",
          "--days '6': 2 sessions of 6 days and 5 days held or confirmed exceed the 15 meeting days mandate "
          "58/32-GGE entitles"});
  Scratch s;
  load_with_holidays(s, example_scenario());
  const auto before = state(s);
  const auto r = s.gge(row.args);
  INFO(row.args);
  CHECK(r.code == 2);
  CHECK(r.err == std::string("gge: ") + row.message + "\n");
  CHECK(state(s) == before);
}

TEST_CASE("gge plan with two mandates plans them jointly around a shared expert", "[cli]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  REQUIRE(s.gge("body add OEWG-X --name " + quote("Another group") + " --kind OEWG --members 100 --min-gap 14").code == 0);
  REQUIRE(s.gge("mandate add 59/61-X --body OEWG-X --resolution 59/61 --start 2005-04-11 --report-to 60 --sessions 2")
              .code == 0);
  REQUIRE(s.gge("expert add zz-1 --name " + quote("Shared expert") + " --body GGE-ICT-2004 --body OEWG-X").code == 0);
  const std::string options = " --venues GVA --from 2005-01-01 --earliest --top 1";
  // Alone, the GGE keeps its published week of 11 April 2005; the OEWG, planned alone, must keep
  // its expert away from the GGE's stored sessions, so it cannot start in that week.
  const auto gge_alone = json::parse(s.gge("--json plan 58/32-GGE" + options).out)["plans"][0];
  const auto x_alone = json::parse(s.gge("--json plan 59/61-X" + options).out)["plans"][0];
  CHECK(gge_alone["sessions"][0]["first"] == "2005-04-11");
  CHECK(x_alone["sessions"][0]["first"] != "2005-04-11");

  const auto r = s.gge("--json plan 58/32-GGE 59/61-X" + options + " --apply");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto j = json::parse(r.out);
  CHECK(j["mandates"] == json::array({"58/32-GGE", "59/61-X"}));
  CHECK(j["check"].empty());
  const auto& plan = j["plans"][0];
  REQUIRE(plan["sessions"].size() == 4);
  // Planned together, the GGE's planned sessions may move too: never worse than one after the
  // other, and the shared expert is never in two places.
  CHECK(plan["score"]["total"].get<long>() <=
        gge_alone["score"]["total"].get<long>() + x_alone["score"]["total"].get<long>());
  for (std::size_t a = 0; a < 2; ++a)
    for (std::size_t b = 2; b < 4; ++b) {
      const auto& x = plan["sessions"][a];
      const auto& y = plan["sessions"][b];
      CHECK((x["last"] < y["first"] || y["last"] < x["first"]));
    }
  const auto check = s.gge("--json check");
  CHECK(check.code == 0);
  CHECK(json::parse(check.out)["errors"] == 0);
  CHECK(json::parse(check.out)["warnings"] == 0);
}
