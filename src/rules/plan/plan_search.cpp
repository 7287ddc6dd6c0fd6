// The branch and bound (plan.hpp, "Search"): the exact search of one mandate, and the search for
// plans to offer when the conflict-based search of several stops at its budget. Depth first over
// the compiled candidates for any `top`, one session at a time (mandates in problem order,
// sessions by number). Gaps to the previous session of the mandate are checked as it goes; the
// travel rule and an exact room assignment against the sessions already placed; the bound is
// refreshed each time the search enters a mandate (enter_mandate).
#include "plan_compiled.hpp"

#include "gge/rules/calendar/session_days.hpp"

#include <algorithm>
#include <utility>

namespace gge {
namespace detail {
namespace {

constexpr int k_no_room = -1;  // the station has no rooms listed: no room to give

struct Placed {
  int first = 0, last = 0, station = 0, room = k_no_room;
  const PlanCand* cand = nullptr;
};

struct Kept {
  std::int64_t cost = 0;
  std::vector<Placed> placed;
};

bool overlap(const Placed& a, const Placed& b) { return a.first <= b.last && b.first <= a.last; }

/// Rooms at the stations, given out exactly: a new session takes a room no overlapping session
/// holds, else the sessions it overlaps (transitively) are re-assigned by backtracking.
class RoomBook {
public:
  RoomBook(const PlanProblem& p, std::vector<Placed>& placed) : m_p(p), m_placed(placed), m_at(p.stations.size()) {}

  /// Seats item k (already in `placed`), recording re-assigned rooms in `undo`; false (and
  /// nothing changed) when no assignment of the rooms exists.
  bool seat(std::size_t k, std::vector<std::pair<std::size_t, int>>& undo) {
    auto& me = m_placed[k];
    if (m_p.stations[static_cast<std::size_t>(me.station)].rooms.empty()) {
      me.room = k_no_room;
      return true;
    }
    auto& here = m_at[static_cast<std::size_t>(me.station)];
    for (int r : me.cand->rooms)
      if (free_for(here, r, me, here.size())) {
        me.room = r;
        here.push_back(k);
        return true;
      }
    auto group = overlapping(here, k);
    for (std::size_t i : group) undo.emplace_back(i, m_placed[i].room);
    if (!assign(group, 0)) {
      for (const auto& [i, room] : undo) m_placed[i].room = room;
      undo.clear();
      return false;
    }
    here.push_back(k);
    return true;
  }

  /// The items seated at `station` so far.
  [[nodiscard]] const std::vector<std::size_t>& at(int station) const { return m_at[static_cast<std::size_t>(station)]; }

  void unseat(std::size_t k, const std::vector<std::pair<std::size_t, int>>& undo) {
    for (const auto& [i, room] : undo) m_placed[i].room = room;
    auto& me = m_placed[k];
    if (!m_p.stations[static_cast<std::size_t>(me.station)].rooms.empty()) m_at[static_cast<std::size_t>(me.station)].pop_back();
  }

private:
  // Whether room r is free over `me`'s days among the first `n` sessions of `list`.
  bool free_for(const std::vector<std::size_t>& list, int r, const Placed& me, std::size_t n) const {
    for (std::size_t i = 0; i < n; ++i) {
      const auto& q = m_placed[list[i]];
      if (q.room == r && overlap(q, me)) return false;
    }
    return true;
  }

  // Item k and the sessions at its station linked to it by overlapping days, by first day.
  std::vector<std::size_t> overlapping(const std::vector<std::size_t>& here, std::size_t k) const {
    std::vector<std::size_t> group{k};
    std::vector<bool> in(here.size(), false);
    for (std::size_t g = 0; g < group.size(); ++g)
      for (std::size_t i = 0; i < here.size(); ++i)
        if (!in[i] && overlap(m_placed[here[i]], m_placed[group[g]])) {
          in[i] = true;
          group.push_back(here[i]);
        }
    std::sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(m_placed[a].first, a) < std::tie(m_placed[b].first, b);
    });
    return group;
  }

