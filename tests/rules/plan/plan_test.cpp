// The planner (rules/plan/plan.hpp) against an independent exhaustive oracle on small random
// instances, plus the hand-made cases: infeasible with its explanation, stability, joint.
#include "gge/rules/plan/plan.hpp"
#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"
#include "plan_oracle.hpp"
#include "plan_support.hpp"

#include <catch2/catch.hpp>

#include <set>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>

using namespace gge;

namespace {

using test::add;
using test::day;
using test::inside;
using test::Option;
using test::Rng;
using test::station_of;
using test::weekday_strictly_between;

// ---------------------------------------------------------------- the oracle (no library code)

std::vector<Option> options_of(const PlanProblem& p, const PlanMandate& m, const PlanSession& s) {
  std::vector<Option> out;
  for (const auto& code : s.stations) {
    const auto& st = station_of(p, code);
    for (Date d = m.from; d <= m.latest_end; d += date::days{1}) {
      if (is_weekend(d) || (!p.any_weekday_start && weekday_of(d) != date::Monday)) continue;
      int counted = 0;
      Date e = d;
      bool ok = true;
      int closures = 0;
      for (;; e += date::days{1}) {
        if (e > m.latest_end) { ok = false; break; }
        // Blocked and busy days count on weekends too; closures inside: at most two, stretched.
        if (inside(st.blocked, e) || inside(m.busy, e)) { ok = false; break; }
        if (is_weekend(e)) continue;
        const bool closed = std::count(st.closures.begin(), st.closures.end(), e) > 0;
        if (closed) {
          if (!p.allow_stretch || e == d || ++closures > 2) { ok = false; break; }
          continue;
        }
        if (++counted == s.length) break;
      }
      if (!ok) continue;
      // Which room is the solver's business; the oracle needs one to be free. (The random
      // instances give a station at most one room when sessions of two mandates may overlap.)
      bool room_free = st.rooms.empty();
      for (const auto& r : st.rooms) {
        if (r.capacity < m.seats) continue;
        bool booked = false;
        for (const auto& b : r.booked) booked = booked || (b.first <= e && d <= b.last);
        room_free = room_free || !booked;
      }
      if (room_free) out.push_back({d, e, code, st.rooms.empty() ? "" : "a room"});
    }
  }
  return out;
}

bool gap_fine(const PlanMandate& m, Date pf, Date pl, Date nf, bool same_station) {
  const long s2s = (nf - pf).count(), e2s = (nf - pl).count();
  // Travel: at different stations, a Monday-to-Friday day strictly between.
  return nf > pl && s2s >= m.min_gap_days && (!m.max_gap_days || s2s <= *m.max_gap_days) &&
         e2s >= m.min_end_gap_days && (same_station || weekday_strictly_between(pl, nf));
}

struct Oracle {
  const PlanProblem& p;
  struct Entry { int mandate; const PlanSession* session; std::vector<Option> options; };
  std::vector<Entry> entries;
  std::vector<const Option*> chosen;
  std::vector<std::int64_t> scores;

