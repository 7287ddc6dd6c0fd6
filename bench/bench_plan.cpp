// The planner (targets: a single mandate over two years <= 50 ms; 50 mandates planned jointly
// over two years with 10 rooms per station and shared experts <= 5 s). Run by hand:
//   build/bench/bench_plan [MANDATES [MAX_NODES]]
// Prints the time, the search nodes and whether the search proved optimality, per case.
#include "gge/formats/holidays/holiday_rules_toml.hpp"
#include "gge/rules/calendar/holiday_calendar.hpp"
#include "gge/rules/plan/plan.hpp"

#include <fmt/format.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace date::literals;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count() * 1e3; }

gge::PlanStation station(const std::string& code, const std::string& file, std::mt19937& rng) {
  const auto data = gge::read_holiday_data_file(std::string{GGE_BENCH_SOURCE_DIR} + "/data/holidays/" + file);
  gge::PlanStation s;
  s.code = code;
  for (const auto& c : gge::station_closures(code, 2025, 2026, data.rules, data.confirmed)) {
    s.closures.push_back(c.observed);
    s.closure_names.push_back(c.name);
  }
  s.blocked.push_back({gge::Date{2025_y / 9 / 23}, gge::Date{2025_y / 9 / 29}, "GA 80 high-level week"});
  s.blocked.push_back({gge::Date{2026_y / 9 / 22}, gge::Date{2026_y / 9 / 28}, "GA 81 high-level week"});
  // Ten rooms, each already booked by other bodies for a few random weeks.
  std::uniform_int_distribution<int> week(0, 103);
  for (int r = 0; r < 10; ++r) {
    gge::PlanRoom room{fmt::format("{} Room {}", code, r + 1), 40 + 20 * r, {}};
    for (int k = 0; k < 12; ++k) {
      const gge::Date monday = gge::Date{2025_y / 1 / 6} + date::days{7 * week(rng)};
      room.booked.push_back({monday, monday + date::days{4}, "other body"});
    }
    s.rooms.push_back(room);
  }
  return s;
}

void report(const char* what, const gge::PlanResult& r, double ms) {
  fmt::print("{}: {:.1f} ms, {} nodes, {} plan(s), best score {}, {}\n", what, ms, r.nodes,
             r.plans.size(), r.plans.empty() ? -1 : r.plans.front().score.total(),
             r.optimal ? "optimal" : fmt::format("budget exhausted, bound {}", r.bound));
}

}  // namespace

