// A complete plan judged on its own: its score by preference (score_plan) and its first broken
// hard constraint (plan_violation). Written from the problem, not from the compiled search, so
// the search can be checked against it.
#include "plan_compiled.hpp"

#include "gge/rules/calendar/session_days.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace gge {
namespace {

using detail::day_number;

/// A mandate's sessions by number, fixed and placed: (number, first, last, placed?).
struct SeqItem {
  int number;
  int first, last;
  std::string station;
  const PlacedSession* placed;
};

std::vector<SeqItem> sequence(const PlanMandate& m, const Plan& plan) {
  std::vector<SeqItem> seq;
  for (const auto& f : m.fixed) seq.push_back({f.number, day_number(f.first), day_number(f.last), f.station, nullptr});
  for (const auto& s : plan.sessions)
    if (s.mandate == m.key) seq.push_back({s.number, day_number(s.first), day_number(s.last), s.station, &s});
  std::stable_sort(seq.begin(), seq.end(), [](const SeqItem& a, const SeqItem& b) { return a.number < b.number; });
  return seq;
}

const PlanSession* find_session(const PlanMandate& m, int number) {
  for (const auto& s : m.sessions)
    if (s.number == number) return &s;
  return nullptr;
}

bool in(const std::vector<PlanBlock>& spans, Date d) {
  return std::any_of(spans.begin(), spans.end(), [&](const PlanBlock& b) { return b.first <= d && d <= b.last; });
}

}  // namespace

ExpertClash expert_clash(const PlanMandate& m, Date first, Date last) {
  ExpertClash out;
  std::map<std::string, std::vector<std::pair<Date, Date>>> by_expert;  // clipped to [first, last]
  for (const auto& b : m.soft_busy) {
    const Date lo = std::max(first, b.first), hi = std::min(last, b.last);
    if (lo > hi) continue;
    by_expert[b.expert].emplace_back(lo, hi);
    if (std::find(out.reasons.begin(), out.reasons.end(), b.reason) == out.reasons.end())
      out.reasons.push_back(b.reason);
  }
  for (auto& [expert, spans] : by_expert) {  // the union of each expert's spans, in days
    std::sort(spans.begin(), spans.end());
    Date end = spans.front().first - date::days{1};  // last day counted so far
    for (const auto& [lo, hi] : spans) {
      const Date from = std::max(lo, end + date::days{1});
      if (from <= hi) out.expert_days += static_cast<int>((hi - from).count()) + 1;
      end = std::max(end, hi);
    }
  }
  return out;
}

ScoreBreakdown score_plan(const PlanProblem& p, const Plan& plan) {
  ScoreBreakdown b;
  const auto& w = p.weights;
  for (const auto& m : p.mandates) {
    const int target = detail::spacing_target(m);
    const auto seq = sequence(m, plan);
    for (std::size_t i = 1; i < seq.size(); ++i)
      if (seq[i].placed || seq[i - 1].placed) {
        const int gap = seq[i].first - seq[i - 1].first;
        b.spacing += std::int64_t{w.spacing} * std::abs(gap - target);
      }
    std::vector<std::string> stations;
    for (const auto& s : m.sessions)
      for (const auto& st : s.stations)
        if (std::find(stations.begin(), stations.end(), st) == stations.end()) stations.push_back(st);
    std::vector<int> counts(stations.size(), 0);
    for (const auto& f : m.fixed)
      for (std::size_t k = 0; k < stations.size(); ++k) counts[k] += f.station == stations[k];
    for (const auto& s : plan.sessions) {
      if (s.mandate != m.key) continue;
      for (std::size_t k = 0; k < stations.size(); ++k) counts[k] += s.station == stations[k];
      if (m.timing == Timing::earliest) b.timing += std::int64_t{w.timing} * (s.first - m.from).count();
      if (m.timing == Timing::latest) b.timing += std::int64_t{w.timing} * (m.latest_end - s.last).count();
      for (Date d = s.first; d <= s.last; d += date::days{1}) {
        const unsigned month{date::year_month_day{d}.month()};
        if (std::find(m.avoid_months.begin(), m.avoid_months.end(), month) != m.avoid_months.end())
          b.avoid += w.avoid;
      }
      if (const auto* ps = find_session(m, s.number); ps && ps->published_first) {
        const auto moved = std::abs((s.first - *ps->published_first).count()) +
                           (ps->published_station.empty() || ps->published_station == s.station ? 0 : 7);
        b.published += std::int64_t{w.published} * moved;
      }
      b.experts += std::int64_t{w.experts} * expert_clash(m, s.first, s.last).expert_days;
    }
    b.balance += detail::balance_cost(p, counts);
  }
  return b;
}