  bool assign(const std::vector<std::size_t>& group, std::size_t g) {
    if (g == group.size()) return true;
    auto& me = m_placed[group[g]];
    for (int r : me.cand->rooms) {
      bool free = true;
      for (std::size_t i = 0; i < g && free; ++i) {
        const auto& q = m_placed[group[i]];
        free = !(q.room == r && overlap(q, me));
      }
      if (!free) continue;
      me.room = r;
      if (assign(group, g + 1)) return true;
    }
    return false;
  }

  const PlanProblem& m_p;
  std::vector<Placed>& m_placed;
  std::vector<std::vector<std::size_t>> m_at;  // per station: the items seated there
};

class Search {
public:
  Search(const PlanProblem& p, const CompiledPlan& c)
      : m_p(p), m_c(c), m_placed(c.items.size()), m_rooms(p, m_placed), m_rest(c.items.size()),
        m_prefix_least(c.mandates.size(), 0) {
    for (std::size_t j = 0; j < c.mandates.size(); ++j) {
      m_least.push_back(least_cost(j, 0, false));
      m_later_sum = std::min(k_no_rest, m_later_sum + m_least.back().cost);
    }
  }

  void run() {
    if (m_later_sum < k_no_rest) visit(0, 0);
  }
  [[nodiscard]] bool complete() const { return !m_out_of_budget; }
  [[nodiscard]] std::uint64_t nodes() const { return m_nodes; }
  [[nodiscard]] const std::vector<Kept>& kept() const { return m_kept; }
  /// No plan scores below this (the best kept when the search completed).
  [[nodiscard]] std::int64_t bound() const {
    const std::int64_t best = m_kept.empty() ? k_no_rest : m_kept.front().cost;
    return m_out_of_budget ? std::min(best, m_stop_bound) : best;
  }

private:
  const PlanMandateInfo& info_of(std::size_t k) const {
    return m_c.mandates[static_cast<std::size_t>(m_c.items[k].mandate)];
  }

  // The travel rule (session_days.hpp) between a placed session and a candidate.
  bool travel_ok(const Placed& q, const PlanCand& cand) const {
    if (q.last + 4 < cand.first || cand.last + 4 < q.first) return true;  // a weekday lies between
    return can_share_experts(from_day_number(q.first), from_day_number(q.last),
                             m_p.stations[static_cast<std::size_t>(q.station)].code, from_day_number(cand.first),
                             from_day_number(cand.last), m_p.stations[static_cast<std::size_t>(cand.station)].code);
  }

  // The travel rule against every placed session of a sharing mandate among the first `n` items.
  bool experts_free(int mandate, const PlanCand& cand, std::size_t n) const {
    for (int other : m_c.mandates[static_cast<std::size_t>(mandate)].partners) {
      const auto& info = m_c.mandates[static_cast<std::size_t>(other)];
      for (auto j = static_cast<std::size_t>(info.first_item); j < n && j < static_cast<std::size_t>(info.end_item); ++j)
        if (!travel_ok(m_placed[j], cand)) return false;
    }
    return true;
  }

  // The one-day room test (a bound, not the assignment): on day `day` at the candidate's
  // station, can the sessions seated there and one more of `seats` each get a free room? Rooms
  // that fit are those of enough capacity, so the test is exact for the day: the i-th largest
  // demand needs the i-th largest free room.
  bool room_day_ok(const PlanCand& cand, int seats, int day) const {
    if (m_p.stations[static_cast<std::size_t>(cand.station)].rooms.empty()) return true;
    const auto& caps = m_c.free->at(cand.station, day);
    std::vector<int>& demand = m_demand;
    demand.assign(1, seats);
    for (std::size_t i : m_rooms.at(cand.station)) {
      const auto& q = m_placed[i];
      if (q.first <= day && day <= q.last) demand.push_back(seats_of(i));
    }
    if (demand.size() > caps.size()) return false;
    std::sort(demand.begin(), demand.end(), std::greater<>());
    for (std::size_t i = 0; i < demand.size(); ++i)
      if (caps[i] < demand[i]) return false;
    return true;
  }

  int seats_of(std::size_t k) const { return m_p.mandates[static_cast<std::size_t>(m_c.items[k].mandate)].seats; }

