#include "gge/services/stored_timeline.hpp"

#include "gge/services/calendars.hpp"
#include "gge/services/check_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace gge {
namespace {

date::year_month_day ymd(Date d) { return date::year_month_day{d}; }

/// The mandate the checker files a session under (rules/check/check.hpp): the body's mandate with the
/// latest start not after the session's first day, else the body's earliest; "" when none.
std::string mandate_of(const Session& s, const std::vector<const Mandate*>& of_body) {
  const Mandate* best = nullptr;
  const Mandate* earliest = nullptr;
  for (const auto* m : of_body) {
    if (!earliest || m->start < earliest->start) earliest = m;
    if (m->start <= s.first && (!best || m->start > best->start)) best = m;
  }
  if (!best) best = earliest;
  return best ? best->key : std::string{};
}

}  // namespace

TimelineData build_timeline(const Store& store, const TimelineScope& scope) {
  if (!scope.body.empty() && !store.body(scope.body))
    throw InputError({}, "--body", scope.body, "no such body");
  if (!scope.mandate.empty() && !store.mandate(scope.mandate))
    throw InputError({}, "--mandate", scope.mandate, "no such mandate");
  if (!scope.station.empty() && !store.station(scope.station))
    throw InputError({}, "--station", scope.station, "no such station");
  if (scope.from && scope.to && *scope.to < *scope.from)
    throw InputError({}, "--to", to_iso(*scope.to),
                     fmt::format("is before --from {}", to_iso(*scope.from)));

  const Scenario plan = store.scenario();
  std::map<std::string, std::vector<const Mandate*>> mandates_of;  // by body
  for (const auto& m : plan.mandates) mandates_of[m.body].push_back(&m);
  std::string only_body = scope.body;
  if (!scope.mandate.empty()) {
    const auto m = *store.mandate(scope.mandate);
    if (!only_body.empty() && only_body != m.body)
      throw InputError({}, "--mandate", scope.mandate,
                       fmt::format("is a mandate of {}, not of --body {}", m.body, only_body));
    only_body = m.body;
  }

  // Sessions in scope, by (mandate, body).
  std::map<std::string, std::map<std::string, std::vector<Session>>> shown;
  std::set<std::string> shown_sessions, shown_bodies, shown_mandates;
  std::optional<Date> lo, hi;
  const auto widen = [&](Date a, Date b) {
    lo = lo ? std::min(*lo, a) : a;
    hi = hi ? std::max(*hi, b) : b;
  };
  for (const auto& s : plan.sessions) {
    if (!only_body.empty() && s.body != only_body) continue;
    if (!scope.station.empty() && s.station != scope.station) continue;
    const auto mandate = mandate_of(s, mandates_of[s.body]);
    if (!scope.mandate.empty() && mandate != scope.mandate) continue;
    shown[mandate][s.body].push_back(s);
    shown_sessions.insert(fmt::format("{}#{}", s.body, s.number));
    shown_bodies.insert(s.body);
    if (!mandate.empty()) shown_mandates.insert(mandate);
    widen(s.first, s.last);
  }
  // A named body or mandate is shown even without sessions (its deadlines still matter).
  if (!only_body.empty() && scope.station.empty()) {
    shown_bodies.insert(only_body);
    if (!scope.mandate.empty()) shown_mandates.insert(scope.mandate);
    else
      for (const auto* m : mandates_of[only_body]) shown_mandates.insert(m->key);
    if (shown_mandates.empty()) shown[""][only_body];
    for (const auto& k : shown_mandates) shown[k][only_body];
  } else if (only_body.empty() && scope.station.empty()) {
    for (const auto& b : plan.bodies) {
      shown_bodies.insert(b.symbol);
      if (mandates_of[b.symbol].empty()) shown[""][b.symbol];
      for (const auto* m : mandates_of[b.symbol]) {
        shown_mandates.insert(m->key);
        shown[m->key][b.symbol];
      }
    }
  }
  std::vector<const Deadline*> deadlines;
  for (const auto& d : plan.deadlines)
    if (shown_mandates.count(d.mandate)) {
      deadlines.push_back(&d);
      widen(d.date, d.date);
    }

  if (!scope.from && !scope.to && !lo)
    throw InputError({}, "--from", "",
                     "nothing to show: the scope has no sessions or deadlines; give --from and --to");
  const Date from = scope.from ? *scope.from
                               : Date{ymd(*lo - date::days{7}).year() / ymd(*lo - date::days{7}).month() / 1};
  Date to = from;
  if (scope.to) to = *scope.to;
  else if (hi) {
    const auto e = ymd(*hi + date::days{7});
    to = Date{e.year() / e.month() / date::last};
  } else {
    const auto e = ymd(from);
    to = Date{e.year() / e.month() / date::last};
  }
  if (to < from)
    throw InputError({}, scope.to ? "--to" : "--from", to_iso(scope.to ? to : from),
                     fmt::format("leaves nothing to show: the period would be {} to {}",
                                 to_iso(from), to_iso(to)));
  const int y1 = int(ymd(from).year()), y2 = int(ymd(to).year());
  if (y1 < 1900 || y2 > 2199)
    throw InputError({}, y1 < 1900 ? "--from" : "--to", to_iso(y1 < 1900 ? from : to),
                     "is outside the supported years 1900..2199");

  const Calendars calendars(store);
  TimelineInput in;
  in.from = from;
  in.to = to;
  std::string what = "whole plan";
  if (!scope.mandate.empty()) what = "mandate " + scope.mandate;
  else if (!scope.body.empty()) what = scope.body;
  if (!scope.station.empty()) what += " at " + scope.station;
  in.title = fmt::format("gge timeline: {}, {} to {}", what, to_iso(from), to_iso(to));

  // Closure bands: the named station, or the stations of the shown sessions.
  std::set<std::string> stations;
  if (!scope.station.empty()) stations.insert(scope.station);
  for (const auto& [m, bodies] : shown)
    for (const auto& [b, sessions] : bodies)
      for (const auto& s : sessions) stations.insert(s.station);
  for (const auto& st : plan.stations) {
    if (!stations.count(st.code)) continue;
    TimelineStationInput band{st.code, st.name, {}};
    for (const auto& c : calendars.station(st.code).closures_between(from, to))
      band.closures.push_back({st.code, c.observed, c.name, 0, 0});
    in.stations.push_back(std::move(band));
  }

  std::map<std::string, const Body*> body_of;
  for (const auto& b : plan.bodies) body_of[b.symbol] = &b;
  std::map<std::string, const Mandate*> mandate_by_key;
  for (const auto& m : plan.mandates) mandate_by_key[m.key] = &m;
  for (const auto& [mandate, bodies] : shown) {
    if (mandate.empty()) continue;  // "(no mandate)" goes last
    const Mandate& m = *mandate_by_key.at(mandate);
    TimelineGroupInput g{mandate,
                         fmt::format("{} (res. {}, reports to GA {})", mandate, m.resolution,
                                     m.report_to_session),
                         {}, {}};
    for (const auto& [b, sessions] : bodies)
      g.bodies.push_back({b, body_of.at(b)->name, mandate, sessions});
    for (const auto* d : deadlines)
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
  if (auto it = shown.find(""); it != shown.end()) {
    TimelineGroupInput g{"", "(no mandate)", {}, {}};
    for (const auto& [b, sessions] : it->second)
      g.bodies.push_back({b, body_of.at(b)->name, "", sessions});
    in.groups.push_back(std::move(g));
  }

  // GA openings and high-level weeks: session N opens in September of 1945 + N.
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

  CheckFilter filter;
  filter.body = only_body;
  filter.mandate = scope.mandate;
  filter.from = from;
  filter.to = to;
  for (auto& f : check_store(store, filter)) {
    bool keep = f.session == 0 ? shown_bodies.count(f.body) > 0
                               : shown_sessions.count(fmt::format("{}#{}", f.body, f.session)) > 0;
    for (const auto& subj : f.subjects)  // "BODY#N" or "BODY#N 2004-07-12 10:00"
      if (shown_sessions.count(subj.substr(0, subj.find(' ')))) keep = true;
    if (keep) in.findings.push_back(std::move(f));
  }
  return layout_timeline(in);
}

}  // namespace gge
