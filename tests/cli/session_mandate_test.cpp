// The mandate a session falls under is one rule (model/mandates.hpp): the .ics export, the
// timeline and the checker must file every session under the same mandate.
#include "cli/support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

using gge::test::quote;
using gge::test::Scratch;

namespace {

/// Session number -> mandate key, from the CATEGORIES of the session events of an .ics text.
std::map<int, std::string> ics_mandates(std::string ics) {
  for (std::size_t at; (at = ics.find("\r\n ")) != std::string::npos;) ics.erase(at, 3);  // unfold
  std::map<int, std::string> out;
  const std::map<std::string, int> ordinals{{"first", 1}, {"second", 2}, {"third", 3}};
  std::size_t from = 0;
  while ((from = ics.find("BEGIN:VEVENT", from)) != std::string::npos) {
    const auto to = ics.find("END:VEVENT", from);
    const std::string ev = ics.substr(from, to - from);
    from = to;
    for (const auto& [word, n] : ordinals) {
      if (ev.find("SUMMARY:GGE-ICT-2004: " + word + " session\r\n") == std::string::npos) continue;
      const auto c = ev.find("CATEGORIES:GGE-ICT-2004,");
      if (c == std::string::npos) continue;
      const auto start = c + std::string("CATEGORIES:GGE-ICT-2004,").size();
      out[n] = ev.substr(start, ev.find("\r\n", start) - start);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a body with several mandates gets the same mandate per session in .ics, timeline and check",
          "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  // 58/32-GGE starts 2004-01-01. Two more start on 2005-01-01; the tie goes to the smaller key,
  // and "2005-A" sorts before "58/32-GGE", so "first mandate by key" would be wrong for session 1.
  for (const char* key : {"2005-B", "2005-A"}) {
    const auto add = s.gge(std::string("mandate add ") + key +
                           " --body GGE-ICT-2004 --resolution 58/32 --start 2005-01-01 --report-to 60 --sessions 1");
    INFO(add.err);
    REQUIRE(add.code == 0);
  }
  const std::map<int, std::string> expected{{1, "58/32-GGE"}, {2, "2005-A"}, {3, "2005-A"}};

  const auto ics = s.gge("export ics");
  INFO(ics.err);
  REQUIRE(ics.code == 0);
  CHECK(ics_mandates(ics.out) == expected);

  const auto tl = s.gge("--json timeline --body GGE-ICT-2004");
  INFO(tl.err);
  REQUIRE(tl.code == 0);
  std::map<int, std::string> timeline;
  const auto page = nlohmann::json::parse(tl.out);
  for (const auto& g : page["groups"])
    for (const auto& r : g["rows"])
      for (const auto& b : r["bars"]) timeline[b["number"].get<int>()] = g["mandate"].get<std::string>();
  CHECK(timeline == expected);

  // Check: 2005-A entitles one session; it holds two (2 and 3), so 3 is beyond it.
  const auto check = nlohmann::json::parse(s.gge("--json check").out);
  std::set<std::string> over;
  for (const auto& f : check["findings"])
    if (f["code"] == "too-many-sessions") over.insert(f["reason"].get<std::string>());
  CHECK(over == std::set<std::string>{
                    "GGE-ICT-2004 holds 2 sessions under mandate 2005-A, which entitles 1; "
                    "GGE-ICT-2004#3 is the first beyond the entitlement"});
}
