// Joint planning (plan.hpp, "Search"): conflict-based search over the mandates' own exact plans,
// best first, and the K best plans by splitting the region of each plan found.
//
// A node constrains each mandate (days or starts it may not use, plans it may not repeat, or one
// plan it must keep) and holds each mandate's best plan under them (the single-mandate branch
// and bound, memoised); its cost, their sum, is a lower bound of every joint plan in its region.
// A node whose plans do not clash is that region's best joint plan. A clash is branched so that
// every valid joint plan stays in some child:
// - experts (the travel rule, session_days.hpp): sessions of two sharing mandates overlap on a
//   day t: one child forbids t to the first mandate, the other to the second. Or they lie at
//   stations S and S' with no weekday between the earlier one's last day l and the later one's
//   first day f: one child forbids day l at S to the first, the other day f at S' to the second
//   (an expert cannot be at S on day l and at S' on day f).
// - rooms, one day: on day t at station S the sessions there cannot each get a room that is
//   free that day and large enough (an exact test: the fitting rooms of a day are nested by
//   capacity). Every valid plan keeps one of those mandates away from S on day t: a child each.
// - rooms, over several days: each day passes but no assignment of whole sessions exists for a
//   group of overlapping sessions. Every valid plan moves one of them: a child each, forbidding
//   that session's start at S.
// Nodes are taken by cost plus what their clashes must add at least (push): each clash needs one
// of its mandates to obey a branch; for two sharing mandates, the least both must add to stop
// clashing with each other is found by the same search over the two alone (pair_delta), which
// accounts for a moved session that clashes again. Over clashes with no mandate in common these
// add up.
// Children overlap, so plans found twice are counted once. When a clash-free node is taken, its
// plan is the next best; the rest of its region is split (Lawler): child r keeps the plans of
// mandates before r and forbids mandate r its plan, so the regions stay disjoint and every
// other plan of the region is in one of them.
#include "plan_compiled.hpp"

#include "gge/rules/calendar/session_days.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <tuple>

namespace gge::detail {
namespace {

/// A mandate's plan: (number, first day, station) per session, by number.
using Key = std::vector<std::array<int, 3>>;

/// Day `day` forbidden at station `station` (-1: at every station).
struct DayBan {
  int station = -1, day = 0;
  friend auto operator<=>(const DayBan&, const DayBan&) = default;
};

/// What one mandate may do in a node.
struct Cons {
  std::vector<DayBan> days;     // sorted
  std::vector<CandBan> starts;  // sorted
  std::vector<Key> excluded;    // sorted: plans already taken in another region
  std::optional<Key> fixed;     // the one plan it must keep
  friend bool operator<(const Cons& a, const Cons& b) {
    return std::tie(a.days, a.starts, a.excluded, a.fixed) <
           std::tie(b.days, b.starts, b.excluded, b.fixed);
  }
};

struct Seat {
  int number = 0, first = 0, last = 0, station = 0;
  std::vector<int> rooms;  // fitting_rooms: free and large enough, in the order to try
};

/// A mandate's best plan under its constraints.
struct Sol {
  std::int64_t cost = 0;
  std::vector<PlacedSession> sessions;  // by number, rooms not given yet
  std::vector<Seat> seats;              // parallel to sessions
  Key key;
};

/// One way out of a clash: mandate `mandate` gets one more ban.
struct Branch {
  std::size_t mandate = 0;
  std::optional<DayBan> day;
  std::optional<CandBan> start;
};

struct Node {
  std::int64_t cost = 0;  // the sum of sols' costs
  std::int64_t more = 0;  // what its clashes must add at least (set when queued)
  std::vector<const Cons*> cons;
  std::vector<const Sol*> sols;
  std::vector<Branch> pick;  // the clash to branch on (set when queued)
  /// Every clash of `sols` (Joint::clashes_of), the first `experts` of them expert clashes.
  std::vector<std::vector<Branch>> clashes;
  std::size_t experts = 0;
};

struct Queued {
  std::int64_t cost = 0;
  int clashes = 0;
  std::uint64_t id = 0;
  bool operator>(const Queued& o) const {
    return std::tie(cost, clashes, id) > std::tie(o.cost, o.clashes, o.id);
  }
};

/// One mandate as a problem of its own (no partners), its candidates before any ban, and the
/// fitting rooms of each (number, first day, station).
struct Alone {
  PlanProblem one;
  CompiledPlan raw;
  std::map<std::array<int, 3>, std::vector<int>> rooms;
};

/// The nodes a pair's search (Joint::pair_delta) may take before it settles for a bound.
constexpr int k_pair_nodes = 32;

bool covers(const Seat& s, const DayBan& b) {
  return (b.station < 0 || b.station == s.station) && s.first <= b.day && b.day <= s.last;
}

class Joint {
 public:
  explicit Joint(const PlanProblem& p) : m_p(p), m_free(room_days(p)) {
    for (std::size_t i = 0; i < p.stations.size(); ++i)
      m_station.emplace(p.stations[i].code, static_cast<int>(i));
    for (std::size_t i = 0; i < p.mandates.size(); ++i)
      for (std::size_t j = i + 1; j < p.mandates.size(); ++j)
        if (mandates_share(p.mandates[i], p.mandates[j])) m_pairs.emplace_back(i, j);
    // Each mandate alone, compiled once: a re-solve under bans only leaves candidates out.
    for (const auto& m : p.mandates) {
      Alone& a = m_alone.emplace_back();
      a.one.stations = p.stations;
      a.one.weights = p.weights;
      a.one.allow_stretch = p.allow_stretch;
      a.one.any_weekday_start = p.any_weekday_start;
      a.one.max_nodes = p.max_nodes;
      a.one.mandates.push_back(m);
      a.one.mandates.back().shares_experts_with.clear();
      a.raw = compile_candidates(a.one);
      for (const auto& item : a.raw.items) {
        const int number = m.sessions[static_cast<std::size_t>(item.session)].number;
        for (const auto& cand : item.cands)
          a.rooms.emplace(std::array<int, 3>{number, cand.first, cand.station}, cand.rooms);
      }
    }
  }

