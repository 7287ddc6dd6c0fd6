// Joint planning (several mandates competing for rooms and shared experts) against an
// exhaustive oracle written from the rules in words, not from the library: every room given
// explicitly, the travel rule, blocked weekends, the stretch limit. The solver must find the
// same best scores (top K), whatever the order of the mandates, and every plan it proposes must
// pass the conflict checker with no finding at all about the planned bodies.
#include "gge/core/parse.hpp"
#include "gge/rules/check/check.hpp"
#include "gge/rules/plan/plan.hpp"
#include "plan_oracle.hpp"
#include "plan_support.hpp"
#include "rules/plan/plan_compiled.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <numeric>

using namespace gge;

namespace {

using test::add;
using test::day;
using test::inside;
using test::Option;
using test::Rng;
using test::station_of;
using test::weekday_strictly_between;

// ---------------------------------------------------------------- the oracle

/// Every (days, station, room) a session may take on its own.
std::vector<Option> options_of(const PlanProblem& p, const PlanMandate& m, const PlanSession& s) {
  std::vector<Option> out;
  for (const auto& code : s.stations) {
    const auto& st = station_of(p, code);
    for (Date d = m.from; d <= m.latest_end; d += date::days{1}) {
      if (is_weekend(d) || (!p.any_weekday_start && weekday_of(d) != date::Monday)) continue;
      if (std::count(st.closures.begin(), st.closures.end(), d)) continue;
      int counted = 0, closures = 0;
      Date e = d;
      bool ok = true;
      for (;; e += date::days{1}) {
        if (e > m.latest_end || inside(st.blocked, e)) {
          ok = false;
          break;
        }
        if (is_weekend(e)) continue;
        if (std::count(st.closures.begin(), st.closures.end(), e)) {
          if (!p.allow_stretch || ++closures > 2) { ok = false; break; }
          continue;
        }
        if (++counted == s.length) break;
      }
      if (!ok) continue;
      if (st.rooms.empty()) out.push_back({d, e, code, ""});
      for (const auto& r : st.rooms) {
        const bool booked = std::any_of(r.booked.begin(), r.booked.end(), [&](const PlanBlock& b) { return b.first <= e && d <= b.last; });
        if (r.capacity >= m.seats && !booked) out.push_back({d, e, code, r.name});
      }
    }
  }
  return out;
}

struct Oracle {
  const PlanProblem& p;
  struct Entry { std::size_t mandate; const PlanSession* session; std::vector<Option> options; };
  std::vector<Entry> entries;
  std::vector<const Option*> chosen;
  std::map<std::vector<std::string>, std::int64_t> plans;  // days and stations -> score

  explicit Oracle(const PlanProblem& problem) : p(problem) {
    for (std::size_t mi = 0; mi < p.mandates.size(); ++mi)
      for (const auto& s : p.mandates[mi].sessions) entries.push_back({mi, &s, options_of(p, p.mandates[mi], s)});
    chosen.resize(entries.size());
  }

  bool shares(std::size_t a, std::size_t b) const {
    return test::shares_experts(p.mandates[a], p.mandates[b]);
  }

  bool fits(std::size_t k) const {
    const auto& o = *chosen[k];
    for (std::size_t j = 0; j < k; ++j) {
      const auto& q = *chosen[j];
      const bool overlap = q.first <= o.last && o.first <= q.last;
      if (overlap && q.station == o.station && !o.room.empty() && q.room == o.room) return false;
      if (entries[j].mandate != entries[k].mandate && shares(entries[j].mandate, entries[k].mandate)) {
        if (overlap) return false;
        const bool o_first = o.last < q.first;
        if (q.station != o.station && !weekday_strictly_between(o_first ? o.last : q.last, o_first ? q.first : o.first))
          return false;
      }
    }
    return true;
  }

  bool gaps_ok() const {
    for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
      const auto& m = p.mandates[mi];
      std::vector<std::pair<int, const Option*>> seq;
      for (std::size_t k = 0; k < entries.size(); ++k)
        if (entries[k].mandate == mi) seq.emplace_back(entries[k].session->number, chosen[k]);
      std::sort(seq.begin(), seq.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (std::size_t i = 1; i < seq.size(); ++i) {
        const auto& a = *seq[i - 1].second;
        const auto& b = *seq[i].second;
        const long s2s = (b.first - a.first).count(), e2s = (b.first - a.last).count();
        if (b.first <= a.last || s2s < m.min_gap_days || e2s < m.min_end_gap_days) return false;
        if (a.station != b.station && !weekday_strictly_between(a.last, b.first)) return false;  // travel
      }
    }
    return true;
  }