int main(int argc, char** argv) {
  const int joint_count = argc > 1 ? std::stoi(argv[1]) : 50;
  std::mt19937 rng(7);
  gge::PlanProblem base;
  base.stations = {station("NY", "unhq-new-york.toml", rng), station("GVA", "unog-geneva.toml", rng),
                   station("VIE", "unov-vienna.toml", rng)};

  // 1. One mandate, four sessions alternating New York and Geneva over 2025-2026.
  {
    gge::PlanProblem p = base;
    gge::PlanMandate m;
    m.key = "GGE-A";
    m.from = gge::Date{2025_y / 1 / 1};
    m.latest_end = gge::Date{2026_y / 12 / 31};
    m.min_gap_days = 56;
    m.max_gap_days = 7 * 30;
    m.min_end_gap_days = 28;
    m.seats = 60;
    m.avoid_months = {8, 12};
    m.timing = gge::Timing::none;
    for (int n = 1; n <= 4; ++n) m.sessions.push_back({n, 5, {n % 2 ? "NY" : "GVA"}, {}, {}});
    p.mandates = {m};
    for (int top : {1, 5}) {
      p.top = top;
      const auto t0 = Clock::now();
      const auto r = gge::solve_plan(p);
      report(fmt::format("single mandate, 4 sessions NY/GVA alternating over two years, top {}", top).c_str(), r,
             ms_since(t0));
    }
    // Harder: any of three stations, any weekday, early dates preferred, a published plan to keep.
    for (auto& s : p.mandates[0].sessions) {
      s.stations = {"NY", "GVA", "VIE"};
      s.published_first = gge::Date{2025_y / 3 / 3} + date::days{7 * 26 * (s.number - 1)};
      s.published_station = "GVA";
    }
    p.mandates[0].timing = gge::Timing::earliest;
    p.any_weekday_start = true;
    p.stations[1].blocked.push_back({gge::Date{2025_y / 3 / 3}, gge::Date{2025_y / 3 / 7}, "published week now blocked"});
    for (int top : {1, 5}) {
      p.top = top;
      const auto t0 = Clock::now();
      const auto r = gge::solve_plan(p);
      report(fmt::format("single mandate, 4 sessions, any of 3 stations, any weekday, published plan, top {}", top)
                 .c_str(),
             r, ms_since(t0));
    }
  }

  // 2. Four mandates with tight rooms (two per station, one of them too small for the largest
  //    body), shared experts in a chain, the default --top 5 and --top 1: the same search.
  {
    gge::PlanProblem p = base;
    for (auto& st : p.stations) {
      st.rooms.resize(2);
      st.rooms[0].capacity = 120;
      st.rooms[1].capacity = 60;
    }
    const struct { const char* key; int seats; int sessions; } bodies[] = {
        {"GGE-A", 15, 3}, {"GGE-B", 25, 3}, {"OEWG-C", 100, 3}, {"CTTE-D", 50, 3}};
    for (int i = 0; i < 4; ++i) {
      gge::PlanMandate m;
      m.key = bodies[i].key;
      m.from = gge::Date{2025_y / 1 / 6};
      m.latest_end = gge::Date{2025_y / 12 / 19};
      m.min_gap_days = 8 * 7;
      m.min_end_gap_days = 28;
      m.seats = bodies[i].seats;
      m.timing = gge::Timing::earliest;
      m.avoid_months = {8};
      for (int n = 1; n <= bodies[i].sessions; ++n) m.sessions.push_back({n, 5, {n % 2 ? "NY" : "GVA"}, {}, {}});
      if (i > 0) m.shares_experts_with = {bodies[i - 1].key};
      p.mandates.push_back(m);
    }
    for (int top : {5, 1}) {
      p.top = top;
      const auto t0 = Clock::now();
      const auto r = gge::solve_plan(p);
      report(fmt::format("4 mandates jointly, 12 sessions, 2 rooms per station, shared experts, top {}", top).c_str(), r,
             ms_since(t0));
    }
  }

  // 3. Fifty mandates at once: 3 sessions each, windows spread over 2025-2026, each sharing
  //    experts with two others; all prefer early dates, so they compete for weeks and rooms.
  {
    gge::PlanProblem p = base;
    std::uniform_int_distribution<int> start(0, 40), venue(0, 2), seats(0, 8);
    const char* codes[] = {"NY", "GVA", "VIE"};
    for (int i = 0; i < joint_count; ++i) {
      gge::PlanMandate m;
      m.key = fmt::format("GGE-{:02}", i);
      m.from = gge::Date{2025_y / 1 / 6} + date::days{7 * start(rng)};
      m.latest_end = m.from + date::days{7 * 60};
      m.min_gap_days = 8 * 7;
      m.min_end_gap_days = 28;
      m.seats = 20 + 20 * seats(rng);
      m.timing = gge::Timing::earliest;
      m.avoid_months = {8};
      const std::string v1 = codes[venue(rng)], v2 = codes[venue(rng)];
      for (int n = 1; n <= 3; ++n) m.sessions.push_back({n, 5, {n % 2 ? v1 : v2}, {}, {}});
      m.shares_experts_with = {fmt::format("GGE-{:02}", (i + 1) % joint_count), fmt::format("GGE-{:02}", (i + 7) % joint_count)};
      p.mandates.push_back(m);
    }
    if (argc > 2) p.max_nodes = std::stoull(argv[2]);  // else the library's default budget
    for (int top : {1, 5}) {
      p.top = top;
      const auto t0 = Clock::now();
      const auto r = gge::solve_plan(p);
      const double ms = ms_since(t0);
      report(fmt::format("{} mandates jointly, {} sessions, 10 rooms per station, shared experts, top {}", joint_count,
                         3 * joint_count, top).c_str(), r, ms);
      if (!r.plans.empty()) {
        const auto v = gge::plan_violation(p, r.plans.front());
        fmt::print("  plan check: {}\n", v.empty() ? "every hard constraint met" : v);
      }
    }
  }
  return 0;
}
