// Joint planning of several mandates (best plan only) by conflict-based search. Each mandate is
// planned alone, exactly (plan_search.cpp); the joint plan is their union unless two of them
// clash, and then the search branches so that no valid joint plan is lost:
// - experts: two mandates sharing an expert meet on a common day t. Every valid plan keeps at
//   least one of them off day t: one child forbids day t to the first, the other to the second.
// - rooms: on day t at station S the sessions there cannot all get a room. Rooms that fit a
//   session are those with capacity >= its seats, so on one day the fitting sets are nested and
//   biggest-first, smallest-fitting-room is an exact matching test. When it fails, every valid
//   plan keeps at least one of those mandates away from S on day t: one child per mandate.
// Nodes are expanded cheapest first; a node's cost (the sum of its mandates' optima under their
// constraints, raised by what its dearest conflict must cost) bounds every plan below it, so the
// first clash-free node is an optimal joint plan. Rooms are given out biggest first per start
// day; if that fails although each day's matching succeeds, the caller falls back to the joint
// branch and bound.
#include "plan_compiled.hpp"

#include <algorithm>
#include <map>
#include <queue>

namespace gge::detail {
namespace {

constexpr std::uint64_t k_max_conflict_nodes = 200'000;

using Ban = std::pair<int, int>;  // (station index, or -1 for every station; day number)

struct Node {
  std::int64_t cost = 0;     // base + bump: a lower bound of every plan below this node
  std::int64_t base = 0;     // the sum of the mandates' optima under `banned`
  std::int64_t bump = -1;    // what its dearest expert conflict adds (-1: not computed yet)
  int conflicts = 0;         // clashing pairs: among equal costs, fewest first
  std::uint64_t id = 0;
  std::vector<std::vector<Ban>> banned;  // per mandate, sorted
  std::vector<Plan> plans;               // per mandate: its best plan under `banned`
};

struct Later {
  bool operator()(const Node& a, const Node& b) const {
    return std::tie(a.cost, a.conflicts, a.id) > std::tie(b.cost, b.conflicts, b.id);
  }
};

struct Clash {
  std::vector<std::size_t> mandates;
  Ban ban;
};

class Joint {
public:
  explicit Joint(const PlanProblem& p) : m_p(p) {
    for (std::size_t i = 0; i < p.mandates.size(); ++i) m_index[p.mandates[i].key] = i;
  }

  std::optional<Plan> solve_one(std::size_t mi, const std::vector<Ban>& banned) {
    const auto key = std::make_pair(mi, banned);
    if (const auto it = m_memo.find(key); it != m_memo.end()) return it->second;
    PlanProblem one;
    one.stations = m_p.stations;
    one.weights = m_p.weights;
    one.allow_stretch = m_p.allow_stretch;
    one.any_weekday_start = m_p.any_weekday_start;
    one.max_nodes = m_p.max_nodes;
    one.mandates = {m_p.mandates[mi]};
    auto& m = one.mandates.front();
    m.shares_experts_with.clear();
    for (const auto& [station, d] : banned) {
      const PlanBlock block{from_day_number(d), from_day_number(d), "joint planning"};
      if (station < 0) m.busy.push_back(block);
      else one.stations[static_cast<std::size_t>(station)].blocked.push_back(block);  // a private copy
    }
    const auto r = solve_compiled(one, compile_plan(one));
    nodes += r.nodes;
    optimal = optimal && r.optimal;
    std::optional<Plan> out;
    if (!r.plans.empty()) out = r.plans.front();
    m_memo.emplace(key, out);
    return out;
  }

  bool shares(std::size_t i, std::size_t j) const {
    const auto has = [](const PlanMandate& m, const std::string& k) {
      return std::find(m.shares_experts_with.begin(), m.shares_experts_with.end(), k) != m.shares_experts_with.end();
    };
    return has(m_p.mandates[i], m_p.mandates[j].key) || has(m_p.mandates[j], m_p.mandates[i].key);
  }