  // The documented objective (plan.hpp): timing and spacing here (the instances use no other).
  std::int64_t score() const {
    std::int64_t total = 0;
    for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
      const auto& m = p.mandates[mi];
      const long target = (m.latest_end - m.from).count() / static_cast<long>(m.sessions.size());
      std::vector<std::pair<int, Date>> seq;
      for (std::size_t k = 0; k < entries.size(); ++k) {
        if (entries[k].mandate != mi) continue;
        seq.emplace_back(entries[k].session->number, chosen[k]->first);
        if (m.timing == Timing::earliest) total += p.weights.timing * (chosen[k]->first - m.from).count();
      }
      std::sort(seq.begin(), seq.end());
      for (std::size_t i = 1; i < seq.size(); ++i)
        total += p.weights.spacing * std::abs((seq[i].second - seq[i - 1].second).count() - target);
    }
    return total;
  }

  void walk(std::size_t k) {
    if (k == entries.size()) {
      if (!gaps_ok()) return;
      std::vector<std::string> key;
      for (const auto* o : chosen) key.push_back(to_iso(o->first) + o->station);
      plans.emplace(key, score());  // the same days with other rooms: the same plan
      return;
    }
    for (const auto& o : entries[k].options) {
      chosen[k] = &o;
      if (fits(k)) walk(k + 1);
    }
  }

  std::vector<std::int64_t> best_scores() {
    walk(0);
    std::vector<std::int64_t> out;
    for (const auto& [key, score] : plans) out.push_back(score);
    std::sort(out.begin(), out.end());
    return out;
  }
};

// ---------------------------------------------------------------- random joint instances

PlanProblem random_joint(unsigned seed) {
  Rng r(seed);
  PlanProblem p;
  const Date base = add(day("2005-01-03"), 7 * r.below(45));  // a Monday
  p.stations = {{"NY", {}, {}, {}, {}}, {"GVA", {}, {}, {}, {}}};
  for (auto& st : p.stations) {
    for (int i = r.below(3); i > 0; --i) {
      st.closures.push_back(add(base, r.below(35)));
      st.closure_names.push_back("Holiday");
    }
    if (r.chance(40)) {  // a blackout, possibly on a weekend only
      const Date b = add(base, r.below(35));
      st.blocked.push_back({b, add(b, r.below(3)), "blackout", {}});
    }
    const int rooms = 1 + r.below(3);
    for (int i = 0; i < rooms; ++i) {
      PlanRoom room{st.code + " Room " + std::to_string(i + 1), 20 + 30 * r.below(3), {}};
      if (r.chance(40)) {
        const Date b = add(base, 7 * r.below(5));
        room.booked.push_back({b, add(b, 4), "a confirmed session", {}});
      }
      st.rooms.push_back(room);
    }
  }
  p.allow_stretch = r.chance(30);
  p.any_weekday_start = r.chance(35);
  p.weights = {r.below(3), 1 + r.below(2), 0, 0, 0};
  p.top = 1 + r.below(4);
  const int count = 2 + r.below(2);
  for (int mi = 0; mi < count; ++mi) {
    PlanMandate m;
    m.key = "M" + std::to_string(mi);
    m.body = "B" + std::to_string(mi);
    m.from = add(base, r.below(4));
    m.latest_end = add(m.from, 18 + r.below(count == 2 ? 20 : 12));
    const int n = count == 2 ? 1 + r.below(2) : 1;
    const int length = 1 + r.below(p.any_weekday_start ? 3 : 5);
    for (int i = 1; i <= n; ++i) {
      PlanSession s;
      s.number = i;
      s.length = length;
      const int v = r.below(3);
      s.stations = v == 0 ? std::vector<std::string>{"NY"} : v == 1 ? std::vector<std::string>{"GVA"}
                                                                    : std::vector<std::string>{"NY", "GVA"};
      m.sessions.push_back(s);
    }
    m.min_gap_days = 7 * r.below(2);
    m.min_end_gap_days = r.below(3);
    m.seats = 15 + 20 * r.below(3);
    m.timing = r.chance(70) ? Timing::earliest : Timing::none;
    for (int other = 0; other < mi; ++other)
      if (r.chance(60)) m.shares_experts_with.push_back("M" + std::to_string(other));
    p.mandates.push_back(m);
  }
  return p;
}