  explicit Oracle(const PlanProblem& problem) : p(problem) {
    for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
      auto sessions = p.mandates[mi].sessions;
      for (const auto& s : p.mandates[mi].sessions)
        entries.push_back({static_cast<int>(mi), &s, options_of(p, p.mandates[mi], s)});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.mandate, a.session->number) < std::tie(b.mandate, b.session->number);
    });
    chosen.resize(entries.size());
  }

  bool shares(int a, int b) const {
    return test::shares_experts(p.mandates[static_cast<std::size_t>(a)],
                                p.mandates[static_cast<std::size_t>(b)]);
  }

  // Pairwise hard constraints of entry k against entries 0..k-1 and the fixed sessions.
  bool fits(std::size_t k) const {
    const auto& o = *chosen[k];
    const auto& e = entries[k];
    const auto& m = p.mandates[static_cast<std::size_t>(e.mandate)];
    for (std::size_t j = 0; j < k; ++j) {
      const auto& q = *chosen[j];
      const bool overlap = q.first <= o.last && o.first <= q.last;
      if (overlap && q.station == o.station && !o.room.empty()) return false;  // one room
      if (entries[j].mandate != e.mandate && shares(entries[j].mandate, e.mandate)) {
        if (overlap) return false;
        // Travel: at another station, a Monday-to-Friday day strictly between the two.
        const Date end = std::min(q.last, o.last), start = std::max(q.first, o.first);
        if (q.station != o.station && !weekday_strictly_between(end, start)) return false;
      }
    }
    // Gaps: this mandate's sequence by number with the fixed sessions, once all of it is chosen.
    return true;
  }

  bool mandate_gaps_ok(int mi) const {
    const auto& m = p.mandates[static_cast<std::size_t>(mi)];
    struct S { int number; Date first, last; bool placed; std::string station; };
    std::vector<S> seq;
    for (const auto& f : m.fixed) seq.push_back({f.number, f.first, f.last, false, f.station});
    for (std::size_t k = 0; k < entries.size(); ++k)
      if (entries[k].mandate == mi)
        seq.push_back({entries[k].session->number, chosen[k]->first, chosen[k]->last, true, chosen[k]->station});
    std::sort(seq.begin(), seq.end(), [](const S& a, const S& b) { return a.number < b.number; });
    for (std::size_t i = 1; i < seq.size(); ++i)
      if ((seq[i].placed || seq[i - 1].placed) && !gap_fine(m, seq[i - 1].first, seq[i - 1].last, seq[i].first,
                                                            seq[i - 1].station == seq[i].station))
        return false;
    return true;
  }

  std::int64_t score() const {
    std::int64_t total = 0;
    const auto& w = p.weights;
    for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
      const auto& m = p.mandates[mi];
      int first_number = INT32_MAX;
      for (const auto& s : m.sessions) first_number = std::min(first_number, s.number);
      Date anchor = m.from;
      for (const auto& f : m.fixed)
        if (f.number < first_number && f.first > anchor) anchor = f.first;
      const long target = (m.latest_end - anchor).count() / static_cast<long>(m.sessions.size());
      struct S { int number; Date first; bool placed; };
      std::vector<S> seq;
      for (const auto& f : m.fixed) seq.push_back({f.number, f.first, false});
      std::vector<std::string> venues;
      for (const auto& s : m.sessions)
        for (const auto& v : s.stations)
          if (std::count(venues.begin(), venues.end(), v) == 0) venues.push_back(v);
      std::vector<long> used(venues.size(), 0);
      for (const auto& f : m.fixed)
        for (std::size_t v = 0; v < venues.size(); ++v) used[v] += venues[v] == f.station;
      for (std::size_t k = 0; k < entries.size(); ++k) {
        if (entries[k].mandate != static_cast<int>(mi)) continue;
        const auto& o = *chosen[k];
        const auto& s = *entries[k].session;
        seq.push_back({s.number, o.first, true});
        for (std::size_t v = 0; v < venues.size(); ++v) used[v] += venues[v] == o.station;
        if (m.timing == Timing::earliest) total += w.timing * (o.first - m.from).count();
        if (m.timing == Timing::latest) total += w.timing * (m.latest_end - o.last).count();
        for (Date d = o.first; d <= o.last; d += date::days{1}) {
          const unsigned mon{date::year_month_day{d}.month()};
          total += w.avoid * std::count(m.avoid_months.begin(), m.avoid_months.end(), mon);
        }
        if (s.published_first)
          total += w.published * (std::abs((o.first - *s.published_first).count()) +
                                  (s.published_station.empty() || s.published_station == o.station ? 0 : 7));
        for (Date d = o.first; d <= o.last;
             d += date::days{1}) {  // expert-days, each expert once a day
          std::set<std::string> busy;
          for (const auto& b : m.soft_busy)
            if (b.first <= d && d <= b.last) busy.insert(b.expert);
          total += w.experts * static_cast<long>(busy.size());
        }
      }
      std::sort(seq.begin(), seq.end(), [](const S& a, const S& b) { return a.number < b.number; });
      for (std::size_t i = 1; i < seq.size(); ++i)
        if (seq[i].placed || seq[i - 1].placed) total += w.spacing * std::abs((seq[i].first - seq[i - 1].first).count() - target);
      if (venues.size() > 1) total += w.balance * (*std::max_element(used.begin(), used.end()) - *std::min_element(used.begin(), used.end()));
    }
    return total;
  }

  void walk(std::size_t k) {
    if (k == entries.size()) {
      for (std::size_t mi = 0; mi < p.mandates.size(); ++mi)
        if (!mandate_gaps_ok(static_cast<int>(mi))) return;
      scores.push_back(score());
      return;
    }
    for (const auto& o : entries[k].options) {
      chosen[k] = &o;
      if (fits(k)) walk(k + 1);
    }
  }

  /// Every feasible plan's score, ascending.
  std::vector<std::int64_t> all_scores() {
    walk(0);
    std::sort(scores.begin(), scores.end());
    return scores;
  }
};

