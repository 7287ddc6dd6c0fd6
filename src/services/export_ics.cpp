#include "gge/services/export_ics.hpp"

#include "gge/core/error.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/parse.hpp"
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
      if (!b) throw InputError({}, fields::k_body, scope.key, "no such body");
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
      if (!m) throw InputError({}, fields::k_mandate, scope.key, "no such mandate");
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
      if (!st) throw InputError({}, fields::k_station, scope.key, "no such station");
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
      if (!found) throw InputError({}, fields::k_expert, scope.key, "no such expert");
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

/// One export, phase by phase: the scope's rows are read (`IcsExport` constructor: the small
/// tables, the sessions, the deadlines), the zones and removed meetings found, then everything
/// written in calendar order (`write`). Meetings are streamed from the store, never held.
class IcsExport {
public:
  IcsExport(const Store& store, const IcsScope& scope) : m_store(store), m_scope(scope), m_sel(select(store, scope)) {
    read_tables();
    read_sessions();
    read_deadlines();
    find_zones();
    read_removed();
  }

  IcsExportResult write(Instant dtstamp, const IcalSink& sink) {
    std::optional<Date> first, last;
    const auto widen = [&](Date a, Date b) {
      if (!first || a < *first) first = a;
      if (!last || b > *last) last = b;
    };
    const auto session_items = sessions_to_write();
    for (const auto& s : m_sessions) widen(s.first, s.last);
    for (const auto& d : m_deadlines) widen(d.date, d.date);
    for (const auto& [r, i] : m_removed) widen(r.meeting.date, r.meeting.date);

    IcalOptions options;
    options.name = m_sel.name;
    options.description = m_sel.description;
    options.dtstamp = dtstamp;
    options.deadline_alarm_days = m_scope.alarm_days;
    IcsExportResult result;
    result.name = m_sel.name;
    IcalWriter writer(sink, options);
    const std::vector<std::string> zone_list(m_zones.begin(), m_zones.end());
    writer.begin(zone_list, first.value_or(Date{}), last.value_or(Date{}));
    for (const auto& item : session_items) writer.write(item);
    result.sessions = session_items.size();
    if (!m_sessions.empty())
      walk_meetings([&](const Meeting& m, std::string_view modified, std::size_t i) {
        const Session& s = m_sessions[i];
        writer.write(IcalMeeting{&m, &s, m_session_station[i], find(m_bodies, s.body), m_last_modified(modified)});
        ++result.meetings;
      });
    // Meetings deleted from sessions in scope: cancelled, so that calendars which have them drop
    // them (a feed that merely left them out would not reach an imported copy).
    for (const auto& [r, i] : m_removed) {
      const Session& s = m_sessions[i];
      writer.write(IcalMeeting{&r.meeting, &s, m_session_station[i], find(m_bodies, s.body),
                               m_last_modified(r.removed_at), true});
    }
    result.removed_meetings = m_removed.size();
    for (const auto& d : m_deadlines) writer.write(IcalDeadline{&d, find(m_mandates, d.mandate), std::nullopt});
    result.deadlines = m_deadlines.size();
    writer.finish();
    return result;
  }

private:
  template <class Map>
  static auto find(const Map& map, const std::string& key) -> const typename Map::mapped_type* {
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
  }

  bool body_wanted(const std::string& b) const { return m_sel.all_bodies || m_sel.bodies.count(b) > 0; }

  /// The small tables, held for the whole export.
  void read_tables() {
    for (auto& st : m_store.stations()) m_stations.emplace(st.code, std::move(st));
    for (auto& b : m_store.bodies()) m_bodies.emplace(b.symbol, std::move(b));
    for (auto& r : m_store.resolutions()) m_resolutions.emplace(r.symbol, std::move(r));
    for (auto& m : m_store.mandates()) m_mandates.emplace(m.key, std::move(m));
    for (const auto& [key, m] : m_mandates) m_body_mandates[m.body].push_back(&m);
  }

  /// Sessions of the scope (small: held), indexed by (body, number) for the meetings' lookups,
  /// with their stations; a session whose station is missing is a StorageError.
  void read_sessions() {
    for (auto& s : m_store.sessions())
      if (body_wanted(s.body) && (m_sel.station.empty() || s.station == m_sel.station) && session_in(s, m_scope))
        m_sessions.push_back(std::move(s));
    for (std::size_t i = 0; i < m_sessions.size(); ++i) {
      const Session& s = m_sessions[i];
      m_session_index.emplace(std::pair{s.body, s.number}, i);
      m_session_station.push_back(find(m_stations, s.station));
      if (!m_session_station.back())
        throw StorageError(fmt::format("session {}: station {} is missing", ref_of(s), s.station));
    }
  }

  /// Deadlines of the scope, by (date, mandate, kind).
  void read_deadlines() {
    for (auto& d : m_store.deadlines())
      if ((m_sel.all_deadlines || m_sel.mandates.count(d.mandate)) && day_in(d.date, m_scope))
        m_deadlines.push_back(std::move(d));
    std::sort(m_deadlines.begin(), m_deadlines.end(), [](const Deadline& a, const Deadline& b) {
      return std::tie(a.date, a.mandate, a.kind) < std::tie(b.date, b.mandate, b.kind);
    });
  }

