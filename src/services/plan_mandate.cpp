// `gge plan`: the planner's problem for one mandate, built from the store, and its answer.
#include "gge/services/plan_mandate.hpp"

#include "gge/core/error.hpp"
#include "gge/core/text.hpp"
#include "gge/model/busy_days.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/stored_deadlines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace gge {
namespace {

bool active(SessionStatus s) {
  return s == SessionStatus::planned || s == SessionStatus::confirmed || s == SessionStatus::held;
}
bool firm(SessionStatus s) { return s == SessionStatus::confirmed || s == SessionStatus::held; }

Date previous_weekday(Date d) {
  do d -= date::days{1};
  while (is_weekend(d));
  return d;
}
Date next_weekday(Date d) {
  do d += date::days{1};
  while (is_weekend(d));
  return d;
}

int year_of(Date d) { return int(date::year_month_day{d}.year()); }

// build_plan_problem with the stations' calendars already built (they cost milliseconds: a
// joint plan builds them once for all its mandates).
PlanProblem build_problem(const Store& store, const Calendars& calendars, const PlanRequest& rq,
                          std::vector<int>* numbers_out, const std::vector<std::string>& replanned) {
  const auto mandate = store.mandate(rq.mandate);
  if (!mandate) throw InputError({}, "MANDATE", rq.mandate, "no such mandate");
  const auto body = store.body(mandate->body);
  if (!body) throw InputError({}, "MANDATE", rq.mandate, "its body does not exist");
  if (rq.days < 1 || rq.days > 60) throw InputError({}, "--days", std::to_string(rq.days), "must be 1..60");
  if (rq.top < 1 || rq.top > 100) throw InputError({}, "--top", std::to_string(rq.top), "must be 1..100");

  const auto stations = store.stations();
  std::set<std::string> codes;
  for (const auto& s : stations) codes.insert(s.code);
  for (const auto& entry : rq.venues)
    for (const auto& code : entry)
      if (!codes.count(code)) throw InputError({}, "--venues", code, "no such duty station");

  // The window: mandate start, resolution adoption, --from; to the chain's latest end day.
  Date from = mandate->start;
  for (const auto& r : store.resolutions())
    if (r.symbol == mandate->resolution) from = std::max(from, r.adopted);
  if (rq.from) from = std::max(from, *rq.from);
  std::optional<Date> latest_end;
  for (const auto& step : explain_deadlines(store, mandate->key))
    if (step.kind == "latest_end") latest_end = step.date;
  if (!latest_end) throw InputError({}, "MANDATE", rq.mandate, "has no latest end day in its deadline chain");
  if (*latest_end < from)
    throw InputError({}, "--from", to_iso(from), fmt::format("is after the latest end day {}", to_iso(*latest_end)));

  // Sessions: held and confirmed ones are fixed; numbers 1..N without one are placed.
  const auto own = store.sessions(body->symbol);
  int total = rq.sessions.value_or(mandate->sessions_entitled);
  if (total <= 0)
    for (const auto& s : own) total = std::max(total, s.number);
  if (rq.sessions && *rq.sessions < 1)
    throw InputError({}, "--sessions", std::to_string(*rq.sessions), "must be at least 1");
  if (mandate->sessions_entitled > 0 && total > mandate->sessions_entitled)
    throw InputError({}, "--sessions", std::to_string(total),
                     fmt::format("mandate {} entitles {} sessions", mandate->key, mandate->sessions_entitled));
  PlanMandate m;
  m.key = mandate->key;
  m.body = mandate->body;
  m.from = from;
  m.latest_end = *latest_end;
  m.min_gap_days = rq.min_gap_days;
  m.max_gap_days = rq.max_gap_days;
  m.min_end_gap_days = body->min_gap_days;
  m.seats = body->members;
  m.timing = rq.timing;
  m.avoid_months = rq.avoid_months;
  std::map<int, const Session*> by_number;
  for (const auto& s : own) by_number[s.number] = &s;
  int fixed_days = 0;
  for (const auto& s : own)
    if (firm(s.status)) {
      m.fixed.push_back({s.number, s.first, s.last, s.station});
      for (Date d = s.first; d <= s.last; d += date::days{1}) fixed_days += !is_weekend(d);
    }
  std::vector<int> numbers;
  for (int n = 1; n <= total; ++n) {
    const auto it = by_number.find(n);
    if (it != by_number.end() && firm(it->second->status)) continue;
    PlanSession ps;
    ps.number = n;
    ps.length = rq.days;
    if (rq.venues.empty())
      for (const auto& s : stations) ps.stations.push_back(s.code);
    else
      ps.stations = rq.venues[static_cast<std::size_t>(n - 1) % rq.venues.size()];
    if (it != by_number.end() && it->second->status == SessionStatus::planned) {
      ps.published_first = it->second->first;
      ps.published_station = it->second->station;
      ps.published_room = it->second->room;
    }
    m.sessions.push_back(ps);
    numbers.push_back(n);
  }
  if (m.sessions.empty())
    throw InputError({}, "--sessions", std::to_string(total),
                     fmt::format("all {} sessions of mandate {} are held or confirmed: nothing to plan", total, m.key));
  if (mandate->days_entitled > 0 &&
      fixed_days + rq.days * static_cast<int>(m.sessions.size()) > mandate->days_entitled)
    throw InputError({}, "--days", std::to_string(rq.days),
                     fmt::format("{} of {} days and {} days held or confirmed exceed the {} meeting days "
                                 "mandate {} entitles",
                                 counted(static_cast<long long>(m.sessions.size()), "session"), rq.days,
                                 fixed_days, mandate->days_entitled, m.key));

  // Experts shared with other bodies: those bodies' active sessions are busy days.
  std::set<std::string> ours, sharing;
  const auto memberships = store.memberships();
  for (const auto& ms : memberships)
    if (ms.body == body->symbol) ours.insert(ms.expert);
  for (const auto& ms : memberships)
    if (ms.body != body->symbol && ours.count(ms.expert)) sharing.insert(ms.body);

  std::vector<Blackout> blocks = store.blackouts();
  for (auto& b : calendars.high_level_weeks(year_of(from), year_of(*latest_end))) blocks.push_back(std::move(b));
  PlanProblem p;
  for (const auto& st : stations) {
    PlanStation ps;
    ps.code = st.code;
    for (const auto& c : calendars.station(st.code).closures_between(from, *latest_end)) {
      ps.closures.push_back(c.observed);
      ps.closure_names.push_back(c.name);
    }
    for (const auto& b : blocks)
      if (b.station.empty() || b.station == st.code) ps.blocked.push_back({b.first, b.last, b.reason});
    for (const auto& r : store.rooms(st.code)) ps.rooms.push_back({r.name, r.capacity, {}});
    p.stations.push_back(std::move(ps));
  }
  for (const auto& s : store.sessions()) {
    if (s.body == body->symbol || !active(s.status)) continue;
    if (!firm(s.status) && std::find(replanned.begin(), replanned.end(), s.body) != replanned.end()) continue;
    const std::string who = fmt::format("{} session {}", s.body, s.number);
    if (sharing.count(s.body)) m.busy.push_back({previous_weekday(s.first), next_weekday(s.last), who});
    for (auto& st : p.stations)
      if (st.code == s.station)
        for (auto& r : st.rooms)
          if (r.name == s.room) r.booked.push_back({s.first, s.last, who});
  }
  // Imported busy time (gge import ics) is hard, by the days it touches: a station's blocks its
  // days there, a room's books the room, the body's or one of its experts' makes the days busy.
  for (const auto& b : store.busy_times()) {
    const auto [first, last] = busy_days(b);
    const std::string why = fmt::format("{} {} busy: {} ({})", to_string(b.kind), b.subject, b.summary, b.source);
    if ((b.kind == BusyKind::expert && ours.count(b.subject)) || (b.kind == BusyKind::body && b.subject == body->symbol))
      m.busy.push_back({first, last, why});
    for (auto& st : p.stations) {
      if (b.kind == BusyKind::station && b.subject == st.code) st.blocked.push_back({first, last, why});
      if (b.kind == BusyKind::room)
        for (auto& r : st.rooms)
          if (b.subject == st.code + "/" + r.name) r.booked.push_back({first, last, why});
    }
  }
  p.mandates = {std::move(m)};
  p.weights = rq.weights;
  p.allow_stretch = rq.allow_stretch;
  p.any_weekday_start = rq.any_weekday_start;
  p.top = rq.top;
  if (numbers_out) *numbers_out = numbers;
  return p;
}

}  // namespace