// ---------------------------------------------------------------- random small instances


PlanProblem random_problem(unsigned seed) {
  Rng r(seed);
  PlanProblem p;
  const Date base = add(day("2005-01-03"), 7 * r.below(40));  // a Monday
  p.stations = {{"A", {}, {}, {}, {}}, {"B", {}, {}, {}, {}}};
  const int joint = r.chance(25) ? 2 : 1;
  for (auto& st : p.stations) {
    for (int i = r.below(4); i > 0; --i) {
      st.closures.push_back(add(base, r.below(60)));
      st.closure_names.push_back("Holiday");
    }
    if (r.chance(40)) {
      const Date b = add(base, r.below(60));
      st.blocked.push_back({b, add(b, r.below(6)), "blackout"});
    }
    const int rooms = joint > 1 ? r.below(2) : r.below(3);
    for (int i = 0; i < rooms; ++i) {
      PlanRoom room{std::string(1, static_cast<char>('x' + i)), 20 + 20 * r.below(3), {}};
      if (r.chance(50)) {
        const Date b = add(base, r.below(60));
        room.booked.push_back({b, add(b, 4), "other body"});
      }
      st.rooms.push_back(room);
    }
  }
  p.allow_stretch = r.chance(30);
  p.any_weekday_start = r.chance(20);
  p.weights = {r.below(3), r.below(3), r.below(12), r.below(25), r.below(12), r.below(25)};
  p.top = 1 + r.below(3);
  for (int mi = 0; mi < joint; ++mi) {
    PlanMandate m;
    m.key = "M" + std::to_string(mi);
    m.from = add(base, r.below(5));
    m.latest_end = add(m.from, 20 + r.below(joint > 1 ? 30 : 45));
    const int n = joint > 1 ? 1 + r.below(2) : 1 + r.below(3);
    int number = 1;
    if (r.chance(30)) {
      const Date f = add(m.from, -7 * (1 + r.below(3)));
      m.fixed.push_back({number++, f, add(f, 4), r.chance(50) ? "A" : "B"});
    }
    const int length = 1 + r.below(p.any_weekday_start ? 3 : 5);
    for (int i = 0; i < n; ++i) {
      PlanSession s;
      s.number = number++;
      s.length = length;
      const int v = r.below(3);
      s.stations = v == 0 ? std::vector<std::string>{"A"} : v == 1 ? std::vector<std::string>{"B"}
                                                                   : std::vector<std::string>{"A", "B"};
      if (r.chance(30)) {
        s.published_first = add(m.from, r.below(30));
        s.published_station = r.chance(50) ? "A" : "B";
      }
      m.sessions.push_back(s);
    }
    m.min_gap_days = r.chance(60) ? 7 * r.below(3) : r.below(12);
    if (r.chance(25)) m.max_gap_days = m.min_gap_days + 7 + r.below(20);
    m.min_end_gap_days = r.chance(50) ? r.below(4) : 0;
    m.seats = r.chance(50) ? 30 : 0;
    if (r.chance(30)) {
      const Date b = add(m.from, r.below(40));
      m.busy.push_back({b, add(b, r.below(5)), "expert busy"});
    }
    m.timing = static_cast<Timing>(r.below(3));
    if (r.chance(40)) m.avoid_months.push_back(static_cast<unsigned>(date::year_month_day{add(m.from, r.below(40))}.month()));
    if (mi == 1 && r.chance(70)) m.shares_experts_with.push_back("M0");
    if (r.chance(35))  // experts' busy days at a cost: two experts, spans of one may overlap
      for (int i = 1 + r.below(3); i > 0; --i) {
        const Date b = add(m.from, r.below(40));
        m.soft_busy.push_back({r.chance(50) ? "e1" : "e2", b, add(b, r.below(6)), "soft"});
      }
    p.mandates.push_back(m);
  }
  return p;
}

}  // namespace

