// Reading model values back from the database, in the orders store.hpp promises.
#include "store/impl.hpp"
#include "gge/core/parse.hpp"

namespace gge {
namespace {

using detail::date_from_db;
using detail::text;

template <class T, class Row>
std::vector<T> collect(Store::Impl& impl, const char* sql, const std::string& filter, Row&& row) {
  return detail::storage_guard(impl.path, "cannot read", [&] {
    auto q = impl.query(sql);
    if (q->getBindParameterCount() > 0) detail::bind_text_or_null(*q, 1, filter);
    std::vector<T> out;
    while (q->executeStep()) out.push_back(row(*q));
    return out;
  });
}

DutyStation station_row(SQLite::Statement& q) {
  return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
          Minutes{q.getColumn(3).getInt()}, Minutes{q.getColumn(4).getInt()}};
}

Body body_row(SQLite::Statement& q) {
  return {q.getColumn(0).getString(), q.getColumn(1).getString(),
          parse_body_kind(q.getColumn(2).getString()).value_or(BodyKind::other),
          q.getColumn(3).getInt(), q.getColumn(4).getInt()};
}

std::optional<Date> opt_date(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return date_from_db(c.getString());
}
std::optional<int> opt_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt();
}

Mandate mandate_row(SQLite::Statement& q) {
  Mandate m;
  m.key = q.getColumn(0).getString();
  m.body = q.getColumn(1).getString();
  m.resolution = q.getColumn(2).getString();
  m.start = date_from_db(q.getColumn(3).getString());
  m.report_to_session = q.getColumn(4).getInt();
  m.sessions_entitled = q.getColumn(5).getInt();
  m.days_entitled = q.getColumn(6).getInt();
  m.notes = q.getColumn(7).getString();
  m.consider_on = opt_date(q.getColumn(8));
  m.submission_weeks = opt_int(q.getColumn(9));
  m.distribution_weeks = opt_int(q.getColumn(10));
  m.adoption_working_days = opt_int(q.getColumn(11));
  m.member_states_by = opt_date(q.getColumn(12));
  return m;
}

Session session_row(SQLite::Statement& q) {
  return {q.getColumn(0).getString(),
          q.getColumn(1).getInt(),
          date_from_db(q.getColumn(2).getString()),
          date_from_db(q.getColumn(3).getString()),
          q.getColumn(4).getString(),
          text(q.getColumn(5)),
          parse_session_status(q.getColumn(6).getString()).value_or(SessionStatus::planned),
          q.getColumn(7).getString(),
          q.getColumn(8).getInt()};
}

Meeting meeting_row(SQLite::Statement& q) {
  return {q.getColumn(0).getString(),
          q.getColumn(1).getInt(),
          date_from_db(q.getColumn(2).getString()),
          Minutes{q.getColumn(3).getInt()},
          Minutes{q.getColumn(4).getInt()},
          text(q.getColumn(5)),
          q.getColumn(6).getString(),
          q.getColumn(7).getInt(),
          q.getColumn(8).getString(),
          q.getColumn(9).getInt()};
}

HolidayRule rule_row(SQLite::Statement& q) {
  HolidayRule r;
  r.station = q.getColumn(0).getString();
  r.name = q.getColumn(1).getString();
  r.kind = parse_holiday_rule_kind(q.getColumn(2).getString()).value_or(HolidayRuleKind::fixed);
  r.month = q.getColumn(3).getInt();
  r.day = q.getColumn(4).getInt();
  r.weekday = q.getColumn(5).getInt();
  r.nth = q.getColumn(6).getInt();
  r.offset = q.getColumn(7).getInt();
  r.hijri_month = q.getColumn(8).getInt();
  r.hijri_day = q.getColumn(9).getInt();
  r.from_year = q.getColumn(10).getInt();
  r.to_year = q.getColumn(11).getInt();
  r.observance = parse_observance(q.getColumn(12).getString()).value_or(Observance::none);
  r.source = q.getColumn(13).getString();
  return r;
}

#define GGE_STATION_COLS "SELECT code, name, zone, hours_from, hours_to FROM station"
#define GGE_BODY_COLS "SELECT symbol, name, kind, members, min_gap_days FROM body"
#define GGE_MANDATE_COLS                                                                  \
  "SELECT key, body, resolution, start, report_to_session, sessions_entitled, days_entitled, " \
  "notes, consider_on, submission_weeks, distribution_weeks, adoption_working_days, "     \
  "member_states_by FROM mandate"