  /// Walks the scope's meetings in store order (body, session, date, start), one row at a time,
  /// calling fn(meeting, its stored LAST-MODIFIED text, session index) for those in scope.
  template <class Fn>
  void walk_meetings(const Fn& fn) const {
    std::string cached_body;
    int cached_number = -1;
    std::optional<std::size_t> cached;
    const auto visit = [&](const Meeting& m, std::string_view modified) {
      if (!day_in(m.date, m_scope)) return;
      if (m.session != cached_number || m.body != cached_body) {
        cached_body = m.body;
        cached_number = m.session;
        auto it = m_session_index.find(std::pair{m.body, m.session});
        cached = it == m_session_index.end() ? std::nullopt : std::optional{it->second};
      }
      if (cached) fn(m, modified, *cached);
    };
    if (m_sel.all_bodies) m_store.for_each_meeting(visit);
    else
      for (const auto& b : m_sel.bodies) m_store.for_each_meeting(visit, b);
  }

  /// The zones the calendar declares: exactly those its timed events use (the writer needs them
  /// before the first event). Candidates are the zones of the sessions' stations; a first walk
  /// over the meetings confirms them and stops as soon as every candidate has a meeting, which
  /// is at once in the usual case, so the meetings are read twice only when a zone has none.
  void find_zones() {
    std::set<std::string> candidates;
    for (const auto* st : m_session_station) candidates.insert(st->zone);
    struct AllZonesSeen {};
    try {
      if (!candidates.empty())
        walk_meetings([&](const Meeting&, std::string_view, std::size_t i) {
          m_zones.insert(m_session_station[i]->zone);
          if (m_zones.size() == candidates.size()) throw AllZonesSeen{};
        });
    } catch (const AllZonesSeen&) {
    }
  }

  /// Meetings deleted from the scope's sessions (read before the calendar begins: their zones
  /// and days count too).
  void read_removed() {
    if (m_sessions.empty()) return;
    const auto removed_of = [&](const std::string& body) {
      for (auto& r : m_store.removed_meetings(body)) {
        const auto it = m_session_index.find(std::pair{r.meeting.body, r.meeting.session});
        if (it == m_session_index.end() || !day_in(r.meeting.date, m_scope)) continue;
        m_zones.insert(m_session_station[it->second]->zone);
        m_removed.emplace_back(std::move(r), it->second);
      }
    };
    if (m_sel.all_bodies) removed_of({});
    else
      for (const auto& b : m_sel.bodies) removed_of(b);
  }

  /// The session events, each with its body, the mandate it falls under and that mandate's
  /// resolution, in calendar order (first day, body, number).
  std::vector<IcalSession> sessions_to_write() {
    std::vector<IcalSession> items;
    for (std::size_t i = 0; i < m_sessions.size(); ++i) {
      const Session& s = m_sessions[i];
      const auto modified = m_last_modified(m_store.last_modified(s.uid).value_or(""));
      const auto bm = m_body_mandates.find(s.body);
      const Mandate* m = bm == m_body_mandates.end() ? nullptr : mandate_of_session(s.first, bm->second);
      items.push_back({&s, m_session_station[i], find(m_bodies, s.body), m,
                       m ? find(m_resolutions, m->resolution) : nullptr, modified});
    }
    std::sort(items.begin(), items.end(), [](const IcalSession& a, const IcalSession& b) {
      const Session &x = *a.session, &y = *b.session;
      return std::tie(x.first, x.body, x.number) < std::tie(y.first, y.body, y.number);
    });
    return items;
  }

  const Store& m_store;
  const IcsScope& m_scope;
  const Selection m_sel;
  std::map<std::string, DutyStation, std::less<>> m_stations;
  std::map<std::string, Body, std::less<>> m_bodies;
  std::map<std::string, Resolution, std::less<>> m_resolutions;
  std::map<std::string, Mandate, std::less<>> m_mandates;                           // by key
  std::map<std::string, std::vector<const Mandate*>, std::less<>> m_body_mandates;  // by body
  std::vector<Session> m_sessions;
  std::map<std::pair<std::string, int>, std::size_t> m_session_index;  // (body, number) -> index
  std::vector<const DutyStation*> m_session_station;                   // per session
  std::vector<Deadline> m_deadlines;
  std::set<std::string> m_zones;
  std::vector<std::pair<RemovedMeeting, std::size_t>> m_removed;  // with its session's index
  LastModified m_last_modified;
};

}  // namespace

IcsExportResult export_ics(const Store& store, const IcsScope& scope, Instant dtstamp,
                           const IcalSink& sink) {
  if (scope.from && scope.to && *scope.to < *scope.from)
    throw InputError({}, fields::k_last_day, to_iso(*scope.to), fmt::format("is before the first day {}", to_iso(*scope.from)));
  if (scope.alarm_days && *scope.alarm_days < 0)
    throw InputError({}, fields::k_alarm_days, std::to_string(*scope.alarm_days), "must be 0 or more days");
  // One view of the database for the whole export (and one read lock instead of one per query).
  const Store::Snapshot snapshot(store);
  return IcsExport(store, scope).write(dtstamp, sink);
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
  return read_source_date_epoch().value_or(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace gge
