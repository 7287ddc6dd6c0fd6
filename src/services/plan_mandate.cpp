// `gge plan`: the planner's problem for one mandate, built from the store, and its answer.
#include "gge/services/plan_mandate.hpp"

#include "gge/core/error.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/text.hpp"
#include "gge/model/busy_days.hpp"
#include "gge/rules/calendar/session_days.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/stored_deadlines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace gge {
namespace {


int year_of(Date d) { return int(date::year_month_day{d}.year()); }

/// One mandate's part of the problem while it is built.
struct Part {
  Mandate mandate;
  Body body;
  PlanMandate plan;
  std::vector<int> numbers;  // the session numbers placed
};

// Phase 1: the mandate, its body, and the request's own bounds.
Part resolve(const Store& store, const PlanRequest& rq, const std::string& key) {
  const auto mandate = store.mandate(key);
  if (!mandate) throw InputError({}, fields::k_mandate, key, "no such mandate");
  const auto body = store.body(mandate->body);
  if (!body) throw InputError({}, fields::k_mandate, key, "its body does not exist");
  if (rq.days < 1 || rq.days > 60) throw InputError({}, fields::k_session_days, std::to_string(rq.days), "must be 1..60");
  if (rq.top < 1 || rq.top > 100) throw InputError({}, fields::k_plans, std::to_string(rq.top), "must be 1..100");
  if (rq.sessions && *rq.sessions < 1)
    throw InputError({}, fields::k_sessions, std::to_string(*rq.sessions), "must be at least 1");
  Part part{*mandate, *body, {}, {}};
  part.plan.key = mandate->key;
  part.plan.body = mandate->body;
  part.plan.min_gap_days = rq.min_gap_days;
  part.plan.max_gap_days = rq.max_gap_days;
  part.plan.min_end_gap_days = body->min_gap_days;
  part.plan.seats = body->members;
  part.plan.timing = rq.timing;
  part.plan.avoid_months = rq.avoid_months;
  return part;
}

// Phase 2: the window. It opens at the latest of the mandate's start, its resolution's adoption
// (no session before the resolution that creates it) and --from; it closes on the latest end
// day of the mandate's deadline chain.
void set_window(const Store& store, const Calendars& calendars, const PlanRequest& rq, Part& part) {
  Date from = part.mandate.start;
  for (const auto& r : store.resolutions())
    if (r.symbol == part.mandate.resolution) from = std::max(from, r.adopted);
  if (rq.from) from = std::max(from, *rq.from);
  std::optional<Date> latest_end;
  for (const auto& step : explain_deadlines(store, calendars, part.mandate.key))
    if (step.kind == "latest_end") latest_end = step.date;
  if (!latest_end)
    throw InputError({}, fields::k_mandate, part.mandate.key, "has no latest end day in its deadline chain");
  if (*latest_end < from)
    throw InputError({}, fields::k_first_day, to_iso(from), fmt::format("is after the latest end day {}", to_iso(*latest_end)));
  part.plan.from = from;
  part.plan.latest_end = *latest_end;
}

// Phase 3: held and confirmed sessions are fixed; numbers 1..N without one are placed (a
// stored planned one is published: where it is counts in the score).
void set_sessions(const Store& store, const PlanRequest& rq, const std::vector<DutyStation>& stations, Part& part) {
  const auto& mandate = part.mandate;
  auto& m = part.plan;
  const auto own = store.sessions(part.body.symbol);
  int total = rq.sessions.value_or(mandate.sessions_entitled);
  if (total <= 0)
    for (const auto& s : own) total = std::max(total, s.number);
  if (mandate.sessions_entitled > 0 && total > mandate.sessions_entitled)
    throw InputError({}, fields::k_sessions, std::to_string(total),
                     fmt::format("mandate {} entitles {} sessions", mandate.key, mandate.sessions_entitled));
  std::map<int, const Session*> by_number;
  for (const auto& s : own) by_number[s.number] = &s;
  int fixed_days = 0;
  for (const auto& s : own)
    if (is_firm(s.status)) {
      m.fixed.push_back({s.number, s.first, s.last, s.station});
      for (Date d = s.first; d <= s.last; d += date::days{1}) fixed_days += !is_weekend(d);
    }
  for (int n = 1; n <= total; ++n) {
    const auto it = by_number.find(n);
    if (it != by_number.end() && is_firm(it->second->status)) continue;
    PlanSession ps;
    ps.number = n;
    ps.length = rq.days;
    if (rq.venues.empty())
      for (const auto& st : stations) ps.stations.push_back(st.code);
    else
      ps.stations = rq.venues[static_cast<std::size_t>(n - 1) % rq.venues.size()];
    if (it != by_number.end() && it->second->status == SessionStatus::planned) {
      ps.published_first = it->second->first;
      ps.published_station = it->second->station;
      ps.published_room = it->second->room;
    }
    m.sessions.push_back(ps);
    part.numbers.push_back(n);
  }
  if (m.sessions.empty())
    throw InputError({}, fields::k_sessions, std::to_string(total),
                     fmt::format("all {} sessions of mandate {} are held or confirmed: nothing to plan", total, m.key));
  if (mandate.days_entitled > 0 && fixed_days + rq.days * static_cast<int>(m.sessions.size()) > mandate.days_entitled)
    throw InputError({}, fields::k_session_days, std::to_string(rq.days),
                     fmt::format("{} of {} days and {} days held or confirmed exceed the {} meeting days "
                                 "mandate {} entitles",
                                 counted(static_cast<long long>(m.sessions.size()), "session"), rq.days, fixed_days,
                                 mandate.days_entitled, m.key));
}

// Phase 4: every station's calendar over [from, last] (inclusive, the union of the windows),
// built once: closures, blocked days (blackouts and the GA high-level weeks, whatever their
// severity, by session_days.hpp's rule) and rooms.
std::vector<PlanStation> plan_stations(const Store& store, const Calendars& calendars,
                                       const std::vector<DutyStation>& stations, Date from, Date last) {
  std::vector<Blackout> blocks = store.blackouts();
  for (auto& b : calendars.high_level_weeks(year_of(from), year_of(last))) blocks.push_back(std::move(b));
  std::vector<PlanStation> out;
  for (const auto& st : stations) {
    PlanStation ps;
    ps.code = st.code;
    for (const auto& c : calendars.station(st.code).closures_between(from, last)) {
      ps.closures.push_back(c.observed);
      ps.closure_names.push_back(c.name);
    }
    for (const auto& b : blocks)
      if (blackout_applies(b, st.code)) ps.blocked.push_back({b.first, b.last, b.reason, {}});
    for (const auto& r : store.rooms(st.code)) ps.rooms.push_back({r.name, r.capacity, {}});
    out.push_back(std::move(ps));
  }
  return out;
}

/// Whether two bodies have an expert in common.
class SharedExperts {
public:
  explicit SharedExperts(const Store& store) {
    for (const auto& ms : store.memberships()) m_experts[ms.body].insert(ms.expert);
  }
  bool operator()(const std::string& a, const std::string& b) const {
    const auto x = m_experts.find(a), y = m_experts.find(b);
    if (x == m_experts.end() || y == m_experts.end()) return false;
    return std::any_of(x->second.begin(), x->second.end(), [&](const std::string& e) { return y->second.count(e) > 0; });
  }

private:
  std::map<std::string, std::set<std::string>> m_experts;
};

// Phase 5: the stored sessions that stay. A session of a body being planned stays only when
// held or confirmed (a planned one is being re-planned); every other active session stays.
// Each one that stays holds its room, and makes its days busy for every mandate planned whose
// body shares an expert with its body (the travel rule applies to them: session_days.hpp).
void book_staying_sessions(const Store& store, const std::vector<Part>& parts, std::vector<PlanStation>& stations,
                           std::vector<PlanMandate*> mandates) {
  std::set<std::string> planned;
  for (const auto& part : parts) planned.insert(part.body.symbol);
  const SharedExperts share(store);
  for (const auto& s : store.sessions()) {
    if (!is_active(s.status) || (!is_firm(s.status) && planned.count(s.body))) continue;
    const std::string who = fmt::format("{} session {}", s.body, s.number);
    for (auto& st : stations)
      if (st.code == s.station)
        for (auto& r : st.rooms)
          if (r.name == s.room) r.booked.push_back({s.first, s.last, who, {}});
    for (std::size_t i = 0; i < parts.size(); ++i)
      if (s.body != parts[i].body.symbol && share(s.body, parts[i].body.symbol))
        mandates[i]->busy.push_back({s.first, s.last, who, s.station});
  }
}

// Phase 5b: imported busy time (gge import ics), by the days it touches (model/busy_days.hpp):
// a station's blocks its days there, a room's books the room, the body's makes the days busy for
// its mandate. An expert's makes the days busy for every mandate whose body the expert belongs
// to, or, with `experts_soft`, costs weights.experts per clashing expert-day instead.
void book_busy_times(const Store& store, const std::vector<Part>& parts,
                     std::vector<PlanStation>& stations, std::vector<PlanMandate*> mandates,
                     bool experts_soft) {
  std::map<std::string, std::set<std::string>> bodies_of;  // expert -> bodies
  for (const auto& ms : store.memberships()) bodies_of[ms.expert].insert(ms.body);
  for (const auto& b : store.busy_times()) {
    const auto [first, last] = busy_days(b);
    const std::string why =
        fmt::format("{} {} busy: {} ({})", to_string(b.kind), b.subject, b.summary, b.source);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto& body = parts[i].body.symbol;
      if (b.kind == BusyKind::body && b.subject == body)
        mandates[i]->busy.push_back({first, last, why, {}});
      if (b.kind != BusyKind::expert || !bodies_of[b.subject].count(body)) continue;
      if (experts_soft)
        mandates[i]->soft_busy.push_back({b.subject, first, last, why});
      else
        mandates[i]->busy.push_back({first, last, why, {}});
    }
    for (auto& st : stations) {
      if (b.kind == BusyKind::station && b.subject == st.code)
        st.blocked.push_back({first, last, why, {}});
      if (b.kind == BusyKind::room)
        for (auto& r : st.rooms)
          if (b.subject == st.code + "/" + r.name) r.booked.push_back({first, last, why, {}});
    }
  }
}