TEST_CASE("plan: the solver finds the oracle's best scores on 240 random small instances", "[rules][plan]") {
  int feasible = 0, infeasible = 0, joint = 0;
  for (unsigned seed = 1; seed <= 240; ++seed) {
    INFO("seed " << seed);
    const auto p = random_problem(seed);
    const auto oracle = Oracle(p).all_scores();
    const auto result = solve_plan(p);
    REQUIRE(result.optimal);
    if (p.mandates.size() > 1) ++joint;
    if (oracle.empty()) {
      ++infeasible;
      CHECK(result.plans.empty());
      continue;
    }
    ++feasible;
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(p.top), oracle.size());
    const std::size_t want = k;
    REQUIRE(result.plans.size() == want);
    for (std::size_t i = 0; i < want; ++i) {
      const auto& plan = result.plans[i];
      CHECK(plan.score.total() == oracle[i]);
      CHECK(plan_violation(p, plan).empty());
      CHECK(score_plan(p, plan) == plan.score);
    }
  }
  // The generator must exercise both outcomes and joint planning.
  CHECK(feasible >= 100);
  CHECK(infeasible >= 10);
  CHECK(joint >= 30);
}

namespace {

/// Three 5-day sessions of one mandate at Geneva, Mondays, window given.
PlanProblem three_sessions(const char* from, const char* to, int min_gap_weeks) {
  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {}}, {"GVA", {}, {}, {}, {}}};
  PlanMandate m;
  m.key = "58/32-GGE";
  m.from = day(from);
  m.latest_end = day(to);
  m.min_gap_days = 7 * min_gap_weeks;
  for (int n = 1; n <= 3; ++n) m.sessions.push_back({n, 5, {"GVA"}, {}, {}});
  p.mandates = {m};
  return p;
}