  // Whether mandate j may still use `cand` beside the first `n` placed items, as far as the
  // bound looks: the travel rule, and rooms on its first and last day.
  bool usable(std::size_t j, const PlanCand& cand, std::size_t n) const {
    const int seats = m_p.mandates[j].seats;
    return experts_free(static_cast<int>(j), cand, n) && room_day_ok(cand, seats, cand.first) &&
           room_day_ok(cand, seats, cand.last);
  }

  // Mandate j's least cost given the first `n` placed items (rooms relaxed), and the path that
  // reaches it (one candidate index per item; empty when there is none). With `rest_out`, each
  // item's completion costs too.
  struct Least {
    std::int64_t cost = k_no_rest;
    std::vector<std::size_t> path;
  };

  Least least_cost(std::size_t j, std::size_t n, bool keep_rest) {
    const auto& info = m_c.mandates[j];
    Least out;
    if (info.first_item == info.end_item) return {0, {}};
    const auto can_use = [&](int k, std::size_t i) {
      return usable(j, m_c.items[static_cast<std::size_t>(k)].cands[i], n);
    };
    auto& rests = m_scratch;
    rests.assign(static_cast<std::size_t>(info.end_item - info.first_item), {});
    for (int k = info.end_item - 1; k >= info.first_item; --k) {
      const auto at = static_cast<std::size_t>(k - info.first_item);
      const bool last = k + 1 == info.end_item;
      rests[at] = completion_costs(m_p, m_c, k, last ? nullptr : &rests[at + 1],
                                   last ? rests[at] : m_c.rest[static_cast<std::size_t>(k + 1)], can_use);
    }
    // The path: the cheapest first candidate, then at each step a next one that keeps the cost.
    const auto& first = m_c.items[static_cast<std::size_t>(info.first_item)].cands;
    const auto& bound = m_c.rest[static_cast<std::size_t>(info.first_item)];
    std::size_t pick = 0;
    for (std::size_t i = 0; i < first.size() && first[i].cost + bound[i] < out.cost; ++i)
      if (rests[0][i] < k_no_rest && first[i].cost + rests[0][i] < out.cost) {
        out.cost = first[i].cost + rests[0][i];
        pick = i;
      }
    if (out.cost >= k_no_rest) return out;
    out.path.push_back(pick);
    const auto& m = m_p.mandates[j];
    for (int k = info.first_item + 1; k < info.end_item; ++k) {
      const auto at = static_cast<std::size_t>(k - info.first_item);
      const auto& prev = m_c.items[static_cast<std::size_t>(k - 1)].cands[out.path.back()];
      const auto& item = m_c.items[static_cast<std::size_t>(k)];
      const std::int64_t want = rests[at - 1][out.path.back()];
      for (std::size_t i = 0; i < item.cands.size(); ++i) {
        if (rests[at][i] >= k_no_rest) continue;
        const auto& b = item.cands[i];
        std::int64_t v = b.cost + rests[at][i];
        if (item.after_placed) {
          if (!gap_ok(m, prev.first, prev.last, b.first, prev.station == b.station)) continue;
          v += spacing_cost(m_p, b.first - prev.first, info.target_gap);
        }
        if (v == want) {
          out.path.push_back(i);
          break;
        }
      }
    }
    if (keep_rest)
      for (int k = info.first_item; k < info.end_item; ++k)
        m_rest[static_cast<std::size_t>(k)] = std::move(rests[static_cast<std::size_t>(k - info.first_item)]);
    return out;
  }

  // Whether placed item k (the path was usable beside the items before it) makes a session of
  // mandate j's path unusable: the travel rule, or rooms at its station on a day they share.
  bool breaks(std::size_t j, const Least& least, std::size_t k) const {
    const auto& info = m_c.mandates[j];
    const auto& q = m_placed[k];
    const bool shares = info.shares[static_cast<std::size_t>(m_c.items[k].mandate)];
    const int seats = m_p.mandates[j].seats;
    for (std::size_t a = 0; a < least.path.size(); ++a) {
      const auto& cand = m_c.items[static_cast<std::size_t>(info.first_item) + a].cands[least.path[a]];
      if (shares && !travel_ok(q, cand)) return true;
      if (cand.station == q.station && cand.first <= q.last && q.first <= cand.last &&
          (!room_day_ok(cand, seats, cand.first) || !room_day_ok(cand, seats, cand.last)))
        return true;
    }
    return false;
  }