std::string plan_violation(const PlanProblem& p, const Plan& plan) {
  std::map<std::pair<std::string, int>, int> placed_count;
  for (const auto& s : plan.sessions) {
    const std::string who = fmt::format("{}#{}", s.mandate, s.number);
    const auto mi = std::find_if(p.mandates.begin(), p.mandates.end(), [&](const PlanMandate& m) { return m.key == s.mandate; });
    if (mi == p.mandates.end()) return who + ": unknown mandate";
    const auto& m = *mi;
    const auto* ps = find_session(m, s.number);
    if (!ps) return who + ": not a session to place";
    if (++placed_count[{s.mandate, s.number}] > 1) return who + ": placed twice";
    if (std::find(ps->stations.begin(), ps->stations.end(), s.station) == ps->stations.end())
      return who + ": venue " + s.station + " not allowed";
    const auto st = std::find_if(p.stations.begin(), p.stations.end(), [&](const PlanStation& x) { return x.code == s.station; });
    if (st == p.stations.end()) return who + ": unknown station";
    if (s.first < m.from || s.last > m.latest_end) return who + ": outside the window";
    if (!p.any_weekday_start && weekday_of(s.first) != date::Monday) return who + ": does not start on a Monday";
    if (is_weekend(s.first) || is_weekend(s.last)) return who + ": starts or ends on a weekend";
    int counted = 0, closures = 0;
    for (Date d = s.first; d <= s.last; d += date::days{1}) {
      if (in(st->blocked, d)) return who + ": on a blocked day " + to_iso(d);  // weekends too
      if (is_weekend(d)) continue;
      const bool closed = std::find(st->closures.begin(), st->closures.end(), d) != st->closures.end();
      if (closed && (d == s.first || d == s.last || ++closures > (p.allow_stretch ? k_max_stretch_closures : 0)))
        return who + ": on a closure " + to_iso(d);
      if (!closed) ++counted;
    }
    for (const auto& b : m.busy)
      if (b.station.empty() ? b.first <= s.last && s.first <= b.last
                            : !can_share_experts(b.first, b.last, b.station, s.first, s.last, s.station))
        return fmt::format("{}: busy ({}, {})", who, b.reason, to_un_range(b.first, b.last));
    if (counted != ps->length) return fmt::format("{}: {} working days, not {}", who, counted, ps->length);
    if (!st->rooms.empty()) {
      const auto r = std::find_if(st->rooms.begin(), st->rooms.end(), [&](const PlanRoom& x) { return x.name == s.room; });
      if (r == st->rooms.end()) return who + ": no room";
      if (r->capacity < m.seats) return who + ": room too small";
      if (std::any_of(r->booked.begin(), r->booked.end(), [&](const PlanBlock& b) { return b.first <= s.last && s.first <= b.last; }))
        return who + ": room already booked";
      for (const auto& q : plan.sessions)
        if (&q != &s && q.station == s.station && q.room == s.room && q.first <= s.last && s.first <= q.last)
          return who + ": room shared with " + q.mandate + "#" + std::to_string(q.number);
    }
    for (const auto& q : plan.sessions) {
      if (&q == &s || q.mandate == s.mandate) continue;
      const auto qm = std::find_if(p.mandates.begin(), p.mandates.end(), [&](const PlanMandate& x) { return x.key == q.mandate; });
      if (qm != p.mandates.end() && detail::mandates_share(m, *qm) &&
          !can_share_experts(q.first, q.last, q.station, s.first, s.last, s.station))
        return who + ": shares experts with " + q.mandate + "#" + std::to_string(q.number) +
               " without a weekday between for travel";
    }
  }
  for (const auto& m : p.mandates) {
    for (const auto& s : m.sessions)
      if (!placed_count.count({m.key, s.number})) return fmt::format("{}#{}: not placed", m.key, s.number);
    const auto seq = sequence(m, plan);
    for (std::size_t i = 1; i < seq.size(); ++i)
      if ((seq[i].placed || seq[i - 1].placed) && !detail::gap_ok(m, seq[i - 1].first, seq[i - 1].last, seq[i].first, seq[i - 1].station == seq[i].station))
        return fmt::format("{}#{}: gap after session {} broken", m.key, seq[i].number, seq[i - 1].number);
  }
  return {};
}

}  // namespace gge