  /// Every pair of sharing mandates meeting on a common day (the first such day).
  std::vector<Clash> expert_clashes(const Node& n) const {
    std::vector<Clash> out;
    for (std::size_t i = 0; i < n.plans.size(); ++i)
      for (std::size_t j = i + 1; j < n.plans.size(); ++j) {
        if (!shares(i, j)) continue;
        for (const auto& a : n.plans[i].sessions)
          for (const auto& b : n.plans[j].sessions)
            if (a.first <= b.last && b.first <= a.last) out.push_back({{i, j}, {-1, day_number(std::max(a.first, b.first))}});
      }
    return out;
  }

  /// The cost of banning `ban` to mandate `who` of node `n` (k_no_rest: it cannot be planned).
  std::int64_t delta(const Node& n, std::size_t who, Ban ban) {
    const auto plan = solve_one(who, with(n.banned[who], ban));
    return plan ? plan->score.total() - n.plans[who].score.total() : k_no_rest;
  }

  static std::vector<Ban> with(std::vector<Ban> banned, Ban ban) {
    banned.insert(std::upper_bound(banned.begin(), banned.end(), ban), ban);
    return banned;
  }

  /// Gives out rooms over the union `all` (sessions by start day, biggest first, each the
  /// smallest fitting free room). Returns nothing on success; else the clash on the first day
  /// whose own matching fails, or an empty clash when only the multi-day assignment failed.
  std::optional<Clash> assign_rooms(Plan& all) const {
    std::vector<std::size_t> order(all.sessions.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const auto& x = all.sessions[a];
      const auto& y = all.sessions[b];
      return std::make_tuple(x.first, -seats(x)) < std::make_tuple(y.first, -seats(y));
    });
    std::vector<bool> done(all.sessions.size(), false);
    for (std::size_t i : order) {
      auto& s = all.sessions[i];
      const auto& st = station(s.station);
      s.room.clear();
      if (st.rooms.empty()) {
        done[i] = true;
        continue;
      }
      for (const auto* r : rooms_by_size(st)) {
        if (r->capacity < seats(s) || booked(*r, s.first, s.last)) continue;
        bool taken = false;
        for (std::size_t j = 0; j < all.sessions.size() && !taken; ++j) {
          const auto& q = all.sessions[j];
          taken = done[j] && q.station == s.station && q.room == r->name && q.first <= s.last && s.first <= q.last;
        }
        if (!taken) {
          s.room = r->name;
          break;
        }
      }
      if (s.room.empty()) return day_clash(all, s);
      done[i] = true;
    }
    return std::nullopt;
  }

  std::uint64_t nodes = 0;
  bool optimal = true;

private:
  int seats(const PlacedSession& s) const { return m_p.mandates[m_index.at(s.mandate)].seats; }
  const PlanStation& station(const std::string& code) const {
    return *std::find_if(m_p.stations.begin(), m_p.stations.end(), [&](const PlanStation& x) { return x.code == code; });
  }
  static bool booked(const PlanRoom& r, Date first, Date last) {
    return std::any_of(r.booked.begin(), r.booked.end(), [&](const PlanBlock& b) { return b.first <= last && first <= b.last; });
  }
  static std::vector<const PlanRoom*> rooms_by_size(const PlanStation& st) {
    std::vector<const PlanRoom*> rooms;
    for (const auto& r : st.rooms) rooms.push_back(&r);
    std::sort(rooms.begin(), rooms.end(), [](const PlanRoom* a, const PlanRoom* b) {
      return std::tie(a->capacity, a->name) < std::tie(b->capacity, b->name);
    });
    return rooms;
  }

  /// The exact one-day test on the failing session's first day.
  std::optional<Clash> day_clash(const Plan& all, const PlacedSession& failing) const {
    const Date t = failing.first;
    const auto& st = station(failing.station);
    std::vector<const PlacedSession*> there;
    for (const auto& q : all.sessions)
      if (q.station == failing.station && q.first <= t && t <= q.last) there.push_back(&q);
    std::stable_sort(there.begin(), there.end(), [&](const PlacedSession* a, const PlacedSession* b) { return seats(*a) > seats(*b); });
    std::vector<bool> used(st.rooms.size(), false);
    const auto rooms = rooms_by_size(st);
    bool fits = true;
    for (const auto* q : there) {
      bool got = false;
      for (std::size_t k = 0; k < rooms.size() && !got; ++k)
        if (!used[k] && rooms[k]->capacity >= seats(*q) && !booked(*rooms[k], t, t)) used[k] = got = true;
      fits = fits && got;
    }
    Clash c;
    if (fits) return c;  // only the multi-day assignment failed: not a sound branching
    const int s = static_cast<int>(&st - m_p.stations.data());
    c.ban = {s, day_number(t)};
    for (const auto* q : there) c.mandates.push_back(m_index.at(q->mandate));
    std::sort(c.mandates.begin(), c.mandates.end());
    c.mandates.erase(std::unique(c.mandates.begin(), c.mandates.end()), c.mandates.end());
    return c;
  }