/// Mandates whose bodies share an expert (or are one body) are marked as sharing.
void mark_sharing(const Store& store, std::vector<PlanMandate>& mandates, const std::vector<Part>& parts) {
  const SharedExperts share(store);
  for (std::size_t i = 0; i < parts.size(); ++i)
    for (std::size_t j = 0; j < parts.size(); ++j)
      if (i != j && (parts[i].body.symbol == parts[j].body.symbol || share(parts[i].body.symbol, parts[j].body.symbol)))
        mandates[i].shares_experts_with.push_back(parts[j].plan.key);
}

// The problem of every mandate in `keys` (sorted by key, so the order they were named in does
// not matter), with the stations' calendars built once over the union of their windows.
PlanProblem build_problem(const Store& store, const Calendars& calendars, const PlanRequest& rq,
                          std::vector<std::string> keys, std::vector<Part>* parts_out = nullptr) {
  std::sort(keys.begin(), keys.end());
  if (const auto twice = std::adjacent_find(keys.begin(), keys.end()); twice != keys.end())
    throw InputError({}, fields::k_mandate, *twice, "is named twice");
  const auto stations = store.stations();
  std::set<std::string> codes;
  for (const auto& s : stations) codes.insert(s.code);
  for (const auto& entry : rq.venues)
    for (const auto& code : entry)
      if (!codes.count(code)) throw InputError({}, fields::k_venues, code, "no such duty station");
  std::vector<Part> parts;
  for (const auto& key : keys) {
    parts.push_back(resolve(store, rq, key));
    set_window(store, calendars, rq, parts.back());
    set_sessions(store, rq, stations, parts.back());
  }
  Date from = parts.front().plan.from, last = parts.front().plan.latest_end;
  for (const auto& part : parts) {
    from = std::min(from, part.plan.from);
    last = std::max(last, part.plan.latest_end);
  }
  PlanProblem p;
  p.stations = plan_stations(store, calendars, stations, from, last);
  for (const auto& part : parts) p.mandates.push_back(part.plan);
  std::vector<PlanMandate*> mandates;
  for (auto& m : p.mandates) mandates.push_back(&m);
  book_staying_sessions(store, parts, p.stations, mandates);
  book_busy_times(store, parts, p.stations, mandates, rq.experts_soft);
  mark_sharing(store, p.mandates, parts);
  p.weights = rq.weights;
  p.allow_stretch = rq.allow_stretch;
  p.any_weekday_start = rq.any_weekday_start;
  p.top = rq.top;
  if (parts_out) *parts_out = std::move(parts);
  return p;
}

}  // namespace

