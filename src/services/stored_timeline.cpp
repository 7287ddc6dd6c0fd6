#include "gge/services/stored_timeline.hpp"

#include "gge/core/fields.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/check_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace gge {
namespace {

date::year_month_day ymd(Date d) { return date::year_month_day{d}; }

/// The key of the mandate `s` falls under (model/mandates.hpp), "" when its body has none.
std::string mandate_of(const Session& s, const std::vector<const Mandate*>& of_body) {
  const Mandate* m = mandate_of_session(s.first, of_body);
  return m ? m->key : std::string{};
}

/// Refuses a scope naming what the store does not have, or days in the wrong order.
void check_scope(const Store& store, const TimelineScope& scope) {
  if (!scope.body.empty() && !store.body(scope.body))
    throw InputError({}, fields::k_body, scope.body, "no such body");
  if (!scope.mandate.empty() && !store.mandate(scope.mandate))
    throw InputError({}, fields::k_mandate, scope.mandate, "no such mandate");
  if (!scope.station.empty() && !store.station(scope.station))
    throw InputError({}, fields::k_station, scope.station, "no such station");
  if (scope.from && scope.to && *scope.to < *scope.from)
    throw InputError({}, fields::k_last_day, to_iso(*scope.to),
                     fmt::format("is before the first day {}", to_iso(*scope.from)));
}

/// What the scope shows of the plan.
struct Shown {
  std::string only_body;  ///< the scope's body (or its mandate's); "" = every body
  std::map<std::string, std::map<std::string, std::vector<Session>>> sessions;  ///< by (mandate, body)
  std::set<std::string> session_refs, bodies, mandates;  ///< "BODY#N", symbols, keys
  std::vector<const Deadline*> deadlines;                ///< of the shown mandates
  std::optional<Date> lo, hi;  ///< first and last day of the shown sessions and deadlines
};

/// The sessions, bodies, mandates and deadlines of `scope` in `plan`. A named body or mandate is
/// shown even without sessions (its deadlines still matter).
Shown select(const Store& store, const Scenario& plan, const TimelineScope& scope) {
  Shown out;
  std::map<std::string, std::vector<const Mandate*>> mandates_of;  // by body
  for (const auto& m : plan.mandates) mandates_of[m.body].push_back(&m);
  out.only_body = scope.body;
  if (!scope.mandate.empty()) {
    const auto m = *store.mandate(scope.mandate);
    if (!out.only_body.empty() && out.only_body != m.body)
      throw InputError({}, fields::k_mandate, scope.mandate,
                       fmt::format("is a mandate of {}, not of body {}", m.body, out.only_body));
    out.only_body = m.body;
  }
  const std::string& only_body = out.only_body;
  const auto widen = [&](Date a, Date b) {
    out.lo = out.lo ? std::min(*out.lo, a) : a;
    out.hi = out.hi ? std::max(*out.hi, b) : b;
  };
  for (const auto& s : plan.sessions) {
    if (!only_body.empty() && s.body != only_body) continue;
    if (!scope.station.empty() && s.station != scope.station) continue;
    const auto mandate = mandate_of(s, mandates_of[s.body]);
    if (!scope.mandate.empty() && mandate != scope.mandate) continue;
    out.sessions[mandate][s.body].push_back(s);
    out.session_refs.insert(to_string(ref_of(s)));
    out.bodies.insert(s.body);
    if (!mandate.empty()) out.mandates.insert(mandate);
    widen(s.first, s.last);
  }
  if (!only_body.empty() && scope.station.empty()) {
    out.bodies.insert(only_body);
    if (!scope.mandate.empty()) out.mandates.insert(scope.mandate);
    else
      for (const auto* m : mandates_of[only_body]) out.mandates.insert(m->key);
    if (out.mandates.empty()) out.sessions[""][only_body];
    for (const auto& k : out.mandates) out.sessions[k][only_body];
  } else if (only_body.empty() && scope.station.empty()) {
    for (const auto& b : plan.bodies) {
      out.bodies.insert(b.symbol);
      if (mandates_of[b.symbol].empty()) out.sessions[""][b.symbol];
      for (const auto* m : mandates_of[b.symbol]) {
        out.mandates.insert(m->key);
        out.sessions[m->key][b.symbol];
      }
    }
  }
  for (const auto& d : plan.deadlines)
    if (out.mandates.count(d.mandate)) {
      out.deadlines.push_back(&d);
      widen(d.date, d.date);
    }
  return out;
}

/// The days shown, both inclusive: the scope's, else from the first of the month of a week
/// before what is shown to the end of the month of a week after it.
std::pair<Date, Date> period_of(const TimelineScope& scope, const Shown& shown) {
  if (!scope.from && !scope.to && !shown.lo)
    throw InputError({}, fields::k_first_day, "",
                     "nothing to show: the scope has no sessions or deadlines; give a first and a last day");
  const Date from = scope.from ? *scope.from
                               : Date{ymd(*shown.lo - date::days{7}).year() / ymd(*shown.lo - date::days{7}).month() / 1};
  Date to = from;
  if (scope.to) to = *scope.to;
  else if (shown.hi) {
    const auto e = ymd(*shown.hi + date::days{7});
    to = Date{e.year() / e.month() / date::last};
  } else {
    const auto e = ymd(from);
    to = Date{e.year() / e.month() / date::last};
  }
  if (to < from)
    throw InputError({}, scope.to ? fields::k_last_day : fields::k_first_day, to_iso(scope.to ? to : from),
                     fmt::format("leaves nothing to show: the period would be {} to {}",
                                 to_iso(from), to_iso(to)));
  const int y1 = int(ymd(from).year()), y2 = int(ymd(to).year());
  if (y1 < 1900 || y2 > 2199)
    throw InputError({}, y1 < 1900 ? fields::k_first_day : fields::k_last_day, to_iso(y1 < 1900 ? from : to),
                     "is outside the supported years 1900..2199");
  return {from, to};
}

/// Closure bands: the scope's station, or the stations of the shown sessions.
void add_station_bands(TimelineInput& in, const Scenario& plan, const TimelineScope& scope, const Shown& shown,
                       const Calendars& calendars) {
  std::set<std::string> stations;
  if (!scope.station.empty()) stations.insert(scope.station);
  for (const auto& [m, bodies] : shown.sessions)
    for (const auto& [b, sessions] : bodies)
      for (const auto& s : sessions) stations.insert(s.station);
  for (const auto& st : plan.stations) {
    if (!stations.count(st.code)) continue;
    TimelineStationInput band{st.code, st.name, {}};
    for (const auto& c : calendars.station(st.code).closures_between(in.from, in.to))
      band.closures.push_back({st.code, c.observed, c.name, 0, 0});
    in.stations.push_back(std::move(band));
  }
}

/// One group per shown mandate (its bodies' sessions and its deadlines), then "(no mandate)".
void add_groups(TimelineInput& in, const Scenario& plan, const Shown& shown) {
  std::map<std::string, const Body*> body_of;
  for (const auto& b : plan.bodies) body_of[b.symbol] = &b;
  std::map<std::string, const Mandate*> mandate_by_key;
  for (const auto& m : plan.mandates) mandate_by_key[m.key] = &m;
  for (const auto& [mandate, bodies] : shown.sessions) {
    if (mandate.empty()) continue;  // "(no mandate)" goes last
    const Mandate& m = *mandate_by_key.at(mandate);
    TimelineGroupInput g{mandate,
                         fmt::format("{} (res. {}, reports to GA {})", mandate, m.resolution,
                                     m.report_to_session),
                         {}, {}};
    for (const auto& [b, sessions] : bodies)
      g.bodies.push_back({b, body_of.at(b)->name, mandate, sessions});
    for (const auto* d : shown.deadlines)
      if (d->mandate == mandate) {
        TimelineMarker mk;
        mk.kind = d->kind;
        mk.mandate = d->mandate;
        mk.first = mk.last = d->date;
        mk.label = fmt::format("{} {}", d->kind, d->mandate);
        mk.detail = d->source;
        g.deadlines.push_back(std::move(mk));
      }
    in.groups.push_back(std::move(g));
  }
  if (auto it = shown.sessions.find(""); it != shown.sessions.end()) {
    TimelineGroupInput g{"", "(no mandate)", {}, {}};
    for (const auto& [b, sessions] : it->second)
      g.bodies.push_back({b, body_of.at(b)->name, "", sessions});
    in.groups.push_back(std::move(g));
  }
}

/// GA openings and high-level weeks of the period's years: session N opens in September of
/// 1945 + N (high-level weeks only when there is a New York station).
void add_ga_markers(TimelineInput& in, const Calendars& calendars) {
  const int y1 = int(ymd(in.from).year()), y2 = int(ymd(in.to).year());
  for (int n = std::max(1, y1 - 1946); n <= std::min(k_max_ga_session, y2 - 1945); ++n) {
    const auto ga = calendars.ga().session(n);
    TimelineMarker open;
    open.kind = "ga_opening";
    open.first = open.last = ga.opening.date;
    open.label = fmt::format("GA {} opens", n);
    open.detail = ga.opening.source;
    in.ga.push_back(std::move(open));
    if (!calendars.new_york().empty()) {
      TimelineMarker hlw;
      hlw.kind = "high_level_week";
      hlw.first = ga.high_level_first;
      hlw.last = ga.high_level_last;
      hlw.label = fmt::format("GA {} high-level week", n);
      hlw.detail = fmt::format("general debate opens {} ({})", to_iso(ga.general_debate_first.date),
                               ga.general_debate_first.source);
      in.ga.push_back(std::move(hlw));
    }
  }
}

/// The findings of `gge check` for the scope's body / mandate and period that are about a shown
/// body or session.
void add_findings(TimelineInput& in, const Store& store, const TimelineScope& scope, const Shown& shown,
                  const Calendars& calendars) {
  CheckFilter filter;
  filter.body = shown.only_body;
  filter.mandate = scope.mandate;
  filter.from = in.from;
  filter.to = in.to;
  for (auto& f : check_store(store, calendars, filter)) {
    bool keep = f.session == 0 ? shown.bodies.count(f.body) > 0
                               : shown.session_refs.count(to_string(SessionRef{f.body, f.session})) > 0;
    for (const auto& subj : f.subjects)  // "BODY#N" or "BODY#N 2004-07-12 10:00"
      if (shown.session_refs.count(subj.substr(0, subj.find(' ')))) keep = true;
    if (keep) in.findings.push_back(std::move(f));
  }
}

}  // namespace

TimelineData build_timeline(const Store& store, const TimelineScope& scope) {
  check_scope(store, scope);
  const Scenario plan = store.scenario();
  const Shown shown = select(store, plan, scope);
  const auto [from, to] = period_of(scope, shown);

  const Calendars calendars(store);
  TimelineInput in;
  in.from = from;
  in.to = to;
  std::string what = "whole plan";
  if (!scope.mandate.empty()) what = "mandate " + scope.mandate;
  else if (!scope.body.empty()) what = scope.body;
  if (!scope.station.empty()) what += " at " + scope.station;
  in.title = fmt::format("gge timeline: {}, {} to {}", what, to_iso(from), to_iso(to));
  add_station_bands(in, plan, scope, shown, calendars);
  add_groups(in, plan, shown);
  add_ga_markers(in, calendars);
  add_findings(in, store, scope, shown, calendars);
  return layout_timeline(in);
}

}  // namespace gge