bool has(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("plan: no solution is explained with its conflict and the relaxations that work", "[rules][plan]") {
  // 2005-01-10 .. 2005-05-27 is 20 weeks; three sessions 10 weeks apart need 21.
  auto p = three_sessions("2005-01-10", "2005-05-27", 10);
  REQUIRE(solve_plan(p).plans.empty());
  const auto e = explain_infeasible(p);
  INFO(e.summary);
  CHECK(e.summary.find("3 5-day sessions at least 10 weeks apart do not fit between 2005-01-10 and 2005-05-27") == 0);
  CHECK(e.summary.find("they need 21 weeks, the window has 20") != std::string::npos);
  CHECK(has(e.conflicts, "at least 10 weeks apart"));
  CHECK(has(e.conflicts, "end by 2005-05-27"));
  CHECK(!has(e.conflicts, "venues"));  // another venue would not help: not part of the conflict
  CHECK(has(e.relaxations, "hold 2 sessions instead of 3"));
  CHECK(has(e.relaxations, "a minimum gap of 9 weeks instead of 10 weeks"));
  CHECK(has(e.relaxations, "end by 2005-06-03"));
  CHECK(!has(e.relaxations, "hold every session at NY"));

  SECTION("a holiday week makes the difference; stretching over it is one way out") {
    // 2005-01-10 .. 2005-04-01: 12 weeks. Sessions 5 weeks apart: weeks of 10 Jan, 14 Feb,
    // 21 Mar: Good Friday 25 Mar (and Easter Monday 28 Mar) close Geneva.
    auto q = three_sessions("2005-01-10", "2005-03-25", 5);
    q.stations[1].closures = {day("2005-03-25"), day("2005-03-28")};
    q.stations[1].closure_names = {"Good Friday", "Easter Monday"};
    q.mandates[0].latest_end = day("2005-03-28");
    REQUIRE(solve_plan(q).plans.empty());
    const auto f = explain_infeasible(q);
    INFO(f.summary);
    CHECK(has(f.conflicts, "no session over a closure at GVA (Good Friday 2005-03-25"));
    CHECK(has(f.relaxations, "hold every session at NY"));
    CHECK(has(f.relaxations, "a minimum gap of 4 weeks"));
  }
}

TEST_CASE("plan: the best plan meets every hard constraint and is deterministic", "[rules][plan]") {
  auto p = three_sessions("2005-01-10", "2005-06-24", 8);
  p.stations[1].closures = {day("2005-03-25"), day("2005-03-28"), day("2005-05-05"), day("2005-05-16")};
  p.mandates[0].avoid_months = {1};
  p.weights.avoid = 100;
  p.mandates[0].timing = Timing::earliest;
  p.top = 5;
  const auto a = solve_plan(p);
  const auto b = solve_plan(p);
  REQUIRE(a.plans.size() == 5);
  CHECK(a.plans == b.plans);
  for (std::size_t i = 0; i < a.plans.size(); ++i) {
    CHECK(plan_violation(p, a.plans[i]).empty());
    if (i > 0) CHECK(a.plans[i - 1].score.total() <= a.plans[i].score.total());
  }
  const auto& best = a.plans.front().sessions;
  CHECK(best[0].first >= day("2005-02-01"));  // January avoided
  CHECK(best[1].first - best[0].first >= date::days{56});
  CHECK(best[2].first - best[1].first >= date::days{56});
}

TEST_CASE("plan: re-planning after a published plan moves nothing that need not move", "[rules][plan]") {
  auto p = three_sessions("2005-01-10", "2005-06-24", 6);
  p.stations[0].code = "NY";
  for (auto& s : p.mandates[0].sessions) s.stations = {"GVA", "NY"};
  p.mandates[0].timing = Timing::earliest;
  const auto first = solve_plan(p);
  REQUIRE(first.plans.size() == 1);
  auto published = p;
  for (std::size_t i = 0; i < 3; ++i) {
    published.mandates[0].sessions[i].published_first = first.plans[0].sessions[i].first;
    published.mandates[0].sessions[i].published_station = first.plans[0].sessions[i].station;
  }
  published.weights.published = 100;

  SECTION("nothing changed: the same plan, nothing moved") {
    const auto again = solve_plan(published);
    REQUIRE(again.plans.size() == 1);
    CHECK(again.plans[0].sessions == first.plans[0].sessions);
    CHECK(again.plans[0].score.published == 0);
  }
  SECTION("a blackout hits the last session: only it moves") {
    const auto hit = first.plans[0].sessions[2];
    for (auto& st : published.stations) st.blocked.push_back({hit.first, hit.first, "blackout"});
    const auto again = solve_plan(published);
    REQUIRE(again.plans.size() == 1);
    const auto& s = again.plans[0].sessions;
    CHECK(s[0] == first.plans[0].sessions[0]);
    CHECK(s[1] == first.plans[0].sessions[1]);
    CHECK(s[2].first != hit.first);
    CHECK(plan_violation(published, again.plans[0]).empty());
  }
  SECTION("a published session keeps its room when it is free, not the smallest that fits") {
    for (auto& st : published.stations) st.rooms = {{"Small", 20, {}}, {"Large", 200, {}}};
    for (auto& s : published.mandates[0].sessions) s.published_room = "Large";
    const auto kept = solve_plan(published);
    REQUIRE(kept.plans.size() == 1);
    for (const auto& s : kept.plans[0].sessions) CHECK(s.room == "Large");
    // Once Large is booked on a session's days, that session takes the room that is free.
    const auto hit = kept.plans[0].sessions[1];
    for (auto& st : published.stations)
      if (st.code == hit.station) st.rooms[1].booked.push_back({hit.first, hit.last, "another body"});
    const auto moved = solve_plan(published);
    REQUIRE(moved.plans.size() == 1);
    CHECK(moved.plans[0].sessions[0].room == "Large");
    CHECK(moved.plans[0].sessions[1].room == "Small");
    CHECK(moved.plans[0].sessions[1].first == hit.first);
  }
}

TEST_CASE("plan: joint planning keeps shared experts and single rooms apart", "[rules][plan]") {
  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {}}};
  p.stations[0].rooms = {{"CR4", 100, {}}};
  for (int i = 0; i < 3; ++i) {
    PlanMandate m;
    m.key = "M" + std::to_string(i);
    m.from = day("2005-01-03");
    m.latest_end = day("2005-03-25");
    m.timing = Timing::earliest;
    m.seats = 50;
    m.sessions = {{1, 5, {"NY"}, {}, {}}};
    p.mandates.push_back(m);
  }
  p.mandates[1].shares_experts_with = {"M0"};
  const auto r = solve_plan(p);
  REQUIRE(r.plans.size() == 1);
  const auto& s = r.plans[0].sessions;
  CHECK(plan_violation(p, r.plans[0]).empty());
  // One room: the three sessions take three different weeks, the cheapest being the first three
  // (which mandate gets which week is a tie).
  std::vector<Date> firsts{s[0].first, s[1].first, s[2].first};
  std::sort(firsts.begin(), firsts.end());
  CHECK(firsts == std::vector<Date>{day("2005-01-03"), day("2005-01-10"), day("2005-01-17")});
  CHECK(r.plans[0].score.timing == 0 + 7 + 14);
}