PlanProblem build_plan_problem(const Store& store, const PlanRequest& rq, std::vector<int>* numbers_out) {
  const Calendars calendars(store);
  std::vector<Part> parts;
  auto p = build_problem(store, calendars, rq, {rq.mandate}, &parts);
  if (numbers_out) *numbers_out = parts.front().numbers;
  return p;
}

namespace {

PlanOutcome solve_request(const Store& store, const Calendars& calendars, const PlanRequest& request) {
  PlanOutcome out;
  std::vector<std::string> keys{request.mandate};
  keys.insert(keys.end(), request.jointly.begin(), request.jointly.end());
  std::vector<Part> parts;
  out.problem = build_problem(store, calendars, request, keys, &parts);
  for (const auto& part : parts)
    if (part.plan.key == request.mandate) out.numbers = part.numbers;
  out.result = solve_plan(out.problem);
  if (!out.result.plans.empty()) return out;
  if (parts.size() == 1) {
    out.explanation = explain_infeasible(out.problem);
    return out;
  }
  // The first mandate (by key) that cannot be planned alone, else which cannot go together.
  for (const auto& m : out.problem.mandates) {
    PlanProblem alone = out.problem;
    alone.mandates = {m};
    alone.mandates.front().shares_experts_with.clear();
    if (solve_plan(alone).plans.empty()) {
      out.explanation = explain_infeasible(alone);
      out.explanation->summary = fmt::format("mandate {}: {}", m.key, out.explanation->summary);
      return out;
    }
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