  PlanResult run() {
    PlanResult out;
    Node root;
    const Cons* none = intern({});
    for (std::size_t i = 0; i < m_p.mandates.size(); ++i) {
      const Sol* s = solve_one(i, none);
      if (!s) {  // a mandate cannot be planned even alone
        out.nodes = m_nodes;
        out.optimal = m_proved;
        return out;
      }
      root.cons.push_back(none);
      root.sols.push_back(s);
      root.cost += s->cost;
    }
    root.clashes = clashes_of(root.sols, nullptr, &root.experts);
    push(std::move(root));
    std::set<std::vector<Key>> seen;
    while (!m_queue.empty() && static_cast<int>(out.plans.size()) < m_p.top) {
      if (m_nodes >= m_p.max_nodes) {
        m_stopped = true;
        break;
      }
      ++m_nodes;
      const Queued q = m_queue.top();
      m_queue.pop();
      Node node = std::move(m_nodes_by_id.at(q.id));
      m_nodes_by_id.erase(q.id);
      std::vector<int> rooms;
      if (!resolve(node, rooms)) continue;
      std::vector<Key> key;
      for (const Sol* s : node.sols) key.push_back(s->key);
      if (seen.insert(key).second) out.plans.push_back(to_plan(node, rooms));
      split(node);
    }
    out.nodes = m_nodes;
    out.optimal = m_proved && !m_stopped;
    // Plans come out best first, so the first is the best; with none, every plan left lies
    // in a queued region. Both hold only when every single-mandate search finished (a node's
    // costs are then least costs); one stopped by the budget leaves no bound here (0).
    if (!m_proved)
      out.bound = 0;
    else if (!out.plans.empty())
      out.bound = out.plans.front().score.total();
    else if (m_stopped && !m_queue.empty())
      out.bound = m_queue.top().cost;  // cost + more
    return out;
  }

 private:
  const Cons* intern(Cons c) { return &*m_cons.insert(std::move(c)).first; }

