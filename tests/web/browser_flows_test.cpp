// Whole flows of `gge serve` in headless chromium (tests/web/browser/flows.js drives it with
// playwright-core), on the 2004-2005 example with logins: the script asserts what a planner and
// a viewer see and do; this test serves the app, prepares the data, and checks the results
// against the CLI (the stored plan, the change log's user, the feed's bytes, and the feed read
// by ical.js, python3-icalendar and libical). Screenshots: build/tests/web-artifacts/*.png.
#include "gge/web/users.hpp"
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

using gge::test::quote;
using gge::test::ServerFixture;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// The users file of the flows: a planner and a viewer.
fs::path users_file() {
  static const auto k_path = [] {
    const auto p = fs::temp_directory_path() / ("gge-browser-users-" + std::to_string(::getpid()));
    fs::remove(p);
    gge::web::add_user(p, "ana", gge::web::Role::planner, "correct horse");
    gge::web::add_user(p, "vic", gge::web::Role::viewer, "battery staple");
    return p;
  }();
  return k_path;
}

}  // namespace

TEST_CASE("serve in a browser: plan, drag, confirm an Eid, feed, 409, viewer, CSRF", "[web]") {
  const std::string playwright = std::string{GGE_TIMELINE_TOOLS} + "/node_modules/playwright-core";
  {
    INFO(
        "run `npm ci --prefix tests/timeline` and `npm ci --prefix tests/ical` (scripts/test "
        "does)");
    REQUIRE(fs::exists(playwright));
    REQUIRE(fs::exists(fs::path(GGE_ICAL_TOOLS) / "node_modules/ical.js"));
  }
  gge::web::ServeOptions options;
  options.users_file = users_file();
  ServerFixture app(options);
  const auto& s = app.scratch();
  // A second mandate whose adoption window holds Eid al-Fitr 2005 (estimated Thu 3 November at
  // NY): considered on 13 January 2006 (ILLUSTRATIVE), its report is due 10 weeks before, on
  // Fri 4 November 2005, and its latest end is 10 NY working days before that. A circular that
  // puts the Eid on the 4th (the submission day, not counted) frees the 3rd: one day later.
  for (const char* cmd :
       {"body add GGE-EID --name 'Illustrative group reporting in January 2006' --members 15",
        "mandate add 59/61-EID --body GGE-EID --resolution 59/61 --start 2005-01-01 --report-to 60 "
        "--consider-on 2006-01-13"}) {
    const auto r = s.gge(cmd);
    INFO(cmd << ": " << r.err);
    REQUIRE(r.code == 0);
  }
  const auto errors_at_start = json::parse(s.gge("--json check").out).at("errors").get<int>();

  const std::string artifacts = GGE_WEB_ARTIFACTS;
  fs::create_directories(artifacts);
  const json config = {{"base", "http://127.0.0.1:" + std::to_string(app.port())},
                       {"artifacts", artifacts},
                       {"db", app.db()},
                       {"playwright", playwright},
                       {"planner", {{"name", "ana"}, {"password", "correct horse"}}},
                       {"viewer", {{"name", "vic"}, {"password", "battery staple"}}},
                       {"plan",
                        {{"venues", "NY,GVA,NY"},
                         {"min_gap", "8w"},
                         {"avoid", "aug"},
                         {"from", "2005-01-01"},
                         {"timing", "earliest"}}},
                       {"drag_days", 21},
                       {"eid",
                        {{"station", "NY"},
                         {"year", 2005},
                         {"name", "Eid al-Fitr"},
                         {"date", "2005-11-04"},
                         {"mandate", "59/61-EID"},
                         {"kind", "latest_end"}}},
                       {"conflict", {{"first_a", "2005-04-18"}, {"first_b", "2005-04-25"}}}};
  const std::string config_file = s.write("flows.json", config.dump());
  const auto started = std::chrono::steady_clock::now();
  const auto run = s.shell(quote(GGE_NODE) + " " + quote(GGE_WEB_FLOWS) + " " + quote(config_file));
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  INFO(run.err.substr(0, 4000));
  REQUIRE(run.code == 0);
  // About 20-40 s on an idle machine; a busy shared one may take longer, so it is reported,
  // not asserted.
  WARN("browser flows took " << seconds << " s");
  const json seen = json::parse(run.out);

  // The screenshots are real pictures.
  CHECK(seen.at("screenshots").size() >= 12);
  for (const auto& file : seen.at("screenshots")) {
    INFO(file);
    CHECK(fs::file_size(file.get<std::string>()) > 10000);
  }
  // Every page printed to a real PDF of some substance.
  CHECK(seen.at("printed").size() == 8);
  for (const auto& printed : seen.at("printed")) {
    INFO(printed.dump());
    CHECK(fs::file_size(printed.at("pdf").get<std::string>()) > 5000);
  }
  // The browser's numbers are the CLI's: the check went up with the drag and down with the fix.
  CHECK(seen.at("overview_errors").get<int>() == errors_at_start);
  CHECK(seen.at("errors").at("after_move").get<int>() > seen.at("errors").at("before").get<int>());
  CHECK(json::parse(s.gge("--json check").out).at("errors") == seen.at("errors").at("after_fix"));
  // The Eid moved the deadline by one day, as the CLI computes it now.
  CHECK(seen.at("eid").at("before") == "2005-10-20");
  CHECK(seen.at("eid").at("after") == "2005-10-21");
  const auto deadlines = json::parse(s.gge("--json deadlines 59/61-EID").out);
  CHECK(std::any_of(deadlines.begin(), deadlines.end(), [](const json& d) {
    return d.at("kind") == "latest_end" && d.at("date") == "2005-10-21";
  }));
  // The change log names the planner for every write made in the browser.
  const auto log = json::parse(s.gge("--json log --key GGE-ICT-2004#2").out);
  REQUIRE(!log.empty());
  CHECK(log.back().at("user") == "ana");
  // The feed downloaded is `gge export ics` for the body, and three clients read it.
  const std::string feed = seen.at("feed").get<std::string>();
  CHECK(gge::test::bytes_of(feed) == s.gge("export ics --body GGE-ICT-2004").out);
  for (const std::string client :
       {quote(GGE_NODE) + " " + quote(std::string{GGE_ICAL_TOOLS} + "/icaljs_dump.mjs"),
        quote(GGE_PYTHON3) + " " + quote(std::string{GGE_ICAL_TOOLS} + "/icalendar_dump.py"),
        quote(GGE_LIBICAL_CHECK)}) {
    const auto parsed = s.shell(client + " " + quote(feed));
    INFO(client << "\n" << parsed.out.substr(0, 2000) << parsed.err.substr(0, 2000));
    CHECK(parsed.code == 0);
    CHECK(parsed.out.find("\"error\"") == std::string::npos);
    CHECK(std::count(parsed.out.begin(), parsed.out.end(), '\n') >= 4);  // sessions and meetings
  }
}
