// gge timeline and gge agenda through the real binary. The pages are opened in headless
// Debian chromium (tests/timeline/read_timeline.js, playwright-core); bars, markers and findings
// are read back from the DOM and compared with the dates gge itself reports. Screenshots (PNG,
// 1280 px) and A4 landscape PDFs stay in build/tests/timeline-artifacts.
#include "cli/support.hpp"
#include "gge/core/parse.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using gge::test::bytes_of;
using gge::test::example_scenario;
using gge::test::load_with_holidays;
using gge::test::repo;
using gge::test::quote;
using gge::test::Scratch;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// Runs the browser reader on `html`; artefacts go to GGE_TIMELINE_ARTIFACTS/`name`.{png,pdf}.
json read_in_browser(const std::string& html, const std::string& name) {
  const std::string tools = GGE_TIMELINE_TOOLS;
  INFO("playwright-core is missing: run `npm ci --prefix tests/timeline` (scripts/test does)");
  REQUIRE(fs::exists(tools + "/node_modules/playwright-core"));
  REQUIRE(fs::exists("/usr/bin/chromium"));
  fs::create_directories(GGE_TIMELINE_ARTIFACTS);
  const std::string prefix = std::string{GGE_TIMELINE_ARTIFACTS} + "/" + name;
  const std::string cmd = quote(GGE_NODE) + " " + quote(tools + "/read_timeline.js") + " " +
                          quote(html) + " " + quote(prefix) + " 2>&1";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 65536> buf{};
  while (auto n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int rc = pclose(p);
  INFO(out.substr(0, 2000));
  REQUIRE(rc == 0);
  return json::parse(out);
}

/// "  session   BODY#N day D/T," as `gge agenda` writes a session day.
std::string fmt_line(const std::string& id, int day, int total) {
  return "  session   " + id + " day " + std::to_string(day) + "/" + std::to_string(total) + ",";
}

int days_between(const std::string& a, const std::string& b) {
  return int((gge::parse_date(b, "b") - gge::parse_date(a, "a")).count());
}

/// The page loads cleanly, fits 1280 px, and every bar / marker / closure is drawn where its
/// dates say on the plot's scale (x = days from `from` * px per day). Returns the DOM.
json check_page(const Scratch& s, const std::string& name, const std::string& options = {}) {
  const std::string html = (s.dir() / (name + ".html")).string();
  const auto r = s.gge("timeline " + options + " -o " + quote(html));
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("wrote " + html + ": gge timeline: ", 0) == 0);  // one line naming the file
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  const auto dom = read_in_browser(html, name);
  CHECK(dom["console_errors"].empty());
  CHECK(dom["page_errors"].empty());
  CHECK(dom["requests"].empty());  // self-contained: nothing but the file itself is loaded
  CHECK(dom["scroll_width"].get<int>() <= 1280);
  CHECK(dom["print_scroll_width"].get<int>() <= 1062);  // A4 landscape, 8 mm margins
  CHECK(dom["print_svg_width"].get<double>() <= 1062);
  CHECK(dom["png_bytes"].get<int>() > 20000);  // a real picture, not a blank page
  CHECK(dom["pdf_bytes"].get<int>() > 5000);
  // The axis is readable: labels of one kind (one line) never overlap, as drawn by the browser.
  std::map<std::string, double> right_edge;
  for (const auto& t : dom["tick_labels"]) {
    const std::string kind = t["kind"];
    INFO(t.dump());
    if (right_edge.count(kind)) CHECK(t["x"].get<double>() >= right_edge[kind]);
    right_edge[kind] = t["x"].get<double>() + t["width"].get<double>();
  }
  // Finding badges never cover one another, also those of neighbouring bars.
  std::vector<json> circles;
  for (const auto& b : dom["bars"])
    for (const auto& c : b["badge_boxes"]) circles.push_back(c);
  for (std::size_t i = 0; i < circles.size(); ++i)
    for (std::size_t j = i + 1; j < circles.size(); ++j) {
      const auto& a = circles[i];
      const auto& c = circles[j];
      const auto apart = [](const json& p, const json& q, const char* at, const char* size) {
        return p[at].get<double>() + p[size].get<double>() <= q[at].get<double>() + 0.5;
      };
      INFO(a.dump() << " " << c.dump());
      CHECK((apart(a, c, "x", "width") || apart(c, a, "x", "width") || apart(a, c, "y", "height") ||
             apart(c, a, "y", "height")));
    }
  CHECK(fs::file_size(std::string{GGE_TIMELINE_ARTIFACTS} + "/" + name + ".png") ==
        dom["png_bytes"].get<std::uintmax_t>());

  const std::string from = dom["plot"]["from"], to = dom["plot"]["to"];
  const double ppd = std::stod(dom["plot"]["pxPerDay"].get<std::string>());
  const double tol = 0.6;
  // Sessions: every stored session that meets the period has exactly one bar, at its dates
  // (clipped to the period).
  const auto sessions = json::parse(s.gge("--json session list").out);
  std::map<std::string, json> bars;
  for (const auto& b : dom["bars"]) bars[b["session"].get<std::string>()] = b;
  std::size_t in_period = 0;
  for (const auto& ss : sessions) {
    const std::string id = ss["body"].get<std::string>() + "#" + std::to_string(ss["number"].get<int>());
    INFO(id);
    const int d0 = days_between(from, ss["first"]), d1 = days_between(from, ss["last"]);
    const int last_day = days_between(from, to);
    if (d1 < 0 || d0 > last_day) {
      CHECK_FALSE(bars.count(id));
      continue;
    }
    ++in_period;
    REQUIRE(bars.count(id));
    const auto& b = bars[id];
    CHECK(b["first"] == ss["first"]);
    CHECK(b["last"] == ss["last"]);
    CHECK(b["status"] == ss["status"]);
    CHECK(b["station"] == ss["station"]);
    const int a = std::max(0, d0), z = std::min(d1, last_day);
    CHECK(b["box"]["x"].get<double>() == Approx(a * ppd).margin(tol));
    CHECK(b["box"]["width"].get<double>() == Approx((z - a + 1) * ppd).margin(tol));
  }
  CHECK(bars.size() == in_period);
  for (const auto& m : dom["markers"]) {
    INFO(m.dump());
    const int d0 = days_between(from, m["first"]);
    CHECK(m["box"]["x"].get<double>() == Approx(std::max(0, d0) * ppd).margin(tol));
  }
  for (const auto& c : dom["closures"])
    CHECK(c["box"]["x"].get<double>() == Approx(days_between(from, c["day"]) * ppd).margin(tol));
  for (const auto& t : dom["ticks"])
    CHECK(t["box"]["x"].get<double>() == Approx(days_between(from, t["day"]) * ppd).margin(tol));
  return dom;
}