  /// Mandate `mi`'s best plan under `c` (nullptr: none), memoised.
  const Sol* solve_one(std::size_t mi, const Cons* c) {
    const auto memo_key = std::make_pair(mi, c);
    if (const auto it = m_memo.find(memo_key); it != m_memo.end())
      return it->second ? &*it->second : nullptr;
    auto& slot = m_memo[memo_key];
    if (c->fixed) {
      const Sol* s = m_by_key.at({mi, *c->fixed});
      if (allows(*c, *s)) slot = *s;
    } else {
      for (auto& s : solve_alone(mi, *c))
        if (!std::binary_search(c->excluded.begin(), c->excluded.end(), s.key)) {
          slot = std::move(s);
          break;
        }
    }
    if (!slot) return nullptr;
    m_by_key.emplace(std::make_pair(mi, slot->key), &*slot);
    return &*slot;
  }

  static bool allows(const Cons& c, const Sol& s) {
    for (const auto& seat : s.seats) {
      for (const auto& b : c.days)
        if (covers(seat, b)) return false;
      if (std::binary_search(c.starts.begin(), c.starts.end(),
                             CandBan{seat.number, seat.station, seat.first}))
        return false;
    }
    return !std::binary_search(c.excluded.begin(), c.excluded.end(), s.key);
  }

