#include "gge/services/export_ics.hpp"

#include "gge/core/error.hpp"
#include "gge/services/output_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <system_error>
#include <tuple>
#include <utility>

namespace gge {
namespace {

bool day_in(Date d, const IcsScope& s) {
  return (!s.from || d >= *s.from) && (!s.to || d <= *s.to);
}

/// A session is in when any of its days [first, last] (inclusive) is in [from, to].
bool session_in(const Session& x, const IcsScope& s) {
  return (!s.from || x.last >= *s.from) && (!s.to || x.first <= *s.to);
}

/// "2026-11-28T15:17:09Z" (the change log's stamp) to an instant; nullopt when not in that form.
/// By hand: it runs once per exported meeting.
std::optional<Instant> parse_stamp(std::string_view t) {
  if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
      t[16] != ':' || t[19] != 'Z')
    return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t len, int& out) {
    auto r = std::from_chars(t.data() + pos, t.data() + pos + len, out);
    return r.ec == std::errc{} && r.ptr == t.data() + pos + len;
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) ||
      !num(17, 2, s))
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return Instant{Date{ymd}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{s};
}

/// LAST-MODIFIED from the stored stamp of a session or meeting ("" = none); consecutive items
/// usually share a stamp, so the last text and its parse are kept.
class LastModified {
public:
  std::optional<Instant> operator()(std::string_view at) {
    if (at.empty()) return std::nullopt;
    if (at != m_text) {
      m_text.assign(at);
      m_value = parse_stamp(m_text);
    }
    return m_value;
  }

private:
  std::string m_text;
  std::optional<Instant> m_value;
};

/// What a scope selects, resolved against the store.
struct Selection {
  std::string name, description;
  bool all_bodies = false;           // every body (kind all or station)
  std::set<std::string> bodies;      // else these bodies
  std::string station;               // only sessions held at this station ("" = any)
  bool all_deadlines = false;        // every mandate's deadlines
  std::set<std::string> mandates;    // else these mandates' deadlines
};

std::string range_text(const IcsScope& s) {
  if (s.from && s.to) return fmt::format(", from {} to {}", to_iso(*s.from), to_iso(*s.to));
  if (s.from) return fmt::format(", from {}", to_iso(*s.from));
  if (s.to) return fmt::format(", until {}", to_iso(*s.to));
  return {};
}

Selection select(const Store& store, const IcsScope& scope) {
  Selection sel;
  switch (scope.kind) {
    case IcsScope::Kind::all:
      sel.all_bodies = sel.all_deadlines = true;
      sel.name = "gge: all bodies";
      sel.description = "Sessions, meetings and deadlines of every body";
      break;
    case IcsScope::Kind::body: {
      const auto b = store.body(scope.key);
      if (!b) throw InputError({}, "--body", scope.key, "no such body");
      sel.bodies.insert(b->symbol);
      for (const auto& m : store.mandates())
        if (m.body == b->symbol) sel.mandates.insert(m.key);
      sel.name = b->symbol;
      sel.description = fmt::format("Sessions, meetings and deadlines of {}",
                                    b->name.empty() ? b->symbol : b->name);
      break;
    }
    case IcsScope::Kind::mandate: {
      const auto m = store.mandate(scope.key);
      if (!m) throw InputError({}, "--mandate", scope.key, "no such mandate");
      sel.bodies.insert(m->body);
      sel.mandates.insert(m->key);
      sel.name = fmt::format("{} (mandate {})", m->body, m->key);
      sel.description = fmt::format("Sessions and meetings of {} and the deadlines of mandate {}",
                                    m->body, m->key);
      if (!m->resolution.empty()) sel.description += fmt::format(" (resolution {})", m->resolution);
      break;
    }
    case IcsScope::Kind::station: {
      const auto st = store.station(scope.key);
      if (!st) throw InputError({}, "--station", scope.key, "no such station");
      sel.all_bodies = true;
      sel.station = st->code;
      sel.name = fmt::format("Meetings at {}", st->name.empty() ? st->code : st->name);
      sel.description = fmt::format("Sessions and meetings of every body at {} ({})",
                                    st->name.empty() ? st->code : st->name, st->code);
      break;
    }
    case IcsScope::Kind::expert: {
      const Expert* found = nullptr;
      const auto experts = store.experts();
      for (const auto& e : experts)
        if (e.key == scope.key) found = &e;
      if (!found) throw InputError({}, "--expert", scope.key, "no such expert");
      for (const auto& m : store.memberships())
        if (m.expert == found->key) sel.bodies.insert(m.body);
      const std::string who = found->name.empty() ? found->key : found->name;
      sel.name = fmt::format("{}: sessions", who);
      sel.description = sel.bodies.empty()
                            ? fmt::format("Sessions and meetings of the bodies {} sits on (none)", who)
                            : fmt::format("Sessions and meetings of the bodies {} sits on: {}", who,
                                          fmt::join(sel.bodies, ", "));
      break;
    }
  }
  sel.description += range_text(scope);
  return sel;
}

}  // namespace