/// The marker of `kind` (and mandate) in the DOM.
const json* marker(const json& dom, const std::string& kind, const std::string& mandate = {}) {
  for (const auto& m : dom["markers"])
    if (m["kind"] == kind && (mandate.empty() || m["mandate"] == mandate)) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("gge timeline of the 2004-2005 example: bars, deadlines and GA dates where the dates say",
          "[cli][timeline]") {
  Scratch s;
  load_with_holidays(s, gge::test::example_scenario());
  const auto dom = check_page(s, "gge-2004-2005");
  CHECK(dom["bars"].size() == 3);
  CHECK(dom["legend"].empty());  // a clean plan
  // The deadline chain as `gge deadlines` reports it, each on its marker.
  const auto chain = json::parse(s.gge("--json deadlines 58/32-GGE").out);
  REQUIRE(chain.size() >= 4);
  for (const auto& step : chain) {
    const auto* m = marker(dom, step["kind"], "58/32-GGE");
    INFO(step.dump());
    REQUIRE(m != nullptr);
    CHECK((*m)["first"] == step["date"]);
  }
  // GA 60 opens on 13 September 2005 (gge ga 60), drawn as its own marker.
  const auto ga = json::parse(s.gge("--json ga 60").out);
  const auto* open = marker(dom, "ga_opening");
  REQUIRE(open != nullptr);
  bool found = false;
  for (const auto& m : dom["markers"])
    if (m["kind"] == "ga_opening" && m["first"] == ga["opening"]["date"]) found = true;
  CHECK(found);
  const auto* hlw = marker(dom, "high_level_week");
  REQUIRE(hlw != nullptr);
  // NY closures are shaded, Independence Day 2005 among them.
  bool july4 = false;
  for (const auto& c : dom["closures"]) july4 |= c["station"] == "NY" && c["day"] == "2005-07-04";
  CHECK(july4);
}

TEST_CASE("gge timeline of the conflicts example draws each finding on the bars it concerns",
          "[cli][timeline]") {
  Scratch s;
  load_with_holidays(s, repo("examples/conflicts/scenario.toml"));
  const auto dom = check_page(s, "conflicts");
  CHECK(dom["bars"].size() == json::parse(s.gge("--json session list").out).size());  // all 7
  const auto check = json::parse(s.gge("--json check").out);
  const auto& findings = check["findings"];
  REQUIRE(findings.size() == 11);
  REQUIRE(dom["legend"].size() == findings.size());
  std::map<std::string, json> bars;
  for (const auto& b : dom["bars"]) bars[b["session"].get<std::string>()] = b;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    const auto& li = dom["legend"][i];
    INFO(f.dump());
    // Same order and code in the legend, with the reason written out.
    CHECK(li["code"] == f["code"]);
    CHECK(li["text"].get<std::string>().find(f["reason"].get<std::string>()) != std::string::npos);
    const std::string number = li["finding"];
    // The finding's own session shows its badge, and the hatched days lie inside that bar.
    const std::string id = f["body"].get<std::string>() + "#" + std::to_string(f["session"].get<int>());
    REQUIRE(bars.count(id));
    const auto& b = bars[id];
    const auto& badges = b["badges"];
    CHECK(std::find(badges.begin(), badges.end(), number) != badges.end());
    for (const auto& hd : b["finding_days"])
      if (hd["finding"] == number) {
        CHECK(hd["box"]["x"].get<double>() >= b["box"]["x"].get<double>() - 0.5);
        CHECK(hd["box"]["x"].get<double>() + hd["box"]["width"].get<double>() <=
              b["box"]["x"].get<double>() + b["box"]["width"].get<double>() + 0.5);
      }
  }
  // The holiday finding of GGE-A#4 is on 4 July 2005: its hatch starts at that day.
  const double ppd = std::stod(dom["plot"]["pxPerDay"].get<std::string>());
  bool holiday = false;
  for (const auto& hd : bars["GGE-A#4"]["finding_days"])
    for (std::size_t i = 0; i < findings.size(); ++i)
      if (findings[i]["code"] == "holiday" && hd["finding"] == dom["legend"][i]["finding"]) {
        holiday = true;
        CHECK(hd["box"]["x"].get<double>() ==
              Approx(days_between(dom["plot"]["from"], "2005-07-04") * ppd).margin(0.6));
      }
  CHECK(holiday);
  // Planned sessions look planned.
  CHECK(bars["GGE-A#1"]["status"] == "planned");
}