  /// The best plans of mandate `mi` alone under the bans of `c`, as many as it may exclude + 1.
  std::vector<Sol> solve_alone(std::size_t mi, const Cons& c) {
    Alone& a = m_alone[mi];
    const auto& m = a.one.mandates.front();
    a.one.top = static_cast<int>(c.excluded.size()) + 1;
    const auto keep = [&](const PlanItem& item, const PlanCand& cand) {
      const int number = m.sessions[static_cast<std::size_t>(item.session)].number;
      if (std::binary_search(c.starts.begin(), c.starts.end(),
                             CandBan{number, cand.station, cand.first}))
        return false;
      return std::none_of(c.days.begin(), c.days.end(), [&](const DayBan& b) {
        return (b.station < 0 || b.station == cand.station) && cand.first <= b.day &&
               b.day <= cand.last;
      });
    };
    const auto r = solve_compiled(a.one, restrict_compiled(a.one, a.raw, keep));
    m_nodes += r.nodes;
    m_proved = m_proved && r.optimal;
    std::vector<Sol> out;
    for (const auto& plan : r.plans) {
      Sol s;
      s.cost = plan.score.total();
      for (const auto& x : plan.sessions) {
        const int st = m_station.at(x.station);
        const int first = day_number(x.first);
        s.key.push_back({x.number, first, st});
        s.seats.push_back(
            {x.number, first, day_number(x.last), st, a.rooms.at({x.number, first, st})});
        s.sessions.push_back(x);
        s.sessions.back().room.clear();
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  /// Queues a node (its clashes known) with what its clashes must add: each clash needs one of its
  /// mandates to obey its branch, which costs that mandate at least the branch's delta (its plan
  /// under the branch, less its plan now); an expert clash needs at least what its two mandates
  /// must add to obey the travel rule between them (pair_delta); over clashes with no mandate in
  /// common, these least deltas add up (the mandates' costs are independent). A node where some
  /// clash has no child left, or whose two mandates cannot be planned together, holds no valid plan
  /// and is dropped.
  void push(Node n) {
    const auto& clashes = n.clashes;
    const std::size_t experts = n.experts;
    std::vector<std::pair<std::int64_t, std::size_t>> least;  // least delta, clash
    for (std::size_t c = 0; c < clashes.size(); ++c) {
      std::int64_t d = k_no_rest;
      for (const auto& b : clashes[c])
        if (const Sol* s = child_sol(n, b)) d = std::min(d, s->cost - n.sols[b.mandate]->cost);
      if (c < experts && d < k_no_rest) {
        const std::size_t i = clashes[c][0].mandate, j = clashes[c][1].mandate;
        d = std::max(d, pair_delta(i, n.cons[i], j, n.cons[j]));
      }
      if (d >= k_no_rest) return;
      least.emplace_back(d, c);
    }
    std::stable_sort(least.begin(), least.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<bool> used(n.sols.size(), false);
    n.more = 0;
    for (const auto& [d, c] : least) {
      if (d <= 0) break;
      const auto& branches = clashes[c];
      if (std::any_of(branches.begin(), branches.end(),
                      [&](const Branch& b) { return used[b.mandate]; }))
        continue;
      for (const auto& b : branches) used[b.mandate] = true;
      n.more += d;
    }
    if (!least.empty()) n.pick = clashes[least.front().second];
    const std::uint64_t id = m_next_id++;
    m_queue.push({n.cost + n.more, static_cast<int>(clashes.size()), id});
    m_nodes_by_id.emplace(id, std::move(n));
  }

  /// What sharing mandates i and j must add at least to their plans under `ci` and `cj` for
  /// their sessions to obey the travel rule between them (rooms and other mandates ignored: a
  /// lower bound of what any joint plan under those constraints adds): a conflict-based search
  /// over the two alone, best first, memoised. After k_pair_nodes nodes it stops with the
  /// least cost still open. k_no_rest: the two cannot be planned together.
  std::int64_t pair_delta(std::size_t i, const Cons* ci, std::size_t j, const Cons* cj) {
    const auto key = std::make_tuple(i, ci, j, cj);
    if (const auto it = m_pair.find(key); it != m_pair.end()) return it->second;
    struct Open {
      std::int64_t cost = 0;
      std::uint64_t order = 0;
      const Cons* a = nullptr;
      const Cons* b = nullptr;
      bool operator>(const Open& o) const {
        return std::tie(cost, order) > std::tie(o.cost, o.order);
      }
    };
    const std::int64_t base = solve_one(i, ci)->cost + solve_one(j, cj)->cost;
    std::priority_queue<Open, std::vector<Open>, std::greater<>> open;
    std::set<std::pair<const Cons*, const Cons*>> seen{{ci, cj}};
    std::uint64_t order = 0;
    open.push({base, order++, ci, cj});
    std::int64_t out = k_no_rest;
    for (int expanded = 0; !open.empty(); ++expanded) {
      const Open top = open.top();
      if (expanded == k_pair_nodes) {
        out = top.cost - base;
        break;
      }
      open.pop();
      ++m_nodes;
      const Sol* a = solve_one(i, top.a);
      const Sol* b = solve_one(j, top.b);
      std::optional<std::vector<Branch>> branches;
      for (const auto& x : a->seats) {
        for (const auto& y : b->seats)
          if (clash(x, y)) {
            branches = expert_branches(i, x, j, y);
            break;
          }
        if (branches) break;
      }
      if (!branches) {
        out = top.cost - base;
        break;
      }
      for (const auto& br : *branches) {
        auto next = std::make_pair(top.a, top.b);
        auto& changed = br.mandate == i ? next.first : next.second;
        changed = child_cons(changed, br);
        if (!seen.insert(next).second) continue;
        const Sol* na = solve_one(i, next.first);
        const Sol* nb = na ? solve_one(j, next.second) : nullptr;
        if (nb) open.push({na->cost + nb->cost, order++, next.first, next.second});
      }
    }
    return m_pair[key] = out;
  }

  /// The child of `node` where mandate b.mandate also obeys `b`, if it can still be planned.
  void branch(const Node& node, const Branch& b) {
    replace(node, b.mandate, child_cons(node.cons[b.mandate], b));
  }

  /// `c` with the ban of `b` added (memoised: the same clash comes back in many nodes).
  const Cons* child_cons(const Cons* c, const Branch& b) {
    const auto key = std::make_tuple(c, b.day ? b.day->station : -2, b.day ? b.day->day : 0,
                                     b.start ? b.start->number : 0, b.start ? b.start->station : 0,
                                     b.start ? b.start->first : 0);
    if (const auto it = m_child.find(key); it != m_child.end()) return it->second;
    Cons next = *c;
    if (b.day)
      next.days.insert(std::upper_bound(next.days.begin(), next.days.end(), *b.day), *b.day);
    if (b.start)
      next.starts.insert(std::upper_bound(next.starts.begin(), next.starts.end(), *b.start),
                         *b.start);
    return m_child[key] = intern(std::move(next));
  }

  void replace(const Node& node, std::size_t mi, const Cons* c) {
    const Sol* s = solve_one(mi, c);
    if (!s) return;
    Node child;
    child.cons = node.cons;
    child.cons[mi] = c;
    child.cost = node.cost + s->cost - node.sols[mi]->cost;
    child.sols = node.sols;
    child.sols[mi] = s;
    clashes_after(node, mi, child);
    push(std::move(child));
  }

  /// Lawler's split of a clash-free node's region without its plan.
  void split(const Node& node) {
    Node prefix = node;
    for (std::size_t r = 0; r < node.sols.size(); ++r) {
      if (!node.cons[r]->fixed) {
        Cons c = *node.cons[r];
        const auto& k = node.sols[r]->key;
        c.excluded.insert(std::upper_bound(c.excluded.begin(), c.excluded.end(), k), k);
        replace(prefix, r, intern(std::move(c)));
        Cons keep = *node.cons[r];
        keep.fixed = k;
        prefix.cons[r] = intern(std::move(keep));
      }
    }
  }

  // ------------------------------------------------------------ clashes

  bool clash(const Seat& a, const Seat& b) const {
    if (a.last + 4 < b.first || b.last + 4 < a.first) return false;  // a weekday lies between
    return !can_share_experts(from_day_number(a.first), from_day_number(a.last),
                              m_p.stations[static_cast<std::size_t>(a.station)].code,
                              from_day_number(b.first), from_day_number(b.last),
                              m_p.stations[static_cast<std::size_t>(b.station)].code);
  }

  /// The branches of the first expert clash between mandates i and j.
  std::vector<Branch> expert_branches(std::size_t i, const Seat& a, std::size_t j,
                                      const Seat& b) const {
    if (a.first <= b.last && b.first <= a.last) {
      const DayBan t{-1, std::max(a.first, b.first)};
      return {{i, t, {}}, {j, t, {}}};
    }
    if (a.last < b.first)
      return {{i, DayBan{a.station, a.last}, {}}, {j, DayBan{b.station, b.first}, {}}};
    return {{i, DayBan{a.station, a.first}, {}}, {j, DayBan{b.station, b.last}, {}}};
  }

  /// Every clash of `sols` as its branches: expert clashes (every pair of sessions; their count
  /// in `experts`), then the first room clash of each station. With `rooms` and no clash, every
  /// session's room (by mandate, then number; -1 at a station without rooms).
  std::vector<std::vector<Branch>> clashes_of(const std::vector<const Sol*>& sols,
                                              std::vector<int>* rooms,
                                              std::size_t* experts = nullptr) const {
    std::vector<std::vector<Branch>> out;
    for (const auto& [i, j] : m_pairs)
      for (const auto& a : sols[i]->seats)
        for (const auto& b : sols[j]->seats)
          if (clash(a, b)) out.push_back(expert_branches(i, a, j, b));
    if (experts) *experts = out.size();
    std::size_t count = 0;
    for (const Sol* s : sols) count += s->seats.size();
    std::vector<int> given(count, -1);
    for (std::size_t st = 0; st < m_p.stations.size(); ++st)
      if (auto b = room_branches(sols, static_cast<int>(st), given); !b.empty())
        out.push_back(std::move(b));
    if (rooms) *rooms = std::move(given);
    return out;
  }

  /// The child plan of mandate b.mandate when it also obeys `b` (nullptr: none).
  const Sol* child_sol(const Node& node, const Branch& b) {
    return solve_one(b.mandate, child_cons(node.cons[b.mandate], b));
  }

  /// Sets n.clashes and n.experts, n's plans being `parent`'s but for mandate `mi`'s: the
  /// same list as clashes_of gives, keeping the parent's clashes that do not involve mandate
  /// `mi` (expert clashes of other pairs, rooms at stations where its plan neither was nor is).
  void clashes_after(const Node& parent, std::size_t mi, Node& n) const {
    std::vector<std::vector<Branch>> mine;
    for (const auto& [i, j] : m_pairs)
      if (i == mi || j == mi)
        for (const auto& a : n.sols[i]->seats)
          for (const auto& b : n.sols[j]->seats)
            if (clash(a, b)) mine.push_back(expert_branches(i, a, j, b));
    const auto pair_of = [](const std::vector<Branch>& c) {
      return std::make_pair(c[0].mandate, c[1].mandate);
    };
    n.clashes.clear();
    auto next = mine.begin();
    for (std::size_t k = 0; k < parent.experts; ++k) {
      const auto& c = parent.clashes[k];
      if (c[0].mandate == mi || c[1].mandate == mi) continue;
      for (; next != mine.end() && pair_of(*next) < pair_of(c); ++next)
        n.clashes.push_back(std::move(*next));
      n.clashes.push_back(c);
    }
    for (; next != mine.end(); ++next) n.clashes.push_back(std::move(*next));
    n.experts = n.clashes.size();
    std::vector<bool> touched(m_p.stations.size(), false);
    for (const Sol* x : {parent.sols[mi], n.sols[mi]})
      for (const auto& seat : x->seats) touched[static_cast<std::size_t>(seat.station)] = true;
    auto kept = parent.clashes.begin() + static_cast<std::ptrdiff_t>(parent.experts);
    std::vector<int> unused;
    for (std::size_t st = 0; st < m_p.stations.size(); ++st) {
      // The parent's room clash at st, if any (they come by station).
      const auto station_of = [](const std::vector<Branch>& c) {
        return c.front().day ? c.front().day->station : c.front().start->station;
      };
      const bool had = kept != parent.clashes.end() && station_of(*kept) == static_cast<int>(st);
      if (touched[st]) {
        if (auto b = room_branches(n.sols, static_cast<int>(st), unused); !b.empty())
          n.clashes.push_back(std::move(b));
      } else if (had) {
        n.clashes.push_back(*kept);
      }
      if (had) ++kept;
    }
  }

  /// Works on a node taken from the queue: true when its plans do not clash (`rooms` filled).
  /// Else, when a child plan of the same cost clashes less, it replaces the node's own and the
  /// node is queued again (bypass: that plan obeys the node's constraints, so the node's region
  /// stays the same); otherwise the node is branched on the clash that costs most.
  bool resolve(Node& node, std::vector<int>& rooms) {
    if (node.clashes.empty()) {
      clashes_of(node.sols, &rooms);
      return true;
    }
    for (const auto& c : node.clashes)
      for (const auto& b : c) {
        const Sol* now = node.sols[b.mandate];
        const Sol* s = child_sol(node, b);
        if (!s || s == now || s->cost != now->cost) continue;
        Node trial;
        trial.cost = node.cost;
        trial.cons = node.cons;
        trial.sols = node.sols;
        trial.sols[b.mandate] = s;
        clashes_after(node, b.mandate, trial);
        if (trial.clashes.size() < node.clashes.size()) {
          push(std::move(trial));
          return false;
        }
      }
    for (const auto& b : node.pick) branch(node, b);
    return false;
  }

  struct AtStation {
    std::size_t mandate = 0;
    const Seat* seat = nullptr;
    std::size_t index = 0;  // in the plan's session order (by mandate, then number)
  };

  /// The rooms at station `st`: the branches of a clash, or nothing with `rooms` filled in.
  std::vector<Branch> room_branches(const std::vector<const Sol*>& sols, int st,
                                    std::vector<int>& rooms) const {
    const auto& station = m_p.stations[static_cast<std::size_t>(st)];
    if (station.rooms.empty()) return {};
    std::vector<AtStation> here;
    std::size_t index = 0;
    for (std::size_t mi = 0; mi < sols.size(); ++mi)
      for (const auto& seat : sols[mi]->seats) {
        if (seat.station == st) here.push_back({mi, &seat, index});
        ++index;
      }
    std::sort(here.begin(), here.end(), [](const AtStation& a, const AtStation& b) {
      return std::tie(a.seat->first, a.index) < std::tie(b.seat->first, b.index);
    });
    // Overlap-linked groups (sessions by first day). A session alone takes its first fitting
    // room; groups of several pass the one-day test on every day, first to last, then get rooms
    // by backtracking.
    std::vector<std::pair<std::size_t, std::size_t>> groups;  // [first, end) in `here`
    for (std::size_t g = 0; g < here.size();) {
      std::size_t end = g + 1;
      int reach = here[g].seat->last;
      while (end < here.size() && here[end].seat->first <= reach)
        reach = std::max(reach, here[end++].seat->last);
      if (end - g > 1 || here[g].seat->rooms.empty())
        groups.emplace_back(g, end);
      else if (here[g].index < rooms.size())
        rooms[here[g].index] = here[g].seat->rooms.front();
      g = end;
    }
    for (const auto& [g, end] : groups)
      if (auto day = day_branches(here, g, end, st); !day.empty()) return day;
    for (const auto& [g, end] : groups) {
      std::vector<int> given(end - g, -1);
      if (!assign(here, g, end, g, given)) {
        std::vector<Branch> out;
        for (std::size_t k = g; k < end; ++k)
          out.push_back(
              {here[k].mandate, {}, CandBan{here[k].seat->number, st, here[k].seat->first}});
        return out;
      }
      for (std::size_t k = g; k < end; ++k)
        if (here[k].index < rooms.size()) rooms[here[k].index] = given[k - g];
    }
    return {};
  }

  /// The one-day test over here[g, end) (an overlap-linked group): on each day some session
  /// there covers, the i-th largest demand needs the i-th largest room free that day.
  std::vector<Branch> day_branches(const std::vector<AtStation>& here, std::size_t g,
                                   std::size_t end, int st) const {
    std::vector<std::size_t> active;                  // in `here`, covering day t
    std::vector<std::pair<int, std::size_t>> demand;  // seats, mandate
    std::size_t next = g;                             // `here` is by first day
    int t = 0;
    while (next < end || !active.empty()) {
      if (active.empty()) t = here[next].seat->first;
      while (next < end && here[next].seat->first <= t) active.push_back(next++);
      if (active.size() >= 2) {
        demand.clear();
        for (std::size_t i : active)
          demand.emplace_back(m_p.mandates[here[i].mandate].seats, here[i].mandate);
        const auto& caps = m_free.at(st, t);
        std::sort(demand.begin(), demand.end(), std::greater<>());
        bool ok = demand.size() <= caps.size();
        for (std::size_t i = 0; ok && i < demand.size(); ++i) ok = caps[i] >= demand[i].first;
        if (!ok) {
          std::vector<Branch> out;
          for (const auto& d : demand) out.push_back({d.second, DayBan{st, t}, {}});
          std::sort(out.begin(), out.end(),
                    [](const Branch& a, const Branch& b) { return a.mandate < b.mandate; });
          return out;
        }
      }
      ++t;
      std::erase_if(active, [&](std::size_t i) { return here[i].seat->last < t; });
    }
    return {};
  }

  static bool assign(const std::vector<AtStation>& here, std::size_t g, std::size_t end,
                     std::size_t k, std::vector<int>& given) {
    if (k == end) return true;
    const Seat& me = *here[k].seat;
    for (int r : me.rooms) {
      bool free = true;
      for (std::size_t i = g; i < k && free; ++i)
        free = !(given[i - g] == r && here[i].seat->first <= me.last &&
                 me.first <= here[i].seat->last);
      if (!free) continue;
      given[k - g] = r;
      if (assign(here, g, end, k + 1, given)) return true;
    }
    given[k - g] = -1;
    return false;
  }

  Plan to_plan(const Node& node, const std::vector<int>& rooms) const {
    Plan plan;
    std::size_t index = 0;
    for (const Sol* s : node.sols)
      for (std::size_t k = 0; k < s->sessions.size(); ++k, ++index) {
        auto x = s->sessions[k];
        const auto& st = m_p.stations[static_cast<std::size_t>(s->seats[k].station)];
        if (rooms[index] >= 0) x.room = st.rooms[static_cast<std::size_t>(rooms[index])].name;
        plan.sessions.push_back(std::move(x));
      }
    plan.score = score_plan(m_p, plan);
    return plan;
  }

  const PlanProblem& m_p;
  std::map<std::string, int> m_station;
  std::vector<std::pair<std::size_t, std::size_t>> m_pairs;  // sharing mandates, i < j
  std::set<Cons> m_cons;
  std::map<std::tuple<const Cons*, int, int, int, int, int>, const Cons*> m_child;
  std::map<std::pair<std::size_t, const Cons*>, std::optional<Sol>> m_memo;
  std::map<std::pair<std::size_t, Key>, const Sol*> m_by_key;
  std::map<std::tuple<std::size_t, const Cons*, std::size_t, const Cons*>, std::int64_t> m_pair;
  std::priority_queue<Queued, std::vector<Queued>, std::greater<>> m_queue;
  RoomDays m_free;
  std::vector<Alone> m_alone;  // per mandate
  std::map<std::uint64_t, Node> m_nodes_by_id;
  std::uint64_t m_next_id = 0;
  std::uint64_t m_nodes = 0;
  bool m_proved = true;
  bool m_stopped = false;
};

}  // namespace

PlanResult solve_joint(const PlanProblem& p) { return Joint(p).run(); }

}  // namespace gge::detail