  const PlanProblem& m_p;
  std::map<std::string, std::size_t> m_index;
  std::map<std::pair<std::size_t, std::vector<Ban>>, std::optional<Plan>> m_memo;
};

int count_conflicts(const Joint& joint, const Node& n) { return static_cast<int>(joint.expert_clashes(n).size()); }

}  // namespace

std::optional<PlanResult> solve_joint(const PlanProblem& p) {
  Joint joint(p);
  PlanResult none;
  Node root;
  root.banned.assign(p.mandates.size(), {});
  for (std::size_t mi = 0; mi < p.mandates.size(); ++mi) {
    auto plan = joint.solve_one(mi, {});
    if (!plan) {  // a mandate that cannot be planned alone cannot be planned jointly
      none.nodes = joint.nodes;
      none.optimal = joint.optimal;
      return none;
    }
    root.base += plan->score.total();
    root.plans.push_back(std::move(*plan));
  }
  root.cost = root.base;
  std::priority_queue<Node, std::vector<Node>, Later> open;
  std::uint64_t next_id = 1, expanded = 0;
  const auto expand = [&](const Node& n, const Clash& clash) {
    for (const std::size_t who : clash.mandates) {
      Node child;
      child.banned = n.banned;
      child.banned[who] = Joint::with(n.banned[who], clash.ban);
      auto plan = joint.solve_one(who, child.banned[who]);
      if (!plan) continue;
      child.plans = n.plans;
      child.base = n.base - n.plans[who].score.total() + plan->score.total();
      child.cost = std::max(child.base, n.cost);  // never below the parent's bound
      child.plans[who] = std::move(*plan);
      child.id = next_id++;
      child.conflicts = count_conflicts(joint, child);
      open.push(std::move(child));
    }
  };
  open.push(std::move(root));
  while (!open.empty()) {
    if (++expanded > k_max_conflict_nodes || joint.nodes > p.max_nodes) return std::nullopt;
    Node n = open.top();
    open.pop();
    const auto clashes = joint.expert_clashes(n);
    if (!clashes.empty()) {
      // Branch on the clash whose cheaper side costs most: every plan below pays at least that,
      // so the node's bound rises (and it waits its turn again) before it is split.
      std::size_t pick = 0;
      std::int64_t best = -1;
      for (std::size_t c = 0; c < clashes.size(); ++c) {
        const auto side = std::min(joint.delta(n, clashes[c].mandates[0], clashes[c].ban),
                                   joint.delta(n, clashes[c].mandates[1], clashes[c].ban));
        if (side > best) {
          best = side;
          pick = c;
        }
      }
      if (best >= k_no_rest) continue;  // neither side can give way: no plan below
      if (n.bump < best) {
        n.bump = best;
        n.cost = std::max(n.cost, n.base + best);
        open.push(std::move(n));
        continue;
      }
      expand(n, clashes[pick]);
      continue;
    }
    Plan all;
    for (const auto& plan : n.plans)
      for (const auto& s : plan.sessions) all.sessions.push_back(s);
    if (const auto clash = joint.assign_rooms(all)) {
      if (clash->mandates.empty()) return std::nullopt;
      expand(n, *clash);
      continue;
    }
    if (!plan_violation(p, all).empty()) return std::nullopt;
    all.score = score_plan(p, all);
    PlanResult r;
    r.nodes = joint.nodes + expanded;
    r.optimal = joint.optimal;
    r.plans.push_back(std::move(all));
    return r;
  }
  none.nodes = joint.nodes + expanded;  // every branch ran out: no joint plan
  none.optimal = joint.optimal;
  return none;
}

}  // namespace gge::detail
