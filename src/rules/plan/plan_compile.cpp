// Compiles a PlanProblem for the search: validates it, works out each station's open days once
// (memoised per station and session length over the whole horizon), and lists every start day
// that the calendar, the blocks, the busy days, the rooms and the fixed sessions allow.
#include "plan_compiled.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>

namespace gge::detail {
namespace {

enum : unsigned char { k_open = 0, k_closure = 1, k_blocked = 2, k_weekend = 3 };

struct Horizon {
  int first = 0, last = -1;  // inclusive
  [[nodiscard]] int size() const { return last - first + 1; }
};

void validate(const PlanProblem& p) {
  if (p.top < 1) throw InputError({}, "--top", std::to_string(p.top), "must be at least 1");
  std::map<std::string, int> seen;
  for (const auto& s : p.stations) seen[s.code]++;
  for (const auto& m : p.mandates) {
    if (m.latest_end < m.from)
      throw InputError({}, "latest_end", to_iso(m.latest_end),
                       fmt::format("is before the window's first day {}", to_iso(m.from)));
    if (m.min_gap_days < 0 || m.min_end_gap_days < 0)
      throw InputError({}, "--min-gap", std::to_string(m.min_gap_days), "must not be negative");
    if (m.max_gap_days && *m.max_gap_days < m.min_gap_days)
      throw InputError({}, "--max-gap", std::to_string(*m.max_gap_days),
                       fmt::format("is below the minimum gap ({} days)", m.min_gap_days));
    for (unsigned month : m.avoid_months)
      if (month < 1 || month > 12)
        throw InputError({}, "--avoid", std::to_string(month), "is not a month 1..12");
    for (const auto& s : m.sessions) {
      if (s.length < 1 || s.length > 60)
        throw InputError({}, "--days", std::to_string(s.length), "must be 1..60 working days");
      if (s.stations.empty())
        throw InputError({}, "--venues", "", fmt::format("session {} has no venue", s.number));
      for (const auto& st : s.stations)
        if (!seen.count(st)) throw InputError({}, "--venues", st, "is not a duty station");
    }
  }
}

Horizon horizon_of(const PlanProblem& p) {
  Horizon h{INT32_MAX, INT32_MIN};
  for (const auto& m : p.mandates) {
    h.first = std::min(h.first, day_number(m.from));
    h.last = std::max(h.last, day_number(m.latest_end));
  }
  if (h.first > h.last) return {0, -1};
  return h;
}

void mark(std::vector<unsigned char>& days, const Horizon& h, int first, int last, unsigned char v) {
  first = std::max(first, h.first);
  last = std::min(last, h.last);
  for (int d = first; d <= last; ++d)
    if (days[static_cast<std::size_t>(d - h.first)] < v) days[static_cast<std::size_t>(d - h.first)] = v;
}

/// Open / closure / blocked / weekend for every day of the horizon at one station.
std::vector<unsigned char> station_days(const PlanStation& s, const Horizon& h) {
  std::vector<unsigned char> days(static_cast<std::size_t>(std::max(h.size(), 0)), k_open);
  for (int d = h.first; d <= h.last; ++d)
    if (is_weekend(from_day_number(d))) days[static_cast<std::size_t>(d - h.first)] = k_weekend;
  for (Date c : s.closures) {
    const int d = day_number(c);
    if (d >= h.first && d <= h.last && days[static_cast<std::size_t>(d - h.first)] == k_open)
      days[static_cast<std::size_t>(d - h.first)] = k_closure;
  }
  for (const auto& b : s.blocked) mark(days, h, day_number(b.first), day_number(b.last), k_blocked);
  return days;
}

/// last[d - h.first] = the last day of a session of `length` working days starting on d, or -1.
std::vector<int> session_ends(const std::vector<unsigned char>& days, const Horizon& h, int length,
                              bool stretch, bool any_weekday) {
  std::vector<int> out(days.size(), -1);
  for (int d = h.first; d <= h.last; ++d) {
    const auto i = static_cast<std::size_t>(d - h.first);
    if (days[i] != k_open) continue;
    if (!any_weekday && weekday_of(from_day_number(d)) != date::Monday) continue;
    int counted = 0, e = d;
    for (; e <= h.last; ++e) {
      const auto v = days[static_cast<std::size_t>(e - h.first)];
      if (v == k_weekend) continue;
      if (v == k_blocked) break;
      if (v == k_closure) {
        if (!stretch) break;
        continue;
      }
      if (++counted == length) break;
    }
    if (counted == length) out[i] = e;
  }
  return out;
}

bool overlaps(const std::vector<PlanBlock>& spans, int first, int last) {
  return std::any_of(spans.begin(), spans.end(), [&](const PlanBlock& b) {
    return day_number(b.first) <= last && first <= day_number(b.last);
  });
}

int month_days(int first, int last, const std::vector<unsigned>& months) {
  if (months.empty()) return 0;
  int n = 0;
  for (int d = first; d <= last; ++d) {
    const unsigned m{date::year_month_day{from_day_number(d)}.month()};
    if (std::find(months.begin(), months.end(), m) != months.end()) ++n;
  }
  return n;
}

}  // namespace

bool gap_ok(const PlanMandate& m, int pf, int pl, int nf) {
  if (nf <= pl) return false;
  if (nf - pf < m.min_gap_days) return false;
  if (m.max_gap_days && nf - pf > *m.max_gap_days) return false;
  return nf - pl >= m.min_end_gap_days;
}

std::int64_t balance_cost(const PlanProblem& p, const std::vector<int>& counts) {
  if (counts.size() < 2) return 0;
  const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
  return static_cast<std::int64_t>(p.weights.balance) * (*hi - *lo);
}

CompiledPlan compile_plan(const PlanProblem& p) {
  validate(p);
  CompiledPlan c;
  const Horizon h = horizon_of(p);
  std::map<std::string, int> station_index;
  for (std::size_t i = 0; i < p.stations.size(); ++i)
    station_index.emplace(p.stations[i].code, static_cast<int>(i));
  std::vector<std::vector<unsigned char>> days;
  for (const auto& s : p.stations) days.push_back(station_days(s, h));
  // Rooms by (capacity, name): the smallest room that fits is tried first.
  std::vector<std::vector<int>> room_order(p.stations.size());
  for (std::size_t s = 0; s < p.stations.size(); ++s) {
    auto& order = room_order[s];
    order.resize(p.stations[s].rooms.size());
    std::iota(order.begin(), order.end(), 0);
    const auto& rooms = p.stations[s].rooms;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      const auto& x = rooms[static_cast<std::size_t>(a)];
      const auto& y = rooms[static_cast<std::size_t>(b)];
      return std::tie(x.capacity, x.name) < std::tie(y.capacity, y.name);
    });
  }
  std::map<std::pair<int, int>, std::vector<int>> ends_memo;  // (station, length) -> ends

  c.mandates.resize(p.mandates.size());
  c.sorted_sessions.resize(p.mandates.size());
  for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
    const auto& m = p.mandates[mi];
    auto& info = c.mandates[mi];
    info.shares.assign(p.mandates.size(), false);
    for (std::size_t j = 0; j < p.mandates.size(); ++j)
      for (const auto& k : m.shares_experts_with)
        if (p.mandates[j].key == k && j != mi) info.shares[j] = true;
    for (std::size_t j = 0; j < p.mandates.size(); ++j)  // sharing is mutual
      for (const auto& k : p.mandates[j].shares_experts_with)
        if (k == m.key && j != mi) info.shares[j] = true;
    auto& order = c.sorted_sessions[mi];
    order.resize(m.sessions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return m.sessions[static_cast<std::size_t>(a)].number < m.sessions[static_cast<std::size_t>(b)].number;
    });
    for (const auto& s : m.sessions)
      for (const auto& st : s.stations) {
        const int si = station_index.at(st);
        if (std::find(info.stations.begin(), info.stations.end(), si) == info.stations.end())
          info.stations.push_back(si);
      }
    info.fixed_counts.assign(info.stations.size(), 0);
    for (const auto& f : m.fixed)
      for (std::size_t k = 0; k < info.stations.size(); ++k)
        if (p.stations[static_cast<std::size_t>(info.stations[k])].code == f.station) ++info.fixed_counts[k];

    // The spacing target: the window left after the last fixed session before the first session
    // to place (or after `from`), shared by the sessions to place.
    int anchor = day_number(m.from);
    if (!order.empty()) {
      const int first_number = m.sessions[static_cast<std::size_t>(order.front())].number;
      for (const auto& f : m.fixed)
        if (f.number < first_number) anchor = std::max(anchor, day_number(f.first));
    }
    info.target_gap = order.empty() ? 0
                                    : (day_number(m.latest_end) - anchor) / static_cast<int>(order.size());

    // Busy days of the mandate as a prefix count over the horizon.
    std::vector<int> busy_prefix(static_cast<std::size_t>(std::max(h.size(), 0)) + 1, 0);
    {
      std::vector<unsigned char> busy(static_cast<std::size_t>(std::max(h.size(), 0)), 0);
      for (const auto& b : m.busy) mark(busy, h, day_number(b.first), day_number(b.last), 1);
      for (std::size_t i = 0; i < busy.size(); ++i) busy_prefix[i + 1] = busy_prefix[i] + busy[i];
    }

    info.first_item = static_cast<int>(c.items.size());
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
      const int sidx = order[pos];
      const auto& s = m.sessions[static_cast<std::size_t>(sidx)];
      PlanItem item;
      item.mandate = static_cast<int>(mi);
      item.session = sidx;
      // Neighbours by number: the nearest fixed session before / after, unless a session to place
      // lies between (then the gap is checked during the search).
      const FixedSession* prev_fixed = nullptr;
      const FixedSession* next_fixed = nullptr;
      const int prev_number = pos > 0 ? m.sessions[static_cast<std::size_t>(order[pos - 1])].number : INT32_MIN;
      const int next_number =
          pos + 1 < order.size() ? m.sessions[static_cast<std::size_t>(order[pos + 1])].number : INT32_MAX;
      for (const auto& f : m.fixed) {
        if (f.number < s.number && f.number > prev_number && (!prev_fixed || f.number > prev_fixed->number))
          prev_fixed = &f;
        if (f.number > s.number && f.number < next_number && (!next_fixed || f.number < next_fixed->number))
          next_fixed = &f;
      }
      item.after_placed = pos > 0 && prev_fixed == nullptr;
      const int lo = day_number(m.from), hi = day_number(m.latest_end);
      for (std::size_t vi = 0; vi < s.stations.size(); ++vi) {
        const int st = station_index.at(s.stations[vi]);
        auto memo = ends_memo.find({st, s.length});
        if (memo == ends_memo.end())
          memo = ends_memo.emplace(std::pair{st, s.length},
                                   session_ends(days[static_cast<std::size_t>(st)], h, s.length,
                                                p.allow_stretch, p.any_weekday_start))
                     .first;
        for (int d = lo; d <= hi; ++d) {
          const int e = memo->second[static_cast<std::size_t>(d - h.first)];
          if (e < 0 || e > hi) continue;
          if (busy_prefix[static_cast<std::size_t>(e - h.first + 1)] != busy_prefix[static_cast<std::size_t>(d - h.first)])
            continue;
          if (prev_fixed && !gap_ok(m, day_number(prev_fixed->first), day_number(prev_fixed->last), d)) continue;
          if (next_fixed && !gap_ok(m, d, e, day_number(next_fixed->first))) continue;
          PlanCand cand{d, e, st, 0, {}};
          const auto& station = p.stations[static_cast<std::size_t>(st)];
          for (int r : room_order[static_cast<std::size_t>(st)]) {
            const auto& room = station.rooms[static_cast<std::size_t>(r)];
            if (room.capacity >= m.seats && !overlaps(room.booked, d, e)) cand.rooms.push_back(r);
          }
          if (!station.rooms.empty() && cand.rooms.empty()) continue;
          // Stability: a published session keeps its room when that room is among the free ones.
          if (!s.published_room.empty() && s.published_station == station.code) {
            const auto kept = std::find_if(cand.rooms.begin(), cand.rooms.end(), [&](int r) {
              return station.rooms[static_cast<std::size_t>(r)].name == s.published_room;
            });
            if (kept != cand.rooms.end()) std::rotate(cand.rooms.begin(), kept, kept + 1);
          }
          std::int64_t cost = 0;
          if (m.timing == Timing::earliest) cost += std::int64_t{p.weights.timing} * (d - lo);
          if (m.timing == Timing::latest) cost += std::int64_t{p.weights.timing} * (hi - e);
          cost += std::int64_t{p.weights.avoid} * month_days(d, e, m.avoid_months);
          if (s.published_first) {
            const int moved = std::abs(d - day_number(*s.published_first)) +
                              (s.published_station.empty() || s.published_station == station.code ? 0 : 7);
            cost += std::int64_t{p.weights.published} * moved;
          }
          if (prev_fixed) cost += spacing_cost(p, d - day_number(prev_fixed->first), info.target_gap);
          if (next_fixed) cost += spacing_cost(p, day_number(next_fixed->first) - d, info.target_gap);
          cand.cost = cost;
          item.cands.push_back(std::move(cand));
        }
      }
      // Station preference order is the order of `s.stations`; stable sort keeps it for ties.
      std::stable_sort(item.cands.begin(), item.cands.end(), [](const PlanCand& a, const PlanCand& b) {
        return std::tie(a.cost, a.first) < std::tie(b.cost, b.first);
      });
      c.items.push_back(std::move(item));
    }
    info.end_item = static_cast<int>(c.items.size());
  }
  // Propagation backwards through each mandate's sessions: the cheapest completion of the
  // mandate from every candidate (gaps and window respected, other mandates ignored). A candidate
  // with no completion is dropped; candidates are then tried cheapest completion first.
  c.rest.assign(c.items.size(), {});
  c.suffix_opt.assign(p.mandates.size() + 1, 0);
  for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
    const auto& m = p.mandates[mi];
    const auto& info = c.mandates[mi];
    for (int k = info.end_item - 1; k >= info.first_item; --k) {
      auto& item = c.items[static_cast<std::size_t>(k)];
      std::vector<std::int64_t> rest(item.cands.size(), 0);
      if (k + 1 < info.end_item) {
        const auto& next = c.items[static_cast<std::size_t>(k + 1)];
        const auto& next_rest = c.rest[static_cast<std::size_t>(k + 1)];
        for (std::size_t i = 0; i < item.cands.size(); ++i) {
          std::int64_t best = k_no_rest;
          const auto& a = item.cands[i];
          // The next session's candidates are sorted by their own cost + completion, and spacing
          // only adds: once that alone reaches the best found, no later one can beat it.
          for (std::size_t j = 0; j < next.cands.size(); ++j) {
            const auto& b = next.cands[j];
            if (b.cost + next_rest[j] >= best) break;
            if (!next.after_placed) {  // a fixed session lies between: nothing links the two
              best = std::min(best, b.cost + next_rest[j]);
              continue;
            }
            if (!gap_ok(m, a.first, a.last, b.first)) continue;
            best = std::min(best, b.cost + spacing_cost(p, b.first - a.first, info.target_gap) + next_rest[j]);
          }
          rest[i] = best;
        }
      }
      std::vector<std::size_t> order(item.cands.size());
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return item.cands[x].cost + rest[x] < item.cands[y].cost + rest[y];
      });
      std::vector<PlanCand> cands;
      std::vector<std::int64_t> sorted_rest;
      for (std::size_t i : order)
        if (rest[i] < k_no_rest) {
          cands.push_back(std::move(item.cands[i]));
          sorted_rest.push_back(rest[i]);
        }
      item.cands = std::move(cands);
      c.rest[static_cast<std::size_t>(k)] = std::move(sorted_rest);
    }
  }
  for (std::size_t mi = p.mandates.size(); mi-- > 0;) {
    const auto& info = c.mandates[mi];
    std::int64_t best = 0;
    if (info.first_item < info.end_item) {
      const auto& first = c.items[static_cast<std::size_t>(info.first_item)];
      best = first.cands.empty() ? k_no_rest : first.cands.front().cost + c.rest[static_cast<std::size_t>(info.first_item)][0];
    }
    c.suffix_opt[mi] = std::min(k_no_rest, c.suffix_opt[mi + 1] + best);
  }
  return c;
}

}  // namespace gge::detail