#define GGE_SESSION_COLS \
  "SELECT body, number, first, last, station, room, status, uid, revision FROM session"
#define GGE_MEETING_COLS \
  "SELECT body, session, date, start, end, room, kind, number, uid, revision FROM meeting"

}  // namespace

std::vector<DutyStation> Store::stations() const {
  return collect<DutyStation>(*m_impl, GGE_STATION_COLS " ORDER BY code", {}, station_row);
}

std::vector<Room> Store::rooms(const std::string& station) const {
  return collect<Room>(*m_impl,
                       "SELECT station, name, capacity FROM room WHERE ?1 IS NULL OR station = ?1 "
                       "ORDER BY station, name",
                       station, [](SQLite::Statement& q) {
                         return Room{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                     q.getColumn(2).getInt()};
                       });
}

std::vector<Body> Store::bodies() const {
  return collect<Body>(*m_impl, GGE_BODY_COLS " ORDER BY symbol", {}, body_row);
}

std::vector<Expert> Store::experts() const {
  return collect<Expert>(*m_impl, "SELECT key, name, country FROM expert ORDER BY key", {},
                         [](SQLite::Statement& q) {
                           return Expert{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                         q.getColumn(2).getString()};
                         });
}

std::vector<Membership> Store::memberships() const {
  return collect<Membership>(*m_impl,
                             "SELECT expert, body, role FROM membership ORDER BY expert, body", {},
                             [](SQLite::Statement& q) {
                               return Membership{q.getColumn(0).getString(),
                                                 q.getColumn(1).getString(),
                                                 q.getColumn(2).getString()};
                             });
}

std::vector<Resolution> Store::resolutions() const {
  return collect<Resolution>(
      *m_impl, "SELECT symbol, adopted, ga_session, title, agenda_item FROM resolution ORDER BY symbol",
      {}, [](SQLite::Statement& q) {
        return Resolution{q.getColumn(0).getString(), date_from_db(q.getColumn(1).getString()),
                          q.getColumn(2).getInt(), q.getColumn(3).getString(),
                          q.getColumn(4).getString()};
      });
}

std::vector<Mandate> Store::mandates() const {
  return collect<Mandate>(*m_impl, GGE_MANDATE_COLS " ORDER BY key", {}, mandate_row);
}

std::vector<Deadline> Store::deadlines(const std::string& mandate) const {
  return collect<Deadline>(*m_impl,
                           "SELECT mandate, kind, date, source FROM deadline "
                           "WHERE ?1 IS NULL OR mandate = ?1 ORDER BY mandate, kind",
                           mandate, [](SQLite::Statement& q) {
                             return Deadline{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                             date_from_db(q.getColumn(2).getString()),
                                             q.getColumn(3).getString()};
                           });
}

std::vector<Session> Store::sessions(const std::string& body) const {
  return collect<Session>(*m_impl,
                          GGE_SESSION_COLS " WHERE ?1 IS NULL OR body = ?1 ORDER BY body, number",
                          body, session_row);
}

std::vector<Meeting> Store::meetings(const std::string& body, int session) const {
  return detail::storage_guard(m_impl->path, "cannot read", [&] {
    auto q = m_impl->query(GGE_MEETING_COLS
                           " WHERE (?1 IS NULL OR body = ?1) AND (?2 = 0 OR session = ?2)"
                           " ORDER BY body, session, date, start");
    detail::bind_text_or_null(*q, 1, body);
    q->bind(2, session);
    std::vector<Meeting> out;
    while (q->executeStep()) out.push_back(meeting_row(*q));
    return out;
  });
}

void Store::for_each_meeting(const std::function<void(const Meeting&, std::string_view)>& fn,
                             const std::string& body) const {
  // A statement of its own (not the cache): `fn` may read this store meanwhile. The column
  // list is GGE_MEETING_COLS's with `modified` after it (column 10).
  std::optional<SQLite::Statement> q;
  detail::storage_guard(m_impl->path, "cannot read", [&] {
    q.emplace(m_impl->db,
              "SELECT body, session, date, start, end, room, kind, number, uid, revision, modified "
              "FROM meeting WHERE ?1 IS NULL OR body = ?1 ORDER BY body, session, date, start");
    detail::bind_text_or_null(*q, 1, body);
  });
  while (detail::storage_guard(m_impl->path, "cannot read", [&] { return q->executeStep(); })) {
    const Meeting m = meeting_row(*q);
    const auto& modified = q->getColumn(10);
    const char* text = modified.getText();  // before getBytes, as sqlite3_column_bytes asks
    fn(m, std::string_view{text, static_cast<std::size_t>(modified.getBytes())});
  }
}