IcsExportResult export_ics(const Store& store, const IcsScope& scope, Instant dtstamp,
                           const IcalSink& sink) {
  if (scope.from && scope.to && *scope.to < *scope.from)
    throw InputError({}, "--to", to_iso(*scope.to), fmt::format("is before --from {}", to_iso(*scope.from)));
  if (scope.alarm_days && *scope.alarm_days < 0)
    throw InputError({}, "--alarm", std::to_string(*scope.alarm_days), "must be 0 or more days");
  // One view of the database for the whole export (and one read lock instead of one per query).
  const Store::Snapshot snapshot(store);
  const Selection sel = select(store, scope);
  const auto body_wanted = [&](const std::string& b) { return sel.all_bodies || sel.bodies.count(b) > 0; };

  // The small tables, held for the whole export.
  std::map<std::string, DutyStation, std::less<>> stations;
  for (auto& st : store.stations()) stations.emplace(st.code, std::move(st));
  std::map<std::string, Body, std::less<>> bodies;
  for (auto& b : store.bodies()) bodies.emplace(b.symbol, std::move(b));
  std::map<std::string, Resolution, std::less<>> resolutions;
  for (auto& r : store.resolutions()) resolutions.emplace(r.symbol, std::move(r));
  std::map<std::string, Mandate, std::less<>> mandates;        // by key
  std::map<std::string, const Mandate*, std::less<>> body_mandate;  // a body's first mandate by key
  for (auto& m : store.mandates()) mandates.emplace(m.key, std::move(m));
  for (const auto& [key, m] : mandates) body_mandate.emplace(m.body, &m);
  const auto find = [](const auto& map, const std::string& key) -> const auto* {
    auto it = map.find(key);
    using Value = std::remove_reference_t<decltype(it->second)>;
    return it == map.end() ? static_cast<const Value*>(nullptr) : &it->second;
  };

  // Sessions of the scope (small: held), by (body, number) for the meetings' lookups.
  std::vector<Session> sessions;
  for (auto& s : store.sessions())
    if (body_wanted(s.body) && (sel.station.empty() || s.station == sel.station) && session_in(s, scope))
      sessions.push_back(std::move(s));
  std::map<std::pair<std::string, int>, std::size_t> session_index;
  for (std::size_t i = 0; i < sessions.size(); ++i)
    session_index.emplace(std::pair{sessions[i].body, sessions[i].number}, i);
  std::vector<Deadline> deadlines;
  for (auto& d : store.deadlines())
    if ((sel.all_deadlines || sel.mandates.count(d.mandate)) && day_in(d.date, scope))
      deadlines.push_back(std::move(d));
  std::sort(deadlines.begin(), deadlines.end(), [](const Deadline& a, const Deadline& b) {
    return std::tie(a.date, a.mandate, a.kind) < std::tie(b.date, b.mandate, b.kind);
  });

  // Walks the scope's meetings in store order (body, session, date, start), one row at a time,
  // calling fn(meeting, its stored LAST-MODIFIED text, session index) for those in scope.
  const auto walk_meetings = [&](const auto& fn) {
    std::string cached_body;
    int cached_number = -1;
    std::optional<std::size_t> cached;
    const auto visit = [&](const Meeting& m, std::string_view modified) {
      if (!day_in(m.date, scope)) return;
      if (m.session != cached_number || m.body != cached_body) {
        cached_body = m.body;
        cached_number = m.session;
        auto it = session_index.find(std::pair{m.body, m.session});
        cached = it == session_index.end() ? std::nullopt : std::optional{it->second};
      }
      if (cached) fn(m, modified, *cached);
    };
    if (sel.all_bodies) store.for_each_meeting(visit);
    else
      for (const auto& b : sel.bodies) store.for_each_meeting(visit, b);
  };

  // The zones the calendar declares: exactly those its timed events use (the writer needs them
  // before the first event). Candidates are the zones of the sessions' stations; a first walk
  // over the meetings confirms them and stops as soon as every candidate has a meeting, which
  // is at once in the usual case, so the meetings are read twice only when a zone has none.
  std::vector<const DutyStation*> session_station(sessions.size());
  std::set<std::string> candidates, zones;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const Session& s = sessions[i];
    session_station[i] = find(stations, s.station);
    if (!session_station[i])
      throw StorageError(fmt::format("session {}#{}: station {} is missing", s.body, s.number, s.station));
    candidates.insert(session_station[i]->zone);
  }
  LastModified last_modified;
  struct AllZonesSeen {};
  try {
    if (!candidates.empty())
      walk_meetings([&](const Meeting&, std::string_view, std::size_t i) {
        zones.insert(session_station[i]->zone);
        if (zones.size() == candidates.size()) throw AllZonesSeen{};
      });
  } catch (const AllZonesSeen&) {
  }
  // Meetings deleted from the scope's sessions (read before the calendar begins: their zones
  // and days count too).
  std::vector<std::pair<RemovedMeeting, std::size_t>> removed;  // with its session's index
  const auto removed_of = [&](const std::string& body) {
    for (auto& r : store.removed_meetings(body)) {
      const auto it = session_index.find(std::pair{r.meeting.body, r.meeting.session});
      if (it == session_index.end() || !day_in(r.meeting.date, scope)) continue;
      zones.insert(session_station[it->second]->zone);
      removed.emplace_back(std::move(r), it->second);
    }
  };
  if (!sessions.empty()) {
    if (sel.all_bodies) removed_of({});
    else
      for (const auto& b : sel.bodies) removed_of(b);
  }
  std::vector<std::optional<Instant>> session_modified;
  for (const auto& s : sessions) session_modified.push_back(last_modified(store.last_modified(s.uid).value_or("")));
  std::optional<Date> first, last;
  const auto widen = [&](Date a, Date b) {
    if (!first || a < *first) first = a;
    if (!last || b > *last) last = b;
  };
  std::vector<IcalSession> session_items;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const Session& s = sessions[i];
    const DutyStation* st = session_station[i];
    widen(s.first, s.last);
    const auto bm = body_mandate.find(s.body);
    const Mandate* m = bm == body_mandate.end() ? nullptr : bm->second;
    session_items.push_back({&s, st, find(bodies, s.body), m,
                             m ? find(resolutions, m->resolution) : nullptr, session_modified[i]});
  }
  std::sort(session_items.begin(), session_items.end(), [](const IcalSession& a, const IcalSession& b) {
    const Session &x = *a.session, &y = *b.session;
    return std::tie(x.first, x.body, x.number) < std::tie(y.first, y.body, y.number);
  });
  for (const auto& d : deadlines) widen(d.date, d.date);
  for (const auto& [r, i] : removed) widen(r.meeting.date, r.meeting.date);

  IcalOptions options;
  options.name = sel.name;
  options.description = sel.description;
  options.dtstamp = dtstamp;
  options.deadline_alarm_days = scope.alarm_days;
  IcsExportResult result;
  result.name = sel.name;
  IcalWriter writer(sink, options);
  const std::vector<std::string> zone_list(zones.begin(), zones.end());
  writer.begin(zone_list, first.value_or(Date{}), last.value_or(Date{}));
  for (const auto& item : session_items) writer.write(item);
  result.sessions = session_items.size();
  if (!sessions.empty())
    walk_meetings([&](const Meeting& m, std::string_view modified, std::size_t i) {
      const Session& s = sessions[i];
      writer.write(IcalMeeting{&m, &s, session_station[i],
                               find(bodies, s.body), last_modified(modified)});
      ++result.meetings;
    });
  // Meetings deleted from sessions in scope: cancelled, so that calendars which have them drop
  // them (a feed that merely left them out would not reach an imported copy).
  for (const auto& [r, i] : removed) {
    const Session& s = sessions[i];
    writer.write(IcalMeeting{&r.meeting, &s, session_station[i], find(bodies, s.body),
                             last_modified(r.removed_at), true});
  }
  result.removed_meetings = removed.size();
  for (const auto& d : deadlines) writer.write(IcalDeadline{&d, find(mandates, d.mandate), std::nullopt});
  result.deadlines = deadlines.size();
  writer.finish();
  return result;
}

