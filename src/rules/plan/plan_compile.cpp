// Compiles a PlanProblem for the search: validates it, works out each station's days once
// (memoised per station and session length over the whole horizon), and lists every start day
// that the calendar, the blocks, the busy days, the rooms and the fixed sessions allow. The
// phases, in order: validate, station_days, per mandate (mandate_info, then per session
// neighbours and candidates), then propagate_rest and the suffix optima.
#include "plan_compiled.hpp"

#include "gge/core/error.hpp"
#include "gge/core/fields.hpp"
#include "gge/rules/calendar/session_days.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>

namespace gge::detail {
namespace {

// A day's kind at a station, by precedence (mark keeps the highest): a blocked day is blocked
// even on a weekend (session_days.hpp).
enum : unsigned char { k_open = 0, k_closure = 1, k_weekend = 2, k_blocked = 3 };

struct Horizon {
  int first = 0, last = -1;  // inclusive
  [[nodiscard]] int size() const { return last - first + 1; }
  [[nodiscard]] std::size_t at(int d) const { return static_cast<std::size_t>(d - first); }
};

void validate_mandate(const PlanMandate& m, const std::map<std::string, int>& stations) {
  if (m.latest_end < m.from)
    throw InputError({}, "latest_end", to_iso(m.latest_end),
                     fmt::format("is before the window's first day {}", to_iso(m.from)));
  if (m.min_gap_days < 0 || m.min_end_gap_days < 0)
    throw InputError({}, fields::k_min_gap, std::to_string(m.min_gap_days), "must not be negative");
  if (m.max_gap_days && *m.max_gap_days < m.min_gap_days)
    throw InputError({}, fields::k_max_gap, std::to_string(*m.max_gap_days),
                     fmt::format("is below the minimum gap ({} days)", m.min_gap_days));
  for (unsigned month : m.avoid_months)
    if (month < 1 || month > 12) throw InputError({}, fields::k_avoid_month, std::to_string(month), "is not a month 1..12");
  for (const auto& s : m.sessions) {
    if (s.length < 1 || s.length > 60)
      throw InputError({}, fields::k_session_days, std::to_string(s.length), "must be 1..60 working days");
    if (s.stations.empty()) throw InputError({}, fields::k_venues, "", fmt::format("session {} has no venue", s.number));
    for (const auto& st : s.stations)
      if (!stations.count(st)) throw InputError({}, fields::k_venues, st, "is not a duty station");
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

template <class T>
void mark(std::vector<T>& days, const Horizon& h, int first, int last, T v) {
  first = std::max(first, h.first);
  last = std::min(last, h.last);
  for (int d = first; d <= last; ++d) days[h.at(d)] = std::max(days[h.at(d)], v);
}

/// Open / closure / weekend / blocked for every day of the horizon at one station.
std::vector<unsigned char> station_days(const PlanStation& s, const Horizon& h) {
  std::vector<unsigned char> days(static_cast<std::size_t>(std::max(h.size(), 0)), k_open);
  for (int d = h.first; d <= h.last; ++d)
    if (is_weekend(from_day_number(d))) days[h.at(d)] = k_weekend;
  for (Date c : s.closures) {
    const int d = day_number(c);
    if (d >= h.first && d <= h.last && days[h.at(d)] == k_open) days[h.at(d)] = k_closure;
  }
  for (const auto& b : s.blocked)
    mark(days, h, day_number(b.first), day_number(b.last), static_cast<unsigned char>(k_blocked));
  return days;
}

/// last[d - h.first] = the last day of a session of `length` working days starting on d, or -1.
std::vector<int> session_ends(const std::vector<unsigned char>& days, const Horizon& h, int length,
                              bool stretch, bool any_weekday) {
  std::vector<int> out(days.size(), -1);
  const int closures_allowed = stretch ? k_max_stretch_closures : 0;
  for (int d = h.first; d <= h.last; ++d) {
    if (days[h.at(d)] != k_open) continue;
    if (!any_weekday && weekday_of(from_day_number(d)) != date::Monday) continue;
    int counted = 0, closures = 0, e = d;
    for (; e <= h.last; ++e) {
      const auto v = days[h.at(e)];
      if (v == k_blocked) break;
      if (v == k_weekend) continue;
      if (v == k_closure) {
        if (++closures > closures_allowed) break;
        continue;
      }
      if (++counted == length) break;
    }
    if (counted == length) out[h.at(d)] = e;
  }
  return out;
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

/// What every mandate's candidates are built from, computed once per problem.
struct Shared {
  Horizon h;
  std::map<std::string, int> station_index;
  std::vector<std::vector<unsigned char>> days;          // per station
  std::map<std::pair<int, int>, std::vector<int>> ends;  // (station, length) -> session_ends
};

Shared shared_of(const PlanProblem& p) {
  Shared sh;
  sh.h = horizon_of(p);
  for (std::size_t i = 0; i < p.stations.size(); ++i) {
    sh.station_index.emplace(p.stations[i].code, static_cast<int>(i));
    sh.days.push_back(station_days(p.stations[i], sh.h));
  }
  return sh;
}

const std::vector<int>& ends_of(Shared& sh, const PlanProblem& p, int station, int length) {
  auto it = sh.ends.find({station, length});
  if (it == sh.ends.end())
    it = sh.ends.emplace(std::pair{station, length},
                         session_ends(sh.days[static_cast<std::size_t>(station)], sh.h, length, p.allow_stretch,
                                      p.any_weekday_start))
             .first;
  return it->second;
}

/// The mandate's sharing partners, session order, stations (for balance) and spacing target.
PlanMandateInfo mandate_info(const PlanProblem& p, std::size_t mi, const Shared& sh, std::vector<int>& order) {
  const auto& m = p.mandates[mi];
  PlanMandateInfo info;
  info.shares.assign(p.mandates.size(), false);
  for (std::size_t j = 0; j < p.mandates.size(); ++j) {
    info.shares[j] = j != mi && mandates_share(m, p.mandates[j]);
    if (info.shares[j]) info.partners.push_back(static_cast<int>(j));
  }
  order.resize(m.sessions.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return m.sessions[static_cast<std::size_t>(a)].number < m.sessions[static_cast<std::size_t>(b)].number;
  });
  for (const auto& s : m.sessions)
    for (const auto& st : s.stations) {
      const int si = sh.station_index.at(st);
      if (std::find(info.stations.begin(), info.stations.end(), si) == info.stations.end()) info.stations.push_back(si);
    }
  info.fixed_counts.assign(info.stations.size(), 0);
  for (const auto& f : m.fixed)
    for (std::size_t k = 0; k < info.stations.size(); ++k)
      if (p.stations[static_cast<std::size_t>(info.stations[k])].code == f.station) ++info.fixed_counts[k];
  info.target_gap = spacing_target(m);
  return info;
}

/// Per station: a prefix count over the horizon of the days the mandate's busy spans forbid
/// there (a span at another station reaches one weekday further each side: the travel rule).
std::vector<std::vector<int>> busy_prefixes(const PlanProblem& p, const PlanMandate& m, const Horizon& h) {
  std::vector<std::vector<int>> out;
  for (const auto& st : p.stations) {
    std::vector<unsigned char> busy(static_cast<std::size_t>(std::max(h.size(), 0)), 0);
    for (const auto& b : m.busy) {
      Date first = b.first, last = b.last;
      if (!b.station.empty() && b.station != st.code) {
        // A session here may not end on or after the weekday before the span, nor start on or
        // before the weekday after it: those days stay free for travel.
        do first -= date::days{1};
        while (is_weekend(first));
        do last += date::days{1};
        while (is_weekend(last));
      }
      mark(busy, h, day_number(first), day_number(last), static_cast<unsigned char>(1));
    }
    auto& prefix = out.emplace_back(busy.size() + 1, 0);
    for (std::size_t i = 0; i < busy.size(); ++i) prefix[i + 1] = prefix[i] + busy[i];
  }
  return out;
}

/// The nearest fixed sessions before and after session `pos` (by number), unless a session to
/// place lies between (then the gap is checked during the search).
struct Neighbours {
  const FixedSession* prev = nullptr;
  const FixedSession* next = nullptr;
};

Neighbours neighbours(const PlanMandate& m, const std::vector<int>& order, std::size_t pos) {
  const auto number = [&](std::size_t i) { return m.sessions[static_cast<std::size_t>(order[i])].number; };
  const int own = number(pos);
  const int prev_number = pos > 0 ? number(pos - 1) : INT32_MIN;
  const int next_number = pos + 1 < order.size() ? number(pos + 1) : INT32_MAX;
  Neighbours n;
  for (const auto& f : m.fixed) {
    if (f.number < own && f.number > prev_number && (!n.prev || f.number > n.prev->number)) n.prev = &f;
    if (f.number > own && f.number < next_number && (!n.next || f.number < n.next->number)) n.next = &f;
  }
  return n;
}

/// The candidate's cost on its own: timing, avoid, published, experts, spacing to fixed neighbours.
std::int64_t candidate_cost(const PlanProblem& p, const PlanMandate& m, const PlanSession& s, const PlanStation& st,
                            int target_gap, const Neighbours& nb, int d, int e) {
  const int lo = day_number(m.from), hi = day_number(m.latest_end);
  std::int64_t cost = 0;
  if (m.timing == Timing::earliest) cost += std::int64_t{p.weights.timing} * (d - lo);
  if (m.timing == Timing::latest) cost += std::int64_t{p.weights.timing} * (hi - e);
  cost += std::int64_t{p.weights.avoid} * month_days(d, e, m.avoid_months);
  if (s.published_first) {
    const int moved = std::abs(d - day_number(*s.published_first)) +
                      (s.published_station.empty() || s.published_station == st.code ? 0 : 7);
    cost += std::int64_t{p.weights.published} * moved;
  }
  if (!m.soft_busy.empty())
    cost += std::int64_t{p.weights.experts} *
            expert_clash(m, from_day_number(d), from_day_number(e)).expert_days;
  if (nb.prev) cost += spacing_cost(p, d - day_number(nb.prev->first), target_gap);
  if (nb.next) cost += spacing_cost(p, day_number(nb.next->first) - d, target_gap);
  return cost;
}

/// Every way to hold session `pos` of mandate `mi`, by cost (then first day, station order),
/// except the banned ones.
PlanItem session_item(const PlanProblem& p, std::size_t mi, const PlanMandateInfo& info,
                      const std::vector<int>& order, std::size_t pos, Shared& sh,
                      const std::vector<std::vector<int>>& busy,
                      const std::vector<CandBan>& banned) {
  const auto& m = p.mandates[mi];
  const auto& s = m.sessions[static_cast<std::size_t>(order[pos])];
  const auto nb = neighbours(m, order, pos);
  PlanItem item;
  item.mandate = static_cast<int>(mi);
  item.session = order[pos];
  item.after_placed = pos > 0 && nb.prev == nullptr;
  const int lo = day_number(m.from), hi = day_number(m.latest_end);
  const auto& h = sh.h;
  for (const auto& code : s.stations) {
    const int st = sh.station_index.at(code);
    const auto& station = p.stations[static_cast<std::size_t>(st)];
    const auto& ends = ends_of(sh, p, st, s.length);
    const auto& prefix = busy[static_cast<std::size_t>(st)];
    for (int d = lo; d <= hi; ++d) {
      const int e = ends[h.at(d)];
      if (e < 0 || e > hi || prefix[h.at(e) + 1] != prefix[h.at(d)]) continue;
      if (nb.prev && !gap_ok(m, day_number(nb.prev->first), day_number(nb.prev->last), d, nb.prev->station == code))
        continue;
      if (nb.next && !gap_ok(m, d, e, day_number(nb.next->first), nb.next->station == code)) continue;
      if (std::binary_search(banned.begin(), banned.end(), CandBan{s.number, st, d})) continue;
      auto rooms = fitting_rooms(station, s, m.seats, d, e);
      if (!station.rooms.empty() && rooms.empty()) continue;
      item.cands.push_back({d, e, st, candidate_cost(p, m, s, station, info.target_gap, nb, d, e), std::move(rooms)});
    }
  }
  // Station preference order is the order of `s.stations`; stable sort keeps it for ties.
  std::stable_sort(item.cands.begin(), item.cands.end(), [](const PlanCand& a, const PlanCand& b) {
    return std::tie(a.cost, a.first) < std::tie(b.cost, b.first);
  });
  return item;
}

}  // namespace

std::vector<int> fitting_rooms(const PlanStation& st, const PlanSession& s, int seats, int d,
                               int e) {
  std::vector<int> order(st.rooms.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const auto& x = st.rooms[static_cast<std::size_t>(a)];
    const auto& y = st.rooms[static_cast<std::size_t>(b)];
    return std::tie(x.capacity, x.name) < std::tie(y.capacity, y.name);
  });
  std::vector<int> rooms;
  for (int r : order) {
    const auto& room = st.rooms[static_cast<std::size_t>(r)];
    const bool booked = std::any_of(
        room.booked.begin(), room.booked.end(),
        [&](const PlanBlock& b) { return day_number(b.first) <= e && d <= day_number(b.last); });
    if (room.capacity >= seats && !booked) rooms.push_back(r);
  }
  if (!s.published_room.empty() && s.published_station == st.code) {
    const auto kept = std::find_if(rooms.begin(), rooms.end(), [&](int r) {
      return st.rooms[static_cast<std::size_t>(r)].name == s.published_room;
    });
    if (kept != rooms.end()) std::rotate(rooms.begin(), kept, kept + 1);
  }
  return rooms;
}

bool mandates_share(const PlanMandate& a, const PlanMandate& b) {
  const auto names = [](const PlanMandate& x, const std::string& key) {
    return std::find(x.shares_experts_with.begin(), x.shares_experts_with.end(), key) != x.shares_experts_with.end();
  };
  return names(a, b.key) || names(b, a.key);
}

int spacing_target(const PlanMandate& m) {
  if (m.sessions.empty()) return 0;
  int first_number = INT32_MAX;
  for (const auto& s : m.sessions) first_number = std::min(first_number, s.number);
  int anchor = day_number(m.from);
  for (const auto& f : m.fixed)
    if (f.number < first_number) anchor = std::max(anchor, day_number(f.first));
  return (day_number(m.latest_end) - anchor) / static_cast<int>(m.sessions.size());
}

bool gap_ok(const PlanMandate& m, int pf, int pl, int nf, bool same_station) {
  if (nf <= pl) return false;
  // Its experts travel too (session_days.hpp): a weekday between at different stations.
  if (!same_station && nf - pl <= 3 && !weekday_between(from_day_number(pl), from_day_number(nf))) return false;
  if (nf - pf < m.min_gap_days) return false;
  if (m.max_gap_days && nf - pf > *m.max_gap_days) return false;
  return nf - pl >= m.min_end_gap_days;
}

std::int64_t balance_cost(const PlanProblem& p, const std::vector<int>& counts) {
  if (counts.size() < 2) return 0;
  const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
  return static_cast<std::int64_t>(p.weights.balance) * (*hi - *lo);
}

std::vector<std::int64_t> completion_costs(const PlanProblem& p, const CompiledPlan& c, int k,
                                           const std::vector<std::int64_t>* next_rest,
                                           const std::vector<std::int64_t>& next_bound,
                                           const std::function<bool(int, std::size_t)>& usable) {
  const auto& item = c.items[static_cast<std::size_t>(k)];
  const auto& m = p.mandates[static_cast<std::size_t>(item.mandate)];
  const auto& info = c.mandates[static_cast<std::size_t>(item.mandate)];
  std::vector<std::int64_t> rest(item.cands.size(), 0);
  if (k + 1 >= info.end_item) {
    for (std::size_t i = 0; i < item.cands.size(); ++i) rest[i] = usable(k, i) ? 0 : k_no_rest;
    return rest;
  }
  const auto& next = c.items[static_cast<std::size_t>(k + 1)];
  for (std::size_t i = 0; i < item.cands.size(); ++i) {
    std::int64_t best = k_no_rest;
    const auto& a = item.cands[i];
    if (usable(k, i))
      // The next session's candidates are sorted by cost + `next_bound` (a lower bound of
      // their completion), and spacing only adds: once that reaches the best found, stop.
      for (std::size_t j = 0; j < next.cands.size(); ++j) {
        const auto& b = next.cands[j];
        if (b.cost + next_bound[j] >= best) break;
        const auto after = (*next_rest)[j];
        if (after >= k_no_rest) continue;
        if (!next.after_placed) {  // a fixed session lies between: nothing links the two
          best = std::min(best, b.cost + after);
          continue;
        }
        if (!gap_ok(m, a.first, a.last, b.first, a.station == b.station)) continue;
        best = std::min(best, b.cost + spacing_cost(p, b.first - a.first, info.target_gap) + after);
      }
    rest[i] = best;
  }
  return rest;
}

namespace {

/// Backwards through each mandate's sessions: the cheapest completion of the mandate from every
/// candidate (gaps and window respected, other mandates ignored). A candidate with no completion
/// is dropped; candidates are then tried cheapest completion first.
void propagate_rest(const PlanProblem& p, CompiledPlan& c) {
  c.rest.assign(c.items.size(), {});
  const auto any = [](int, std::size_t) { return true; };
  for (const auto& info : c.mandates)
    for (int k = info.end_item - 1; k >= info.first_item; --k) {
      const auto* next = k + 1 < info.end_item ? &c.rest[static_cast<std::size_t>(k + 1)] : nullptr;
      const auto rest = completion_costs(p, c, k, next, next ? *next : std::vector<std::int64_t>{}, any);
      auto& item = c.items[static_cast<std::size_t>(k)];
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

}  // namespace

void validate_plan(const PlanProblem& p) {
  if (p.top < 1) throw InputError({}, fields::k_plans, std::to_string(p.top), "must be at least 1");
  std::map<std::string, int> stations;
  for (std::size_t i = 0; i < p.stations.size(); ++i)
    stations.emplace(p.stations[i].code, static_cast<int>(i));
  for (const auto& m : p.mandates) validate_mandate(m, stations);
}

namespace {

/// compile_plan's candidates phase (validated), with `banned` left out.
CompiledPlan candidates(const PlanProblem& p, const std::vector<CandBan>& banned) {
  validate_plan(p);
  Shared sh = shared_of(p);
  CompiledPlan c;
  c.mandates.resize(p.mandates.size());
  c.sorted_sessions.resize(p.mandates.size());
  for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
    auto& info = c.mandates[mi];
    info = mandate_info(p, mi, sh, c.sorted_sessions[mi]);
    const auto busy = busy_prefixes(p, p.mandates[mi], sh.h);
    info.first_item = static_cast<int>(c.items.size());
    for (std::size_t pos = 0; pos < c.sorted_sessions[mi].size(); ++pos)
      c.items.push_back(session_item(p, mi, info, c.sorted_sessions[mi], pos, sh, busy, banned));
    info.end_item = static_cast<int>(c.items.size());
  }
  c.free = std::make_shared<const RoomDays>(room_days(p));
  return c;
}

/// compile_plan's last phase: completion costs (candidates without one dropped) and `alone`.
void finish(const PlanProblem& p, CompiledPlan& c) {
  propagate_rest(p, c);
  for (auto& info : c.mandates) {
    info.alone = 0;
    if (info.first_item < info.end_item) {
      const auto& first = c.items[static_cast<std::size_t>(info.first_item)];
      info.alone = first.cands.empty() ? k_no_rest
                                       : first.cands.front().cost + c.rest[static_cast<std::size_t>(info.first_item)][0];
    }
  }
}

}  // namespace

RoomDays room_days(const PlanProblem& p) {
  const Horizon h = horizon_of(p);
  RoomDays out;
  out.first_day = h.first;
  for (const auto& st : p.stations) {
    auto& days = out.caps.emplace_back(static_cast<std::size_t>(std::max(h.size(), 0)));
    for (const auto& room : st.rooms) {
      std::vector<unsigned char> booked(days.size(), 0);
      for (const auto& b : room.booked)
        mark(booked, h, day_number(b.first), day_number(b.last), static_cast<unsigned char>(1));
      for (std::size_t i = 0; i < days.size(); ++i)
        if (!booked[i]) days[i].push_back(room.capacity);
    }
    for (auto& caps : days) std::sort(caps.begin(), caps.end(), std::greater<>());
  }
  return out;
}

CompiledPlan compile_plan(const PlanProblem& p, const std::vector<CandBan>& banned) {
  CompiledPlan c = candidates(p, banned);
  finish(p, c);
  return c;
}

CompiledPlan compile_candidates(const PlanProblem& p) { return candidates(p, {}); }

CompiledPlan restrict_compiled(const PlanProblem& p, const CompiledPlan& raw,
                               const std::function<bool(const PlanItem&, const PlanCand&)>& keep) {
  CompiledPlan c;
  c.mandates = raw.mandates;
  c.sorted_sessions = raw.sorted_sessions;
  c.free = raw.free;
  c.items.reserve(raw.items.size());
  for (const auto& item : raw.items) {
    auto& kept = c.items.emplace_back();
    kept.mandate = item.mandate;
    kept.session = item.session;
    kept.after_placed = item.after_placed;
    for (const auto& cand : item.cands)
      if (keep(item, cand)) kept.cands.push_back(cand);
  }
  finish(p, c);
  return c;
}

}  // namespace gge::detail