std::vector<Holiday> Store::holidays(const std::string& station) const {
  return collect<Holiday>(*m_impl,
                          "SELECT station, date, name, status FROM holiday "
                          "WHERE ?1 IS NULL OR station = ?1 ORDER BY station, date",
                          station, [](SQLite::Statement& q) {
                            return Holiday{q.getColumn(0).getString(),
                                           date_from_db(q.getColumn(1).getString()),
                                           q.getColumn(2).getString(),
                                           parse_holiday_status(q.getColumn(3).getString())
                                               .value_or(HolidayStatus::confirmed)};
                          });
}

std::vector<HolidayRule> Store::holiday_rules(const std::string& station) const {
  return collect<HolidayRule>(
      *m_impl,
      "SELECT station, name, kind, month, day, weekday, nth, offset, hijri_month, hijri_day, "
      "from_year, to_year, observance, source FROM holiday_rule "
      "WHERE ?1 IS NULL OR station = ?1 ORDER BY station, name, from_year",
      station, rule_row);
}

std::vector<GaOpening> Store::ga_openings() const {
  return collect<GaOpening>(*m_impl,
                            "SELECT session, opening, source FROM ga_opening ORDER BY session", {},
                            [](SQLite::Statement& q) {
                              return GaOpening{q.getColumn(0).getInt(),
                                               date_from_db(q.getColumn(1).getString()),
                                               q.getColumn(2).getString()};
                            });
}

std::vector<Blackout> Store::blackouts() const {
  return collect<Blackout>(
      *m_impl,
      "SELECT ifnull(station, ''), first, last, reason, severity FROM blackout "
      "ORDER BY ifnull(station, ''), first, reason",
      {}, [](SQLite::Statement& q) {
        return Blackout{q.getColumn(0).getString(), date_from_db(q.getColumn(1).getString()),
                        date_from_db(q.getColumn(2).getString()), q.getColumn(3).getString(),
                        parse_severity(q.getColumn(4).getString()).value_or(Severity::error)};
      });
}