/// The problem and a plan as the scenario `gge plan --apply` would leave: bookings as confirmed
/// sessions of another body, blocks as blackouts, the plan's sessions planned (no meetings),
/// shared experts as memberships.
CheckInput check_input(const PlanProblem& p, const Plan& plan, Scenario& sc) {
  for (const auto& st : p.stations) {
    sc.stations.push_back({st.code, st.code, st.code == "NY" ? "America/New_York" : "Europe/Zurich"});
    for (const auto& b : st.blocked) sc.blackouts.push_back({st.code, b.first, b.last, b.reason, Severity::error});
    for (const auto& r : st.rooms) sc.rooms.push_back({st.code, r.name, r.capacity});
  }
  sc.bodies.push_back({"X", "another body", BodyKind::gge, 10, 0});
  int other = 1;
  for (const auto& st : p.stations)
    for (const auto& r : st.rooms)
      for (const auto& b : r.booked)
        sc.sessions.push_back({"X", other++, b.first, b.last, st.code, r.name, SessionStatus::confirmed, "", 0});
  for (const auto& m : p.mandates) {
    sc.bodies.push_back({m.body, m.body, BodyKind::gge, m.seats, m.min_end_gap_days});
    Mandate mandate;
    mandate.key = m.key;
    mandate.body = m.body;
    mandate.start = m.from;
    mandate.report_to_session = 60;
    sc.mandates.push_back(mandate);
    sc.deadlines.push_back({m.key, "latest_end", m.latest_end, "test"});
    sc.experts.push_back({"e-" + m.body, m.body, ""});
    sc.memberships.push_back({"e-" + m.body, m.body, "member"});
    for (const auto& k : m.shares_experts_with) {  // one expert on both bodies
      const auto& partner = *std::find_if(p.mandates.begin(), p.mandates.end(), [&](const PlanMandate& x) { return x.key == k; });
      sc.experts.push_back({"e-" + m.body + "-" + partner.body, "shared", ""});
      sc.memberships.push_back({"e-" + m.body + "-" + partner.body, m.body, "member"});
      sc.memberships.push_back({"e-" + m.body + "-" + partner.body, partner.body, "member"});
    }
  }
  for (const auto& x : plan.sessions)
    sc.sessions.push_back({x.body, x.number, x.first, x.last, x.station, x.room, SessionStatus::planned, "", 0});
  CheckInput in{sc};
  in.closure = test::closure_lookup(p);
  in.options.suggest_fixes = false;
  return in;
}

std::vector<std::int64_t> scores_of(const PlanResult& r) {
  std::vector<std::int64_t> out;
  for (const auto& plan : r.plans) out.push_back(plan.score.total());
  return out;
}

}  // namespace

TEST_CASE("plan: joint plans are the oracle's best on 240 random instances, in any mandate order", "[rules][plan]") {
  int feasible = 0, three = 0, swaps = 0;
  for (unsigned seed = 1; seed <= 240; ++seed) {
    INFO("seed " << seed);
    auto p = random_joint(seed);
    const auto oracle = Oracle(p).best_scores();
    const auto result = solve_plan(p);
    REQUIRE(result.optimal);
    three += p.mandates.size() == 3;
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(p.top), oracle.size());
    CHECK(scores_of(result) == std::vector<std::int64_t>(oracle.begin(), oracle.begin() + static_cast<long>(k)));
    if (!oracle.empty()) {
      ++feasible;
      CHECK(result.bound == oracle.front());
    }
    for (const auto& plan : result.plans) {
      CHECK(plan_violation(p, plan).empty());
      Scenario sc;
      const auto findings = check_plan(check_input(p, plan, sc));
      std::vector<Finding> ours;
      for (const auto& f : findings)
        if (f.body != "X") ours.push_back(f);
      INFO(test::describe(ours));
      CHECK(ours.empty());
    }
    // Reversed and rotated: the same scores.
    auto q = p;
    std::reverse(q.mandates.begin(), q.mandates.end());
    CHECK(scores_of(solve_plan(q)) == scores_of(result));
    std::rotate(q.mandates.begin(), q.mandates.begin() + 1, q.mandates.end());
    CHECK(scores_of(solve_plan(q)) == scores_of(result));
    // The same search for any K: the best of top K is the best of top 1.
    q = p;
    q.top = 1;
    const auto one = solve_plan(q);
    if (!result.plans.empty()) {
      REQUIRE(one.plans.size() == 1);
      CHECK(one.plans.front().score.total() == result.plans.front().score.total());
      // A plan needing a room re-assignment somewhere: two sessions at one station at once.
      for (const auto& a : one.plans.front().sessions)
        for (const auto& b : one.plans.front().sessions)
          swaps += &a < &b && a.station == b.station && a.first <= b.last && b.first <= a.last;
    }
  }
  CHECK(feasible >= 120);
  CHECK(three >= 60);
  CHECK(swaps >= 10);
}

