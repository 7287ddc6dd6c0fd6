// Why no plan exists: the smallest set of constraint groups that cannot hold together (a
// deletion filter: relax each group in turn and keep it relaxed when the problem stays
// infeasible), and the single relaxations that make the problem feasible, each found by solving
// the relaxed problem.
#include "plan_compiled.hpp"
#include "gge/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <functional>
#include <set>

namespace gge {
namespace {

constexpr std::uint64_t k_explain_budget = 2'000'000;

std::string weeks_text(int days) {
  if (days % 7 == 0) return fmt::format("{} week{}", days / 7, days == 7 ? "" : "s");
  return fmt::format("{} days", days);
}

/// Feasibility only: no preferences, the first plan found ends the search.
bool feasible(PlanProblem p) {
  p.weights = {0, 0, 0, 0, 0};
  p.top = 1;
  p.max_nodes = k_explain_budget;
  return !solve_plan(p).plans.empty();
}

struct Group {
  std::string text;
  std::function<void(PlanProblem&)> relax;
};

std::string spans_text(const std::vector<PlanBlock>& spans, Date from, Date to) {
  std::vector<std::string> parts;
  for (const auto& b : spans)
    if (b.first <= to && from <= b.last)
      parts.push_back(b.first == b.last ? fmt::format("{} {}", b.reason, to_iso(b.first))
                                        : fmt::format("{} {}..{}", b.reason, to_iso(b.first), to_iso(b.last)));
  if (parts.size() > 4) {
    const auto more = parts.size() - 4;
    parts.resize(4);
    parts.push_back(fmt::format("{} more", more));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::vector<Group> groups_of(const PlanProblem& p) {
  const auto& m = p.mandates.front();
  std::vector<Group> g;
  g.push_back({fmt::format("end by {} (the latest end day of the deadline chain)", to_iso(m.latest_end)),
               [](PlanProblem& q) { q.mandates[0].latest_end += date::days{730}; }});
  g.push_back({fmt::format("start on or after {}", to_iso(m.from)),
               [](PlanProblem& q) { q.mandates[0].from -= date::days{730}; }});
  if (m.min_gap_days > 0)
    g.push_back({fmt::format("at least {} apart, start to start", weeks_text(m.min_gap_days)),
                 [](PlanProblem& q) { q.mandates[0].min_gap_days = 0; }});
  if (m.max_gap_days)
    g.push_back({fmt::format("at most {} apart, start to start", weeks_text(*m.max_gap_days)),
                 [](PlanProblem& q) { q.mandates[0].max_gap_days.reset(); }});
  if (m.min_end_gap_days > 0)
    g.push_back({fmt::format("at least {} days from one session's end to the next one's start (the body's minimum gap)",
                             m.min_end_gap_days),
                 [](PlanProblem& q) { q.mandates[0].min_end_gap_days = 0; }});
  for (const auto& f : m.fixed)
    g.push_back({fmt::format("after session {} ({} to {}, {}), which is held or confirmed", f.number,
                             to_iso(f.first), to_iso(f.last), f.station),
                 [n = f.number](PlanProblem& q) {
                   auto& fx = q.mandates[0].fixed;
                   fx.erase(std::remove_if(fx.begin(), fx.end(), [&](const FixedSession& x) { return x.number == n; }),
                            fx.end());
                 }});
  std::set<std::string> allowed;
  for (const auto& s : m.sessions) allowed.insert(s.stations.begin(), s.stations.end());
  for (std::size_t i = 0; i < p.stations.size(); ++i) {
    const auto& st = p.stations[i];
    if (!allowed.count(st.code)) continue;
    std::vector<PlanBlock> closures;
    for (std::size_t k = 0; k < st.closures.size(); ++k)
      closures.push_back({st.closures[k], st.closures[k], k < st.closure_names.size() ? st.closure_names[k] : "closure"});
    std::sort(closures.begin(), closures.end(), [](const PlanBlock& a, const PlanBlock& b) { return a.first < b.first; });
    if (!p.allow_stretch && !spans_text(closures, m.from, m.latest_end).empty())
      g.push_back({fmt::format("no session over a closure at {} ({})", st.code, spans_text(closures, m.from, m.latest_end)),
                   [i](PlanProblem& q) { q.stations[i].closures.clear(); }});
    if (!spans_text(st.blocked, m.from, m.latest_end).empty())
      g.push_back({fmt::format("blocked days at {} ({})", st.code, spans_text(st.blocked, m.from, m.latest_end)),
                   [i](PlanProblem& q) { q.stations[i].blocked.clear(); }});
    if (!st.rooms.empty())
      g.push_back({fmt::format("a free room with at least {} seats at {}", m.seats, st.code),
                   [i](PlanProblem& q) { q.stations[i].rooms.clear(); }});
  }
  if (!spans_text(m.busy, m.from, m.latest_end).empty())
    g.push_back({fmt::format("days the body or its experts are taken elsewhere ({})", spans_text(m.busy, m.from, m.latest_end)),
                 [](PlanProblem& q) { q.mandates[0].busy.clear(); }});
  std::vector<std::string> pattern;
  for (const auto& s : m.sessions) pattern.push_back(fmt::format("{}", fmt::join(s.stations, "|")));
  if (allowed.size() < p.stations.size())
    g.push_back({fmt::format("venues {}", fmt::join(pattern, ", ")), [](PlanProblem& q) {
                   for (auto& s : q.mandates[0].sessions) {
                     s.stations.clear();
                     for (const auto& st : q.stations) s.stations.push_back(st.code);
                   }
                 }});
  return g;
}

int calendar_length(int working_days) { return working_days + 2 * ((working_days - 1) / 5); }

std::string summary_of(const PlanProblem& p) {
  const auto& m = p.mandates.front();
  const int n = static_cast<int>(m.sessions.size());
  const int len = m.sessions.empty() ? 5 : m.sessions.front().length;
  const int cal = calendar_length(len);
  const int step = std::max({m.min_gap_days, cal + m.min_end_gap_days, cal + 1});
  Date earliest = m.from;
  for (const auto& f : m.fixed)
    earliest = std::max({earliest, f.first + date::days{m.min_gap_days}, f.last + date::days{std::max(1, m.min_end_gap_days)}});
  const int need = static_cast<int>((earliest - m.from).count()) + (n - 1) * step + cal;
  const int have = static_cast<int>((m.latest_end - m.from).count()) + 1;
  std::string s = fmt::format("{} {}-day session{}{} do not fit between {} and {} (the latest end day): ", n, len,
                              n == 1 ? "" : "s",
                              m.min_gap_days > 0 ? fmt::format(" at least {} apart", weeks_text(m.min_gap_days)) : "",
                              to_iso(m.from), to_iso(m.latest_end));
  const int need_weeks = (need + 6) / 7, have_weeks = (have + 6) / 7;
  s += need_weeks > have_weeks ? fmt::format("they need {} weeks, the window has {}", need_weeks, have_weeks)
                               : fmt::format("they need {} weeks and the window has {}", need_weeks, have_weeks);
  std::vector<std::string> blocked;
  std::set<std::string> allowed;
  for (const auto& ps : m.sessions) allowed.insert(ps.stations.begin(), ps.stations.end());
  for (const auto& st : p.stations) {
    if (!allowed.count(st.code)) continue;
    std::vector<std::string> weeks;  // Mondays of the weeks with a day not free
    for (Date d = m.from; d <= m.latest_end; d += date::days{1}) {
      if (is_weekend(d)) continue;
      const bool closed = !p.allow_stretch && std::find(st.closures.begin(), st.closures.end(), d) != st.closures.end();
      const bool block = std::any_of(st.blocked.begin(), st.blocked.end(),
                                     [&](const PlanBlock& b) { return b.first <= d && d <= b.last; });
      const bool busy = std::any_of(m.busy.begin(), m.busy.end(),
                                    [&](const PlanBlock& b) { return b.first <= d && d <= b.last; });
      if (!(closed || block || busy)) continue;
      const auto monday = to_iso(d - (date::weekday{d} - date::Monday));
      if (weeks.empty() || weeks.back() != monday) weeks.push_back(monday);
    }
    if (!weeks.empty())
      blocked.push_back(fmt::format("at {} the week{} of {}", st.code, weeks.size() == 1 ? "" : "s", fmt::join(weeks, ", ")));
  }
  if (!blocked.empty())
    s += fmt::format("{} not every day is free {} (closures, blocks or busy days)", need_weeks > have_weeks ? ";" : ", but",
                     fmt::join(blocked, "; "));
  return s;
}

}  // namespace

PlanExplanation explain_infeasible(const PlanProblem& problem) {
  PlanExplanation e;
  if (problem.mandates.empty()) {
    e.summary = "no mandate to plan";
    return e;
  }
  if (feasible(problem)) {
    e.summary = "a plan exists";
    return e;
  }
  e.summary = summary_of(problem);
  const auto& m = problem.mandates.front();

  // The deletion filter: a group stays in the conflict only if relaxing it (with every group
  // already found unnecessary) makes the problem feasible.
  const auto groups = groups_of(problem);
  PlanProblem relaxed = problem;
  for (const auto& g : groups) {
    PlanProblem trial = relaxed;
    g.relax(trial);
    if (!feasible(trial)) relaxed = std::move(trial);
    else e.conflicts.push_back(g.text);
  }
  const int n = static_cast<int>(m.sessions.size());
  e.conflicts.insert(e.conflicts.begin(),
                     fmt::format("{} of {} working days", counted(n, "session"),
                                 m.sessions.empty() ? 0 : m.sessions.front().length));

  // Single relaxations, each re-solved.
  if (n > 1) {
    PlanProblem q = problem;
    q.mandates[0].sessions.pop_back();
    if (feasible(q)) e.relaxations.push_back(fmt::format("hold {} session{} instead of {}", n - 1, n == 2 ? "" : "s", n));
  }
  for (int gap = (m.min_gap_days / 7 - 1) * 7; m.min_gap_days > 0 && gap >= 0; gap -= 7) {
    PlanProblem q = problem;
    q.mandates[0].min_gap_days = gap;
    if (q.mandates[0].max_gap_days && *q.mandates[0].max_gap_days < gap) continue;
    if (feasible(q)) {
      e.relaxations.push_back(fmt::format("a minimum gap of {} instead of {}", weeks_text(gap), weeks_text(m.min_gap_days)));
      break;
    }
  }
  if (m.max_gap_days) {
    PlanProblem q = problem;
    q.mandates[0].max_gap_days.reset();
    if (feasible(q)) e.relaxations.push_back("no maximum gap");
  }
  for (int w = 1; w <= 52; ++w) {
    PlanProblem q = problem;
    q.mandates[0].latest_end += date::days{7 * w};
    if (feasible(q)) {
      e.relaxations.push_back(fmt::format("end by {} instead of {} ({} later; past the deadline chain's latest end)",
                                          to_iso(q.mandates[0].latest_end), to_iso(m.latest_end), weeks_text(7 * w)));
      break;
    }
  }
  if (!problem.allow_stretch) {
    PlanProblem q = problem;
    q.allow_stretch = true;
    if (feasible(q)) e.relaxations.push_back("allow sessions to run over closures (--stretch)");
  }
  if (!problem.any_weekday_start) {
    PlanProblem q = problem;
    q.any_weekday_start = true;
    if (feasible(q)) e.relaxations.push_back("allow sessions to start on any weekday (--any-weekday)");
  }
  for (const auto& st : problem.stations) {
    PlanProblem q = problem;
    bool same = true;
    for (auto& s : q.mandates[0].sessions) {
      same = same && s.stations == std::vector<std::string>{st.code};
      s.stations = {st.code};
    }
    if (!same && feasible(q)) e.relaxations.push_back(fmt::format("hold every session at {}", st.code));
  }
  if (!m.sessions.empty() && m.sessions.front().length > 1) {
    PlanProblem q = problem;
    for (auto& s : q.mandates[0].sessions) s.length -= 1;
    if (feasible(q)) e.relaxations.push_back(fmt::format("sessions of {} working days", m.sessions.front().length - 1));
  }
  return e;
}

namespace {

// `p` with only the mandates at `keep` (their shared-expert links to the others dropped).
PlanProblem only(const PlanProblem& p, const std::vector<std::size_t>& keep) {
  PlanProblem q = p;
  q.mandates.clear();
  std::set<std::string> keys;
  for (const std::size_t i : keep) keys.insert(p.mandates[i].key);
  for (const std::size_t i : keep) {
    auto m = p.mandates[i];
    std::erase_if(m.shares_experts_with, [&](const std::string& k) { return keys.count(k) == 0; });
    q.mandates.push_back(std::move(m));
  }
  return q;
}

// Stations both mandates may use (any of their sessions), in problem order.
std::vector<std::string> common_stations(const PlanProblem& p, const PlanMandate& a, const PlanMandate& b) {
  const auto venues = [](const PlanMandate& m) {
    std::set<std::string> v;
    for (const auto& s : m.sessions) v.insert(s.stations.begin(), s.stations.end());
    return v;
  };
  const auto va = venues(a), vb = venues(b);
  std::vector<std::string> out;
  for (const auto& st : p.stations)
    if (va.count(st.code) && vb.count(st.code)) out.push_back(st.code);
  return out;
}

}  // namespace

PlanExplanation explain_joint_infeasible(const PlanProblem& problem) {
  PlanExplanation e;
  if (feasible(problem)) {
    e.summary = "a plan exists";
    return e;
  }
  // Deletion filter over the mandates: drop each in turn and leave it out while the rest still
  // have no joint plan. What remains cannot be planned together, and any one of it can go.
  std::vector<std::size_t> keep(problem.mandates.size());
  for (std::size_t i = 0; i < keep.size(); ++i) keep[i] = i;
  for (std::size_t i = 0; i < problem.mandates.size() && keep.size() > 2; ++i) {
    std::vector<std::size_t> trial;
    std::copy_if(keep.begin(), keep.end(), std::back_inserter(trial), [&](std::size_t k) { return k != i; });
    if (!feasible(only(problem, trial))) keep = std::move(trial);
  }
  std::vector<std::string> keys;
  for (const std::size_t i : keep) keys.push_back(problem.mandates[i].key);
  e.summary = fmt::format("each mandate can be planned alone, but {} cannot be planned together",
                          fmt::join(keys, ", "));
  for (std::size_t x = 0; x < keep.size(); ++x) {
    const auto& m = problem.mandates[keep[x]];
    e.conflicts.push_back(fmt::format("{}: {} of {} working days between {} and {}", m.key,
                                      counted(static_cast<long long>(m.sessions.size()), "session"),
                                      m.sessions.empty() ? 0 : m.sessions.front().length,
                                      to_iso(m.from), to_iso(m.latest_end)));
  }
  for (std::size_t x = 0; x < keep.size(); ++x)
    for (std::size_t y = x + 1; y < keep.size(); ++y) {
      const auto& a = problem.mandates[keep[x]];
      const auto& b = problem.mandates[keep[y]];
      const bool experts = std::find(a.shares_experts_with.begin(), a.shares_experts_with.end(), b.key) !=
                           a.shares_experts_with.end();
      if (experts)
        e.conflicts.push_back(fmt::format("{} and {} share experts: their sessions may not overlap, "
                                          "and need a working day between for travel", a.key, b.key));
      const auto where = common_stations(problem, a, b);
      if (!where.empty())
        e.conflicts.push_back(fmt::format("{} and {} compete for the rooms at {}", a.key, b.key, fmt::join(where, ", ")));
    }
  // Single relaxations: leave one of them out (the others then have a plan).
  for (const std::size_t i : keep) {
    std::vector<std::size_t> rest;
    for (std::size_t k = 0; k < problem.mandates.size(); ++k)
      if (k != i) rest.push_back(k);
    if (feasible(only(problem, rest)))
      e.relaxations.push_back(fmt::format("plan without {} (then plan {} alone, around the others)",
                                          problem.mandates[i].key, problem.mandates[i].key));
  }
  return e;
}

}  // namespace gge