std::vector<Change> Store::changes(std::size_t limit, const ChangeFilter& filter) const {
  return detail::storage_guard(m_impl->path, "cannot read the change log", [&] {
    // The newest `limit` selected rows, shown oldest first. A key is selected when it is the
    // filter's key or continues it after " " or "#" (substr, not LIKE: keys may hold _ or %).
    auto q = m_impl->query(
        "SELECT id, at, table_name, action, key, ifnull(before, ''), ifnull(after, ''), "
        "ifnull(user, '') FROM "
        "(SELECT * FROM change_log WHERE (?2 = '' OR table_name = ?2) AND (?3 = '' OR key = ?3 "
        "OR (substr(key, 1, length(?3)) = ?3 AND substr(key, length(?3) + 1, 1) IN (' ', '#'))) "
        "AND (?4 = '' OR at >= ?4) AND (?5 = '' OR user = ?5) ORDER BY id DESC LIMIT ?1) ORDER BY "
        "id");
    q->bind(1, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    q->bind(2, filter.table);
    q->bind(3, filter.key);
    q->bind(4, filter.since);
    q->bind(5, filter.user);
    std::vector<Change> out;
    while (q->executeStep())
      out.push_back(Change{q->getColumn(0).getInt64(), q->getColumn(1).getString(),
                           q->getColumn(2).getString(), q->getColumn(3).getString(),
                           q->getColumn(4).getString(), q->getColumn(5).getString(),
                           q->getColumn(6).getString(), q->getColumn(7).getString()});
    return out;
  });
}

long long Store::newest_change_id() const {
  return detail::storage_guard(m_impl->path, "cannot read the change log", [&] {
    auto q = m_impl->query("SELECT ifnull(max(id), 0) FROM change_log");
    q->executeStep();
    return static_cast<long long>(q->getColumn(0).getInt64());
  });
}

std::vector<std::string> Store::tables_changed_since(long long id) const {
  return detail::storage_guard(m_impl->path, "cannot read the change log", [&] {
    auto q = m_impl->query("SELECT DISTINCT table_name FROM change_log WHERE id > ?1 ORDER BY 1");
    q->bind(1, static_cast<std::int64_t>(id));
    std::vector<std::string> out;
    while (q->executeStep()) out.push_back(q->getColumn(0).getString());
    return out;
  });
}

std::vector<RemovedMeeting> Store::removed_meetings(const std::string& body) const {
  return detail::storage_guard(m_impl->path, "cannot read the change log", [&] {
    // The newest delete of each meeting UID that no row holds now; times are "HH:MM" in the log.
    auto q = m_impl->query(
        "WITH last AS (SELECT max(id) AS id FROM change_log WHERE action = 'delete' AND "
        "table_name = 'meeting' AND uid IS NOT NULL GROUP BY uid) "
        "SELECT json_extract(c.before, '$.body'), json_extract(c.before, '$.session'), "
        "json_extract(c.before, '$.date'), json_extract(c.before, '$.start'), "
        "json_extract(c.before, '$.end'), json_extract(c.before, '$.room'), "
        "json_extract(c.before, '$.kind'), json_extract(c.before, '$.number'), c.uid, "
        "json_extract(c.before, '$.revision'), c.at FROM last JOIN change_log c ON c.id = last.id "
        "WHERE NOT EXISTS (SELECT 1 FROM meeting m WHERE m.uid = c.uid) AND "
        "NOT EXISTS (SELECT 1 FROM session s WHERE s.uid = c.uid) AND "
        "(?1 = '' OR json_extract(c.before, '$.body') = ?1) ORDER BY 1, 2, 3, 4");
    q->bind(1, body);
    std::vector<RemovedMeeting> out;
    while (q->executeStep()) {
      RemovedMeeting r;
      Meeting& m = r.meeting;
      m.body = q->getColumn(0).getString();
      m.session = q->getColumn(1).getInt();
      m.date = detail::date_from_db(q->getColumn(2).getString());
      m.start = parse_hhmm(q->getColumn(3).getString(), "change_log.before.start");
      m.end = parse_hhmm(q->getColumn(4).getString(), "change_log.before.end");
      m.room = detail::text(q->getColumn(5));
      m.kind = q->getColumn(6).getString();
      m.number = q->getColumn(7).getInt();
      m.uid = q->getColumn(8).getString();
      m.revision = q->getColumn(9).getInt();
      r.removed_at = q->getColumn(10).getString();
      out.push_back(std::move(r));
    }
    return out;
  });
}

std::optional<std::string> Store::last_modified(const std::string& uid) const {
  return detail::storage_guard(m_impl->path, "cannot read", [&] {
    auto q = m_impl->query("SELECT modified FROM session WHERE uid = ?1 UNION ALL "
                           "SELECT modified FROM meeting WHERE uid = ?1");
    q->bind(1, uid);
    std::optional<std::string> at;
    if (q->executeStep() && !q->getColumn(0).getString().empty()) at = q->getColumn(0).getString();
    return at;
  });
}

std::optional<DutyStation> Store::station(const std::string& code) const {
  auto all = collect<DutyStation>(*m_impl, GGE_STATION_COLS " WHERE code = ?1", code, station_row);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::optional<Body> Store::body(const std::string& symbol) const {
  auto all = collect<Body>(*m_impl, GGE_BODY_COLS " WHERE symbol = ?1", symbol, body_row);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::optional<Mandate> Store::mandate(const std::string& key) const {
  auto all = collect<Mandate>(*m_impl, GGE_MANDATE_COLS " WHERE key = ?1", key, mandate_row);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::optional<Session> Store::session(const std::string& body, int number) const {
  return detail::storage_guard(m_impl->path, "cannot read", [&] {
    auto q = m_impl->query(GGE_SESSION_COLS " WHERE body = ?1 AND number = ?2");
    q->bind(1, body);
    q->bind(2, number);
    std::optional<Session> s;
    if (q->executeStep()) s = session_row(*q);
    return s;
  });
}

Scenario Store::scenario() const {
  const Snapshot snapshot(*this);  // the lists are one consistent view
  Scenario s;
  s.stations = stations();
  s.rooms = rooms();
  s.bodies = bodies();
  s.experts = experts();
  s.memberships = memberships();
  s.resolutions = resolutions();
  s.mandates = mandates();
  s.deadlines = deadlines();
  s.sessions = sessions();
  s.meetings = meetings();
  s.holidays = holidays();
  s.holiday_rules = holiday_rules();
  s.ga_openings = ga_openings();
  s.blackouts = blackouts();
  s.busy_times = busy_times();
  return s;
}

}  // namespace gge