  // Entering mandate `mi` (every earlier mandate placed): the completion costs of its
  // candidates given the placed sessions. False when it can no longer be planned.
  bool enter_mandate(int mi) {
    const auto& info = m_c.mandates[static_cast<std::size_t>(mi)];
    if (mi == 0) {
      for (int k = info.first_item; k < info.end_item; ++k)
        m_rest[static_cast<std::size_t>(k)] = m_c.rest[static_cast<std::size_t>(k)];
      return info.alone < k_no_rest;
    }
    return least_cost(static_cast<std::size_t>(mi), static_cast<std::size_t>(info.first_item), true).cost < k_no_rest;
  }

  // After placing item k: every later mandate whose cheapest path it breaks (travel, rooms)
  // gets its least cost again. The old values go to `undo`.
  bool update_later(std::size_t k, std::vector<std::pair<std::size_t, Least>>& undo) {
    const int mi = m_c.items[k].mandate;
    for (std::size_t j = static_cast<std::size_t>(mi) + 1; j < m_c.mandates.size(); ++j) {
      if (!breaks(j, m_least[j], k)) continue;
      auto least = least_cost(j, k + 1, false);
      m_later_sum += least.cost - m_least[j].cost;
      undo.emplace_back(j, std::exchange(m_least[j], std::move(least)));
      if (m_least[j].cost >= k_no_rest) return false;
    }
    return true;
  }

  void restore_later(std::vector<std::pair<std::size_t, Least>>& undo) {
    for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
      m_later_sum += it->second.cost - m_least[it->first].cost;
      m_least[it->first] = std::move(it->second);
    }
    undo.clear();
  }

  // The least costs of mandates after `mi` (their sum is m_later_sum minus those up to mi).
  std::int64_t later_than(int mi) const { return m_later_sum - m_prefix_least[static_cast<std::size_t>(mi)]; }

  [[nodiscard]] std::int64_t worst_kept() const { return m_kept.back().cost; }
  [[nodiscard]] bool full() const { return static_cast<int>(m_kept.size()) >= m_p.top; }
  [[nodiscard]] bool pruned(std::int64_t bound) const { return full() && bound >= worst_kept(); }

  void keep(std::int64_t cost) {
    auto at = std::upper_bound(m_kept.begin(), m_kept.end(), cost,
                               [](std::int64_t v, const Kept& x) { return v < x.cost; });
    m_kept.insert(at, Kept{cost, m_placed});
    if (static_cast<int>(m_kept.size()) > m_p.top) m_kept.pop_back();
  }