TEST_CASE("gge timeline --json gives the same positioned data", "[cli][timeline]") {
  Scratch s;
  load_with_holidays(s, repo("examples/conflicts/scenario.toml"));
  const auto r = s.gge("--json timeline --body GGE-A --from 2005-01-01 --to 2005-12-31");
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = json::parse(r.out);
  CHECK(j["from"] == "2005-01-01");
  CHECK(j["to"] == "2005-12-31");
  const double ppd = j["px_per_day"];
  CHECK(ppd == Approx(1040.0 / 365));
  std::set<std::string> shown;
  for (const auto& g : j["groups"])
    for (const auto& row : g["rows"]) {
      CHECK(row["body"] == "GGE-A");
      for (const auto& b : row["bars"]) {
        shown.insert(b["session"]);
        CHECK(b["x"].get<double>() == Approx(days_between("2005-01-01", b["first"]) * ppd));
      }
    }
  CHECK(shown == std::set<std::string>{"GGE-A#1", "GGE-A#2", "GGE-A#3", "GGE-A#4"});
  CHECK(j["findings"].size() >= 6);
  for (const auto& f : j["findings"]) CHECK(f.contains("number"));
  // -o writes the same JSON to a file.
  const auto out = (s.dir() / "plan.json").string();
  REQUIRE(s.gge("--json timeline --body GGE-A --from 2005-01-01 --to 2005-12-31 -o " + quote(out)).code == 0);
  CHECK(json::parse(bytes_of(out)) == j);
}