PlanProblem build_plan_problem(const Store& store, const PlanRequest& rq, std::vector<int>* numbers_out,
                               const std::vector<std::string>& replanned) {
  return build_problem(store, Calendars(store), rq, numbers_out, replanned);
}

namespace {

PlanOutcome solve_request(const Store& store, const Calendars& calendars, const PlanRequest& request) {
  PlanOutcome out;
  if (request.jointly.empty()) {
    out.problem = build_problem(store, calendars, request, &out.numbers, {});
    out.result = solve_plan(out.problem);
    if (out.result.plans.empty()) out.explanation = explain_infeasible(out.problem);
    return out;
  }
  std::vector<std::string> keys{request.mandate};
  for (const auto& k : request.jointly) {
    if (std::find(keys.begin(), keys.end(), k) != keys.end())
      throw InputError({}, "MANDATE", k, "is named twice");
    keys.push_back(k);
  }
  std::vector<std::string> bodies;
  for (const auto& k : keys) {
    const auto m = store.mandate(k);
    if (!m) throw InputError({}, "MANDATE", k, "no such mandate");
    bodies.push_back(m->body);
  }
  // Experts by body, to mark the mandates that share one.
  std::map<std::string, std::set<std::string>> experts;
  for (const auto& ms : store.memberships()) experts[ms.body].insert(ms.expert);
  std::vector<PlanProblem> parts;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    PlanRequest one = request;
    one.mandate = keys[i];
    one.jointly.clear();
    parts.push_back(build_problem(store, calendars, one, i == 0 ? &out.numbers : nullptr, bodies));
  }
  out.problem = parts.front();
  out.problem.mandates.clear();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto m = parts[i].mandates.front();
    for (std::size_t j = 0; j < keys.size(); ++j) {
      if (i == j) continue;
      const auto& a = experts[bodies[i]];
      const auto& b = experts[bodies[j]];
      if (bodies[i] == bodies[j] || std::any_of(a.begin(), a.end(), [&](const std::string& e) { return b.count(e) > 0; }))
        m.shares_experts_with.push_back(keys[j]);
    }
    out.problem.mandates.push_back(std::move(m));
  }
  out.result = solve_plan(out.problem);
  if (!out.result.plans.empty()) return out;
  for (const auto& part : parts)
    if (solve_plan(part).plans.empty()) {
      out.explanation = explain_infeasible(part);
      out.explanation->summary = fmt::format("mandate {}: {}", part.mandates.front().key, out.explanation->summary);
      return out;
    }
  out.explanation = explain_joint_infeasible(out.problem);
  return out;
}

// The (station, year) pairs of the plans' sessions without closure data.
std::vector<std::pair<std::string, int>> unknown_closures(const Calendars& calendars,
                                                          const std::vector<Plan>& plans) {
  std::set<std::pair<std::string, int>> unknown;
  for (const auto& plan : plans)
    for (const auto& s : plan.sessions)
      for (int y = int(date::year_month_day{s.first}.year()); y <= int(date::year_month_day{s.last}.year()); ++y)
        if (!calendars.knows_closures(s.station, y)) unknown.emplace(s.station, y);
  return {unknown.begin(), unknown.end()};
}

}  // namespace

PlanOutcome plan_mandate(const Store& store, const PlanRequest& request) {
  const Calendars calendars(store);
  PlanOutcome out = solve_request(store, calendars, request);
  out.unknown_closures = unknown_closures(calendars, out.result.plans);
  return out;
}

}  // namespace gge