  void visit(std::size_t k, std::int64_t cost) {
    if (++m_nodes > m_p.max_nodes) {
      m_out_of_budget = true;
      return;
    }
    if (k == m_c.items.size()) {
      keep(cost);
      return;
    }
    const auto& item = m_c.items[k];
    const auto& m = m_p.mandates[static_cast<std::size_t>(item.mandate)];
    const auto& info = info_of(k);
    if (static_cast<int>(k) == info.first_item) {
      if (!enter_mandate(item.mandate)) return;
      // From here on, mandates up to this one are no longer "later".
      m_prefix_least[static_cast<std::size_t>(item.mandate)] =
          (item.mandate > 0 ? m_prefix_least[static_cast<std::size_t>(item.mandate) - 1] : 0) +
          m_least[static_cast<std::size_t>(item.mandate)].cost;
    }
    const bool closes_mandate = static_cast<int>(k) + 1 == info.end_item;
    const auto& rest = m_rest[k];
    const auto& sorted_by = m_c.rest[k];  // the candidates are sorted by cost + this
    std::vector<std::pair<std::size_t, int>> undo;
    std::vector<std::pair<std::size_t, Least>> undo_later;
    for (std::size_t ci = 0; ci < item.cands.size(); ++ci) {
      const auto& cand = item.cands[ci];
      const std::int64_t later = later_than(item.mandate);
      if (pruned(cost + cand.cost + sorted_by[ci] + later)) break;  // so is every later one
      if (rest[ci] >= k_no_rest) continue;
      std::int64_t c = cost + cand.cost;
      if (item.after_placed) {
        const auto& prev = m_placed[k - 1];
        if (!gap_ok(m, prev.first, prev.last, cand.first, prev.station == cand.station)) continue;
        c += spacing_cost(m_p, cand.first - prev.first, info.target_gap);
      }
      if (pruned(c + rest[ci] + later) || !experts_free(item.mandate, cand, k)) continue;
      m_placed[k] = {cand.first, cand.last, cand.station, k_no_room, &cand};
      undo.clear();
      if (!m_rooms.seat(k, undo)) continue;
      if (closes_mandate) c += balance_of(item.mandate, k);
      if (update_later(k, undo_later) && !pruned(c + rest[ci] + later_than(item.mandate))) visit(k + 1, c);
      restore_later(undo_later);
      m_rooms.unseat(k, undo);
      if (m_out_of_budget) {
        // Unexplored below: this candidate's subtree and every later one, none cheaper than this.
        m_stop_bound = std::min(m_stop_bound, cost + cand.cost + sorted_by[ci] + later);
        return;
      }
    }
  }

  std::int64_t balance_of(int mandate, std::size_t k) const {
    const auto& info = m_c.mandates[static_cast<std::size_t>(mandate)];
    if (info.stations.size() < 2) return 0;
    auto counts = info.fixed_counts;
    for (int j = info.first_item; j <= static_cast<int>(k); ++j)
      for (std::size_t s = 0; s < info.stations.size(); ++s)
        if (info.stations[s] == m_placed[static_cast<std::size_t>(j)].station) ++counts[s];
    return balance_cost(m_p, counts);
  }

  const PlanProblem& m_p;
  const CompiledPlan& m_c;
  std::vector<Placed> m_placed;
  RoomBook m_rooms;
  std::vector<std::vector<std::int64_t>> m_rest;  // per item: completion given earlier mandates
  std::vector<Least> m_least;                     // per mandate: least cost given the placed items
  std::int64_t m_later_sum = 0;                   // the sum of m_least's costs
  std::vector<std::int64_t> m_prefix_least;       // per mandate m: m_least of 0..m when m was entered
  std::vector<std::vector<std::int64_t>> m_scratch;
  mutable std::vector<int> m_demand;
  std::vector<Kept> m_kept;
  std::uint64_t m_nodes = 0;
  bool m_out_of_budget = false;
  std::int64_t m_stop_bound = k_no_rest;
};

Plan to_plan(const PlanProblem& p, const CompiledPlan& c, const std::vector<Placed>& placed) {
  Plan plan;
  for (std::size_t k = 0; k < c.items.size(); ++k) {
    const auto& item = c.items[k];
    const auto& m = p.mandates[static_cast<std::size_t>(item.mandate)];
    const auto& st = p.stations[static_cast<std::size_t>(placed[k].station)];
    plan.sessions.push_back({m.key, m.body, m.sessions[static_cast<std::size_t>(item.session)].number,
                             from_day_number(placed[k].first), from_day_number(placed[k].last), st.code,
                             placed[k].room >= 0 ? st.rooms[static_cast<std::size_t>(placed[k].room)].name
                                                 : std::string{}});
  }
  plan.score = score_plan(p, plan);
  return plan;
}

}  // namespace

PlanResult solve_compiled(const PlanProblem& p, const CompiledPlan& c) {
  PlanResult result;
  for (const auto& item : c.items)
    if (item.cands.empty()) return result;  // a session has nowhere to go: no search needed
  Search search(p, c);
  search.run();
  result.nodes = search.nodes();
  result.optimal = search.complete();
  for (const auto& k : search.kept()) result.plans.push_back(to_plan(p, c, k.placed));
  const auto bound = search.bound();
  result.bound = bound < k_no_rest ? bound : 0;
  return result;
}

}  // namespace detail

}  // namespace gge