TEST_CASE("gge agenda lists the plan day by day", "[cli][timeline]") {
  Scratch s;
  load_with_holidays(s, gge::test::example_scenario());
  const auto r = s.gge("agenda GGE-ICT-2004 --from 2005-04-01 --to 2005-04-30");
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto sessions = json::parse(s.gge("--json session list").out);
  // Every day of the sessions in April 2005, and nothing outside the period.
  int days_listed = 0;
  for (const auto& ss : sessions) {
    const std::string first = ss["first"];
    if (first.rfind("2005-04", 0) != 0) continue;
    const std::string id = "GGE-ICT-2004#" + std::to_string(ss["number"].get<int>());
    const int days = days_between(first, ss["last"]) + 1;
    for (int d = 1; d <= days; ++d) {
      CHECK(r.out.find(fmt_line(id, d, days)) != std::string::npos);
      ++days_listed;
    }
    CHECK(r.out.find(" " + first + "\n  session   " + id + " day 1/") != std::string::npos);
  }
  CHECK(days_listed >= 5);
  CHECK(r.out.find("2005-03-") == std::string::npos);
  CHECK(r.out.find("2005-05-") == std::string::npos);
}

TEST_CASE("gge timeline refuses bad input with one line, exit 2, nothing written", "[cli][timeline]") {
  Scratch s;
  load_with_holidays(s, gge::test::example_scenario());
  const auto before = bytes_of(s.db());
  const auto out = (s.dir() / "plan.html").string();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"timeline --from 2005-02-30 -o " + quote(out), "--from"},
      {"timeline --from 2005-03-01 --to 2005-02-01 -o " + quote(out), "--to"},
      {"timeline --body NOPE -o " + quote(out), "NOPE"},
      {"timeline NOPE -o " + quote(out), "NOPE"},
      {"timeline --station XX -o " + quote(out), "XX"},
      {"timeline --mandate nope -o " + quote(out), "nope"},
      {"timeline --from 1850-01-01 --to 1850-02-01 -o " + quote(out), "1900"},
      {"agenda --to 2005-13-01", "--to"},
  };
  for (const auto& [args, word] : cases) {
    INFO(args);
    const auto r = s.gge(args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(word) != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  // An unwritable place for -o: exit 2, nothing left behind.
  const auto r = s.gge("timeline -o " + quote((s.dir() / "no-such-dir" / "plan.html").string()));
  CHECK(r.code == 2);
  CHECK_FALSE(fs::exists(s.dir() / "no-such-dir"));
  CHECK(bytes_of(s.db()) == before);
}

TEST_CASE("gge timeline axis stays readable from one month to ten years", "[cli][timeline]") {
  Scratch s;
  load_with_holidays(s, repo("examples/conflicts/scenario.toml"));
  struct Span {
    std::string name, from, to, labelled_kind;
    std::size_t min_labels;
  };
  for (const auto& sp : {Span{"month", "2005-03-01", "2005-03-31", "week", 4},
                         Span{"year", "2005-01-01", "2005-12-31", "month", 11},
                         Span{"decade", "2000-01-01", "2009-12-31", "year", 10}}) {
    INFO(sp.name);
    // check_page also checks bars, markers, ticks against the dates and the label overlaps.
    const auto dom = check_page(s, "axis-" + sp.name, "--from " + sp.from + " --to " + sp.to);
    CHECK(dom["plot"]["from"] == sp.from);
    CHECK(dom["plot"]["to"] == sp.to);
    std::size_t labelled = 0;
    for (const auto& t : dom["tick_labels"]) labelled += t["kind"] == sp.labelled_kind;
    CHECK(labelled >= sp.min_labels);
  }
}

TEST_CASE("gge timeline output is deterministic", "[cli][timeline]") {
  Scratch s;
  load_with_holidays(s, repo("examples/conflicts/scenario.toml"));
  const auto a = s.gge("timeline");
  const auto b = s.gge("timeline");
  REQUIRE(a.code == 0);
  CHECK(a.out.size() > 10000);
  CHECK(a.out == b.out);
  CHECK(a.out.find("<script") == std::string::npos);
}