TEST_CASE("plan: a budget that stops the joint search leaves a bound no plan beats",
          "[rules][plan]") {
  // The bound of a stopped search comes from the queued nodes' costs plus what their clashes
  // must add (pairs of sharing mandates searched alone): it must never pass the oracle's best.
  int stopped = 0, informative = 0;
  for (unsigned seed = 1; seed <= 120; ++seed) {
    INFO("seed " << seed);
    auto p = random_joint(seed);
    const auto oracle = Oracle(p).best_scores();
    for (const std::uint64_t budget : {3U, 10U, 30U}) {
      INFO("budget " << budget);
      p.max_nodes = budget;
      const auto r = solve_plan(p);
      for (const auto& plan : r.plans) CHECK(plan_violation(p, plan).empty());
      if (r.optimal) {
        const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(p.top), oracle.size());
        CHECK(scores_of(r) ==
              std::vector<std::int64_t>(oracle.begin(), oracle.begin() + static_cast<long>(k)));
        continue;
      }
      ++stopped;
      if (oracle.empty()) continue;
      CHECK(r.bound <= oracle.front());
      informative += r.bound > 0;
      if (!r.plans.empty()) CHECK(r.plans.front().score.total() >= oracle.front());
    }
  }
  CHECK(stopped >= 60);
  CHECK(informative >= 50);
}

namespace {

/// A random joint instance whose mandates fall into two groups that cannot meet: no expert
/// shared between them, and either no station in common or windows that do not overlap.
PlanProblem random_groups(unsigned seed, bool* apart_in_time) {
  auto p = random_joint(seed);
  Rng r(seed * 7919U);
  *apart_in_time = r.chance(50);
  for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
    auto& m = p.mandates[mi];
    const bool second = mi % 2 == 1;
    std::erase_if(m.shares_experts_with, [&](const std::string& k) {
      return (std::stoi(k.substr(1)) % 2 == 1) != second;
    });
    if (*apart_in_time) {
      if (second) {  // six weeks later, past every window of the first group
        m.from = add(m.from, 70);
        m.latest_end = add(m.latest_end, 70);
      }
    } else {
      for (auto& s : m.sessions) s.stations = {second ? "GVA" : "NY"};
    }
  }
  return p;
}

}  // namespace

TEST_CASE("plan: independent groups solved apart give the undivided search's top plans",
          "[rules][plan]") {
  int split = 0, in_time = 0;
  for (unsigned seed = 1; seed <= 120; ++seed) {
    INFO("seed " << seed);
    bool apart_in_time = false;
    const auto p = random_groups(seed, &apart_in_time);
    const auto whole = detail::solve_undivided(p);
    const auto parts = solve_plan(p);
    REQUIRE(whole.optimal);
    REQUIRE(parts.optimal);
    CHECK(scores_of(parts) == scores_of(whole));
    CHECK(parts.bound == whole.bound);
    const auto oracle = Oracle(p).best_scores();
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(p.top), oracle.size());
    CHECK(scores_of(parts) ==
          std::vector<std::int64_t>(oracle.begin(), oracle.begin() + static_cast<long>(k)));
    for (const auto& plan : parts.plans) CHECK(plan_violation(p, plan).empty());
    // No plan twice (the same days at the same stations).
    for (std::size_t a = 0; a < parts.plans.size(); ++a)
      for (std::size_t b = a + 1; b < parts.plans.size(); ++b) {
        bool same = parts.plans[a].sessions.size() == parts.plans[b].sessions.size();
        for (std::size_t i = 0; same && i < parts.plans[a].sessions.size(); ++i)
          same = parts.plans[a].sessions[i].first == parts.plans[b].sessions[i].first &&
                 parts.plans[a].sessions[i].station == parts.plans[b].sessions[i].station;
        CHECK_FALSE(same);
      }
    split += !oracle.empty() && p.top > 1;
    in_time += apart_in_time;
  }
  CHECK(split >= 40);
  CHECK(in_time >= 30);
}