TEST_CASE("plan: mandates that fit alone but not together are named, with who can give way", "[rules][plan]") {
  // M0 and M1 share experts and both must meet in the week of 3 January at NY; M2 and M3 can
  // go anywhere in a quarter, NY and GVA. Only M0 and M1 are the conflict.
  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {}}, {"GVA", {}, {}, {}, {}}};
  const auto mandate = [](const char* key, const char* last, std::vector<std::string> venues) {
    PlanMandate m;
    m.key = key;
    m.from = day("2005-01-03");
    m.latest_end = day(last);
    m.sessions = {{1, 5, std::move(venues), {}, {}}};
    return m;
  };
  p.mandates = {mandate("M0", "2005-01-07", {"NY"}), mandate("M2", "2005-03-25", {"NY", "GVA"}),
                mandate("M1", "2005-01-07", {"NY"}), mandate("M3", "2005-03-25", {"GVA"})};
  p.mandates[0].shares_experts_with = {"M1", "M2"};
  p.mandates[2].shares_experts_with = {"M0"};
  p.mandates[1].shares_experts_with = {"M0"};
  REQUIRE(solve_plan(p).plans.empty());
  const auto e = explain_joint_infeasible(p);
  CHECK(e.summary == "each mandate can be planned alone, but M0, M1 cannot be planned together");
  CHECK(e.conflicts == std::vector<std::string>{
                           "M0: 1 session of 5 working days between 2005-01-03 and 2005-01-07",
                           "M1: 1 session of 5 working days between 2005-01-03 and 2005-01-07",
                           "M0 and M1 share experts: their sessions may not overlap, and need a working "
                           "day between for travel",
                           "M0 and M1 compete for the rooms at NY"});
  CHECK(e.relaxations == std::vector<std::string>{"plan without M0 (then plan M0 alone, around the others)",
                                                  "plan without M1 (then plan M1 alone, around the others)"});
  // Given a week more, M1 fits after M0: the problem has a plan, and says so.
  p.mandates[2].latest_end = day("2005-01-14");
  CHECK(explain_joint_infeasible(p).summary == "a plan exists");
}