IcsExportResult export_ics_to_file(const Store& store, const IcsScope& scope, Instant dtstamp,
                                   const std::filesystem::path& path, std::string_view field) {
  // Refuse a bad scope before a file is opened at all.
  (void)select(store, scope);
  AtomicFile out(path, field);
  auto result = export_ics(store, scope, dtstamp, [&](std::string_view chunk) { out.write(chunk); });
  out.commit();
  return result;
}

Instant dtstamp_from_env() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env)
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string_view text{env};
  long long seconds = -1;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), seconds);
  constexpr long long k_year_9999_end = 253402300799;  // 9999-12-31T23:59:59Z
  if (r.ec != std::errc{} || r.ptr != text.data() + text.size() || seconds < 0 ||
      seconds > k_year_9999_end || text.front() == '+')
    throw InputError({}, "SOURCE_DATE_EPOCH", std::string{text},
                     "expected whole seconds since 1970-01-01T00:00:00Z, e.g. 1100000000");
  return Instant{std::chrono::seconds{seconds}};
}

int parse_alarm_days(std::string_view text, std::string_view field) {
  int count = -1;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), count);
  const std::string_view unit{r.ptr, static_cast<std::size_t>(text.data() + text.size() - r.ptr)};
  const bool ok = r.ec == std::errc{} && r.ptr != text.data() && count >= 0 && (unit == "d" || unit == "w");
  const long long days = ok ? (unit == "w" ? 7LL * count : count) : -1;
  if (!ok || days > 365)
    throw InputError({}, std::string{field}, std::string{text},
                     "expected days before each deadline, 0..365, as 7d or 1w");
  return static_cast<int>(days);
}

}  // namespace gge