TEST_CASE("plan: a malformed problem is an InputError", "[rules][plan]") {
  auto p = three_sessions("2005-01-10", "2005-06-24", 8);
  SECTION("unknown venue") { p.mandates[0].sessions[0].stations = {"XX"}; }
  SECTION("zero length") { p.mandates[0].sessions[0].length = 0; }
  SECTION("window backwards") { p.mandates[0].latest_end = day("2004-01-01"); }
  SECTION("max gap below min gap") { p.mandates[0].max_gap_days = 7; }
  SECTION("month 13") { p.mandates[0].avoid_months = {13}; }
  SECTION("top 0") { p.top = 0; }
  CHECK_THROWS_AS(solve_plan(p), InputError);
}

TEST_CASE("plan: conflict-based joint search and joint branch and bound agree on 40 medium instances", "[rules][plan]") {
  // Six mandates of two sessions over twelve weeks, a chain of shared experts, two rooms of
  // different sizes per station: top 1 goes through the conflict-based search, top 2 through the
  // joint branch and bound; their best scores must agree.
  int clashing = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    INFO("seed " << seed);
    Rng r(seed * 7919);
    PlanProblem p;
    p.stations = {{"NY", {}, {}, {}, {{"small", 40, {}}, {"big", 100, {}}}},
                  {"GVA", {}, {}, {}, {{"small", 40, {}}, {"big", 100, {}}}}};
    for (int i = 0; i < 6; ++i) {
      PlanMandate m;
      m.key = "M" + std::to_string(i);
      m.from = add(day("2005-01-03"), 7 * r.below(3));
      m.latest_end = add(m.from, 7 * 8 + 4);
      m.min_gap_days = 14 + 7 * r.below(2);
      m.seats = r.chance(50) ? 30 : 80;
      m.timing = Timing::earliest;
      const std::string v = r.chance(50) ? "NY" : "GVA";
      m.sessions = {{1, 5, {v}, {}, {}}, {2, 5, {"NY", "GVA"}, {}, {}}};
      if (i > 0) m.shares_experts_with = {"M" + std::to_string(i - 1)};
      p.mandates.push_back(m);
    }
    auto two = p;
    two.top = 2;
    const auto a = solve_plan(p), b = solve_plan(two);
    REQUIRE(a.optimal);
    REQUIRE(b.optimal);
    REQUIRE(a.plans.empty() == b.plans.empty());
    if (a.plans.empty()) continue;
    CHECK(a.plans[0].score.total() == b.plans[0].score.total());
    CHECK(plan_violation(p, a.plans[0]).empty());
    CHECK(plan_violation(p, b.plans[0]).empty());
    // Mandates on their own would clash: the joint plan had to give way somewhere.
    std::int64_t alone = 0;
    for (const auto& m : p.mandates) {
      PlanProblem one = p;
      one.mandates = {m};
      one.mandates[0].shares_experts_with.clear();
      alone += solve_plan(one).plans.at(0).score.total();
    }
    CHECK(a.plans[0].score.total() >= alone);
    clashing += a.plans[0].score.total() > alone;
  }
  CHECK(clashing >= 10);
}
