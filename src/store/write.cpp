// Writing model values. Each write validates the value (readable InputError), then runs one
// prepared statement; when SQLite refuses it (a constraint), the row is diagnosed with a few
// lookups so the error names the field and value. The triggers of the schema write the change
// log and raise revisions.
#include "gge/model/uid.hpp"
#include "gge/model/validate.hpp"
#include "store/impl.hpp"

#include <fmt/format.h>

namespace gge {
namespace {

using detail::bind_date;
using detail::bind_text_or_null;

[[noreturn]] void refuse(std::string field, std::string value, std::string problem) {
  throw InputError({}, std::move(field), std::move(value), std::move(problem));
}

bool exists(Store::Impl& impl, const char* sql, const std::string& a, const std::string& b = {},
            const std::string& c = {}) {
  auto q = impl.query(sql);
  const int n = q->getBindParameterCount();
  q->bind(1, a);
  if (n >= 2) q->bind(2, b);
  if (n >= 3) q->bind(3, c);
  return q->executeStep();
}

bool has_station(Store::Impl& impl, const std::string& code) {
  return exists(impl, "SELECT 1 FROM station WHERE code = ?1", code);
}
bool has_body(Store::Impl& impl, const std::string& symbol) {
  return exists(impl, "SELECT 1 FROM body WHERE symbol = ?1", symbol);
}
bool has_room(Store::Impl& impl, const std::string& station, const std::string& name) {
  return exists(impl, "SELECT 1 FROM room WHERE station = ?1 AND name = ?2", station, name);
}

void require_station(Store::Impl& impl, const std::string& code, std::string_view field) {
  if (!has_station(impl, code)) refuse(std::string{field}, code, "no such station");
}
void require_body(Store::Impl& impl, const std::string& symbol, std::string_view field) {
  if (!has_body(impl, symbol)) refuse(std::string{field}, symbol, "no such body");
}
void require_room(Store::Impl& impl, const std::string& station, const std::string& room,
                  std::string_view field) {
  if (!room.empty() && !has_room(impl, station, room))
    refuse(std::string{field}, room, fmt::format("no room {} at station {}", room, station));
}

// Runs the prepared write; on a SQLite failure calls `diagnose` (which throws a readable
// InputError when it finds the cause), else reports what SQLite said.
template <class Diagnose>
void run(Store::Impl& impl, Store::Impl::Query& q, std::string_view what, Diagnose&& diagnose) {
  try {
    q->exec();
    return;
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    const std::string message = e.what();
    q->tryReset();
    if (code == SQLITE_CONSTRAINT) {
      diagnose();
      refuse(std::string{what}, "", "breaks a rule of the database: " + message);
    }
    throw StorageError(fmt::format("{}: cannot write {}: {}", impl.path, what, message));
  }
}

struct SessionSpan {
  Date first, last;
  std::string station;
};

std::optional<SessionSpan> session_span(Store::Impl& impl, const std::string& body, int number) {
  auto q = impl.query("SELECT first, last, station FROM session WHERE body = ?1 AND number = ?2");
  q->bind(1, body);
  q->bind(2, number);
  if (!q->executeStep()) return std::nullopt;
  return SessionSpan{detail::date_from_db(q->getColumn(0).getString()),
                     detail::date_from_db(q->getColumn(1).getString()), q->getColumn(2).getString()};
}

// Checks a meeting against its session: the session exists, holds the day, has the room.
void check_meeting_place(Store::Impl& impl, const Meeting& m) {
  const auto span = session_span(impl, m.body, m.session);
  if (!span) {
    require_body(impl, m.body, "meeting.body");
    refuse("meeting.session", detail::session_key(m.body, m.session),
           fmt::format("body {} has no session {}", m.body, m.session));
  }
  if (m.date < span->first || m.date > span->last)
    refuse("meeting.date", to_iso(m.date),
           fmt::format("outside session {} ({} to {})", detail::session_key(m.body, m.session),
                       to_iso(span->first), to_iso(span->last)));
  require_room(impl, span->station, m.room, "meeting.room");
}

// A UID is taken while a row holds it, and for ever once a row that held it was deleted (an
// export announces that row as cancelled under it).
bool uid_taken(Store::Impl& impl, const std::string& uid) {
  return exists(impl,
                "SELECT 1 FROM session WHERE uid = ?1 UNION ALL SELECT 1 FROM meeting WHERE uid = ?1 "
                "UNION ALL SELECT 1 FROM change_log WHERE action = 'delete' AND uid = ?1 AND uid IS NOT NULL",
                uid);
}

// The first free UID for the row (see make_uid: a later salt when a moved row's old key is
// reused by a new one).
std::string new_uid(Store::Impl& impl, std::string_view kind, const std::string& key) {
  for (unsigned salt = 0;; ++salt) {
    std::string uid = make_uid(kind, key, salt);
    if (!uid_taken(impl, uid)) return uid;
  }
}

// Binds a session's columns as ?1..?9: body, number, first, last, station, room, status, uid,
// revision (the column order of every session INSERT here).
void bind_session(SQLite::Statement& q, const Session& v, const std::string& uid) {
  q.bind(1, v.body);
  q.bind(2, v.number);
  bind_date(q, 3, v.first);
  bind_date(q, 4, v.last);
  q.bind(5, v.station);
  bind_text_or_null(q, 6, v.room);
  q.bind(7, std::string{to_string(v.status)});
  q.bind(8, uid);
  q.bind(9, v.revision);
}

// Binds a meeting's columns as ?1..?10: body, session, date, start, end (local minutes), room,
// kind ("plenary" when empty), number, uid, revision.
void bind_meeting(SQLite::Statement& q, const Meeting& v, const std::string& uid) {
  q.bind(1, v.body);
  q.bind(2, v.session);
  bind_date(q, 3, v.date);
  q.bind(4, static_cast<int>(v.start.count()));
  q.bind(5, static_cast<int>(v.end.count()));
  bind_text_or_null(q, 6, v.room);
  q.bind(7, v.kind.empty() ? std::string{"plenary"} : v.kind);
  q.bind(8, v.number);
  q.bind(9, uid);
  q.bind(10, v.revision);
}

template <class T>
void check_replaced_owner(const std::vector<T>& values, const std::string& owner,
                          std::string T::*member, std::string_view field) {
  for (const auto& v : values)
    if (v.*member != owner)
      refuse(std::string{field}, v.*member, fmt::format("expected {} here", owner));
}

}  // namespace

void Store::add(const DutyStation& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query("INSERT INTO station (code, name, zone, hours_from, hours_to) VALUES (?1, ?2, ?3, ?4, ?5)");
  q->bind(1, v.code);
  q->bind(2, v.name);
  q->bind(3, v.zone);
  q->bind(4, static_cast<int>(v.hours_from.count()));
  q->bind(5, static_cast<int>(v.hours_to.count()));
  run(impl, q, "station", [&] {
    if (has_station(impl, v.code))
      refuse("station.code", v.code, fmt::format("a station {} already exists", v.code));
  });
}

void Store::add(const Room& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query("INSERT INTO room (station, name, capacity) VALUES (?1, ?2, ?3)");
  q->bind(1, v.station);
  q->bind(2, v.name);
  q->bind(3, v.capacity);
  run(impl, q, "room", [&] {
    require_station(impl, v.station, "room.station");
    if (has_room(impl, v.station, v.name))
      refuse("room.name", v.name, fmt::format("station {} already has a room {}", v.station, v.name));
  });
}

void Store::add(const Body& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query("INSERT INTO body (symbol, name, kind, members, min_gap_days) VALUES (?1, ?2, ?3, ?4, ?5)");
  q->bind(1, v.symbol);
  q->bind(2, v.name);
  q->bind(3, std::string{to_string(v.kind)});
  q->bind(4, v.members);
  q->bind(5, v.min_gap_days);
  run(impl, q, "body", [&] {
    if (has_body(impl, v.symbol))
      refuse("body.symbol", v.symbol, fmt::format("a body {} already exists", v.symbol));
  });
}

void Store::add(const Expert& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query("INSERT INTO expert (key, name, country) VALUES (?1, ?2, ?3)");
  q->bind(1, v.key);
  q->bind(2, v.name);
  q->bind(3, v.country);
  run(impl, q, "expert", [&] {
    if (exists(impl, "SELECT 1 FROM expert WHERE key = ?1", v.key))
      refuse("expert.key", v.key, fmt::format("an expert {} already exists", v.key));
  });
}

void Store::add(const Membership& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query("INSERT INTO membership (expert, body, role) VALUES (?1, ?2, ?3)");
  q->bind(1, v.expert);
  q->bind(2, v.body);
  q->bind(3, v.role);
  run(impl, q, "membership", [&] {
    if (!exists(impl, "SELECT 1 FROM expert WHERE key = ?1", v.expert))
      refuse("membership.expert", v.expert, "no such expert");
    require_body(impl, v.body, "membership.body");
    if (exists(impl, "SELECT 1 FROM membership WHERE expert = ?1 AND body = ?2", v.expert, v.body))
      refuse("membership.body", v.body,
             fmt::format("expert {} already sits on body {}", v.expert, v.body));
  });
}

void Store::add(const Resolution& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query("INSERT INTO resolution (symbol, adopted, ga_session, title, agenda_item) VALUES (?1, ?2, ?3, ?4, ?5)");
  q->bind(1, v.symbol);
  bind_date(*q, 2, v.adopted);
  q->bind(3, v.ga_session);
  q->bind(4, v.title);
  q->bind(5, v.agenda_item);
  run(impl, q, "resolution", [&] {
    if (exists(impl, "SELECT 1 FROM resolution WHERE symbol = ?1", v.symbol))
      refuse("resolution.symbol", v.symbol, fmt::format("a resolution {} already exists", v.symbol));
  });
}

void Store::add(const Mandate& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query(
      "INSERT INTO mandate (key, body, resolution, start, report_to_session, sessions_entitled, "
      "days_entitled, notes, consider_on, submission_weeks, distribution_weeks, "
      "adoption_working_days, member_states_by) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  q->bind(1, v.key);
  q->bind(2, v.body);
  q->bind(3, v.resolution);
  bind_date(*q, 4, v.start);
  q->bind(5, v.report_to_session);
  q->bind(6, v.sessions_entitled);
  q->bind(7, v.days_entitled);
  q->bind(8, v.notes);
  const auto opt_date = [&](int i, const std::optional<Date>& d) {
    if (d) bind_date(*q, i, *d);
    else q->bind(i);
  };
  const auto opt_int = [&](int i, const std::optional<int>& n) {
    if (n) q->bind(i, *n);
    else q->bind(i);
  };
  opt_date(9, v.consider_on);
  opt_int(10, v.submission_weeks);
  opt_int(11, v.distribution_weeks);
  opt_int(12, v.adoption_working_days);
  opt_date(13, v.member_states_by);
  run(impl, q, "mandate", [&] {
    require_body(impl, v.body, "mandate.body");
    if (!exists(impl, "SELECT 1 FROM resolution WHERE symbol = ?1", v.resolution))
      refuse("mandate.resolution", v.resolution, "no such resolution");
    if (exists(impl, "SELECT 1 FROM mandate WHERE key = ?1", v.key))
      refuse("mandate.key", v.key, fmt::format("a mandate {} already exists", v.key));
  });
}

void Store::add(const Deadline& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  check_key(v.mandate, "deadline.mandate", {});
  if (v.kind.empty()) refuse("deadline.kind", v.kind, "must not be empty");
  check_text(v.kind, "deadline.kind", {}, 100);
  check_text(v.source, "deadline.source", {}, 2000);
  impl.sync_clock();
  auto q = impl.query(
      "INSERT INTO deadline (mandate, kind, date, source) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (mandate, kind) DO UPDATE SET date = excluded.date, source = excluded.source");
  q->bind(1, v.mandate);
  q->bind(2, v.kind);
  bind_date(*q, 3, v.date);
  q->bind(4, v.source);
  run(impl, q, "deadline", [&] {
    if (!exists(impl, "SELECT 1 FROM mandate WHERE key = ?1", v.mandate))
      refuse("deadline.mandate", v.mandate, "no such mandate");
  });
}

void Store::add(const Session& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  const std::string key = detail::session_key(v.body, v.number);
  const std::string uid = v.uid.empty() ? new_uid(impl, "session", key) : v.uid;
  auto q = impl.query(
      "INSERT INTO session (body, number, first, last, station, room, status, uid, revision) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  bind_session(*q, v, uid);
  run(impl, q, "session", [&] {
    require_body(impl, v.body, "session.body");
    require_station(impl, v.station, "session.station");
    require_room(impl, v.station, v.room, "session.room");
    if (session_span(impl, v.body, v.number))
      refuse("session.number", std::to_string(v.number),
             fmt::format("body {} already has a session {}", v.body, v.number));
    if (uid_taken(impl, uid)) refuse("session.uid", uid, "already used by another row");
  });
}

void Store::add(const Meeting& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  check_meeting_place(impl, v);
  impl.sync_clock();
  const std::string uid =
      v.uid.empty() ? new_uid(impl, "meeting", detail::meeting_key(v.body, v.session, v.date, v.start))
                    : v.uid;
  auto q = impl.query(
      "INSERT INTO meeting (body, session, date, start, end, room, kind, number, uid, revision) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  bind_meeting(*q, v, uid);
  run(impl, q, "meeting", [&] {
    auto d = impl.query("SELECT 1 FROM meeting WHERE body = ?1 AND session = ?2 AND date = ?3 AND start = ?4");
    d->bind(1, v.body);
    d->bind(2, v.session);
    bind_date(*d, 3, v.date);
    d->bind(4, static_cast<int>(v.start.count()));
    if (d->executeStep())
      refuse("meeting.start", to_hhmm(v.start),
             fmt::format("session {} already has a meeting at {} {}",
                         detail::session_key(v.body, v.session), to_iso(v.date), to_hhmm(v.start)));
    if (uid_taken(impl, uid)) refuse("meeting.uid", uid, "already used by another row");
  });
}

void Store::add(const Holiday& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query(
      "INSERT INTO holiday (station, date, name, status) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (station, date) DO UPDATE SET name = excluded.name, status = excluded.status");
  q->bind(1, v.station);
  bind_date(*q, 2, v.date);
  q->bind(3, v.name);
  q->bind(4, std::string{to_string(v.status)});
  run(impl, q, "holiday", [&] { require_station(impl, v.station, "holiday.station"); });
}

void Store::add(const HolidayRule& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query(
      "INSERT INTO holiday_rule (station, name, kind, month, day, weekday, nth, offset, "
      "hijri_month, hijri_day, from_year, to_year, observance, source) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  q->bind(1, v.station);
  q->bind(2, v.name);
  q->bind(3, std::string{to_string(v.kind)});
  q->bind(4, v.month);
  q->bind(5, v.day);
  q->bind(6, v.weekday);
  q->bind(7, v.nth);
  q->bind(8, v.offset);
  q->bind(9, v.hijri_month);
  q->bind(10, v.hijri_day);
  q->bind(11, v.from_year);
  q->bind(12, v.to_year);
  q->bind(13, std::string{to_string(v.observance)});
  q->bind(14, v.source);
  run(impl, q, "holiday_rule", [&] {
    require_station(impl, v.station, "holiday_rule.station");
    refuse("holiday_rule.name", v.name,
           fmt::format("station {} already has a rule {} from year {}", v.station, v.name,
                       v.from_year));
  });
}

void Store::add(const GaOpening& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query("INSERT INTO ga_opening (session, opening, source) VALUES (?1, ?2, ?3)");
  q->bind(1, v.session);
  bind_date(*q, 2, v.opening);
  q->bind(3, v.source);
  run(impl, q, "ga_opening", [&] {
    refuse("ga_opening.session", std::to_string(v.session),
           fmt::format("GA session {} already has a recorded opening", v.session));
  });
}

void Store::add(const Blackout& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  auto q = impl.query(
      "INSERT INTO blackout (station, first, last, reason, severity) VALUES (?1, ?2, ?3, ?4, ?5)");
  bind_text_or_null(*q, 1, v.station);
  bind_date(*q, 2, v.first);
  bind_date(*q, 3, v.last);
  q->bind(4, v.reason);
  q->bind(5, std::string{to_string(v.severity)});
  run(impl, q, "blackout", [&] {
    if (!v.station.empty()) require_station(impl, v.station, "blackout.station");
    refuse("blackout.reason", v.reason,
           fmt::format("a blackout from {} at {} with this reason already exists", to_iso(v.first),
                       v.station.empty() ? "every station" : v.station));
  });
}

namespace {

// Thrown by the bulk path when SQLite refuses a row: the caller redoes the load row by row,
// which finds the first bad row and names it.
struct RedoRowByRow {};

// Turns this connection's triggers off while it lives (SQLITE_DBCONFIG_ENABLE_TRIGGER; the
// change expires prepared statements, which SQLite recompiles on their next use).
class TriggersOff {
public:
  explicit TriggersOff(Store::Impl& impl) : m_db(impl.db.getHandle()) { set(0); }
  TriggersOff(const TriggersOff&) = delete;
  TriggersOff& operator=(const TriggersOff&) = delete;
  ~TriggersOff() { set(1); }

private:
  void set(int on) { sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, on, nullptr); }
  sqlite3* m_db;
};

// The bulk path for sessions and meetings. The rows go straight into their tables with the
// triggers off: a per-row trigger program (even one whose WHEN is false) and the statement
// journal it forces were most of the cost of a load (bench_load). What the triggers would have
// done is done here for the whole set: the `modified` stamp in the INSERT, and the change log
// written afterwards with one INSERT ... SELECT per table from the same *_log_row views the
// triggers' JSON matches. Any refused row throws RedoRowByRow.
void bulk_sessions_and_meetings(Store::Impl& impl, const Scenario& s) {
  const auto max_id = [&](const char* sql) { return impl.db.execAndGet(sql).getInt64(); };
  const auto log_since = [&](const char* table, std::int64_t after_id) {
    SQLite::Statement log(impl.db, fmt::format(
        "INSERT INTO main.change_log (at, table_name, action, key, uid, before, after) "
        "SELECT (SELECT now FROM main.clock WHERE id = 1), '{0}', 'insert', key, uid, NULL, row "
        "FROM main.{0}_log_row WHERE id > ?1 ORDER BY id", table));
    log.bind(1, after_id);
    log.exec();
  };
  try {
    const std::int64_t sessions_before = max_id("SELECT ifnull(max(id), 0) FROM main.session");
    const std::int64_t meetings_before = max_id("SELECT ifnull(max(id), 0) FROM main.meeting");
    {
      TriggersOff off(impl);
      SQLite::Statement q(impl.db,
          "INSERT INTO main.session (body, number, first, last, station, room, status, uid, "
          "revision, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
      q.bind(10, impl.clock_written);
      for (const auto& v : s.sessions) {
        validate(v);
        bind_session(q, v, v.uid.empty() ? make_uid("session", detail::session_key(v.body, v.number)) : v.uid);
        q.exec();
        q.reset();
      }
      SQLite::Statement m(impl.db,
          "INSERT INTO main.meeting (body, session, date, start, end, room, kind, number, uid, "
          "revision, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
      m.bind(11, impl.clock_written);
      for (const auto& v : s.meetings) {
        validate(v);
        bind_meeting(m, v, v.uid.empty()
                               ? make_uid("meeting", detail::meeting_key(v.body, v.session, v.date, v.start))
                               : v.uid);
        m.exec();
        m.reset();
      }
    }
    // What no constraint says: a meeting lies within its session's days, in a room of its
    // session's station; and no new row takes the UID of a deleted one (see uid_taken).
    SQLite::Statement misplaced(impl.db,
        "SELECT EXISTS (SELECT 1 FROM main.meeting m "
        "JOIN main.session s ON s.body = m.body AND s.number = m.session "
        "WHERE m.id > ?1 AND (m.date < s.first OR m.date > s.last OR (m.room IS NOT NULL AND "
        "NOT EXISTS (SELECT 1 FROM main.room r WHERE r.station = s.station AND r.name = m.room)))) "
        "OR EXISTS (SELECT 1 FROM main.change_log c WHERE c.action = 'delete' AND c.uid IS NOT NULL "
        "AND (c.uid IN (SELECT uid FROM main.meeting WHERE id > ?1) OR "
        "c.uid IN (SELECT uid FROM main.session WHERE id > ?2)))");
    misplaced.bind(1, meetings_before);
    misplaced.bind(2, sessions_before);
    if (misplaced.executeStep() && misplaced.getColumn(0).getInt() != 0) throw RedoRowByRow{};
    log_since("session", sessions_before);
    log_since("meeting", meetings_before);
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() != SQLITE_CONSTRAINT)
      throw StorageError(fmt::format("{}: cannot load sessions and meetings: {}", impl.path, e.what()));
    throw RedoRowByRow{};
  }
}

}  // namespace

void Store::add(const Scenario& s) {
  auto& impl = *m_impl;
  impl.require_writable();
  impl.sync_clock();
  const auto rollback = [&] {
    impl.db.tryExec("ROLLBACK TO gge_add_scenario");
    impl.db.tryExec("RELEASE gge_add_scenario");
  };
  const auto small_tables = [&] {
    for (const auto& v : s.stations) add(v);
    for (const auto& v : s.rooms) add(v);
    for (const auto& v : s.bodies) add(v);
    for (const auto& v : s.experts) add(v);
    for (const auto& v : s.memberships) add(v);
    for (const auto& v : s.resolutions) add(v);
    for (const auto& v : s.mandates) add(v);
    for (const auto& v : s.deadlines) add(v);
    for (const auto& v : s.holidays) add(v);
    for (const auto& v : s.holiday_rules) add(v);
    for (const auto& v : s.ga_openings) add(v);
    for (const auto& v : s.blackouts) add(v);
    for (const auto& v : s.busy_times) add(v);
  };
  detail::storage_guard(impl.path, "cannot begin", [&] { impl.db.exec("SAVEPOINT gge_add_scenario"); });
  try {
    small_tables();
    bulk_sessions_and_meetings(impl, s);
    impl.db.exec("RELEASE gge_add_scenario");
    return;
  } catch (const RedoRowByRow&) {
    // Fall through: the same load row by row names the first bad row (or succeeds, e.g. when
    // a UID needed a salt).
  } catch (...) {
    rollback();
    throw;
  }
  impl.db.tryExec("ROLLBACK TO gge_add_scenario");
  try {
    small_tables();
    for (const auto& v : s.sessions) add(v);
    for (const auto& v : s.meetings) add(v);
    impl.db.exec("RELEASE gge_add_scenario");
  } catch (...) {
    rollback();
    throw;
  }
}

void Store::update(const Session& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  const std::string key = detail::session_key(v.body, v.number);
  if (!session_span(impl, v.body, v.number)) {
    require_body(impl, v.body, "session.body");
    refuse("session", key, fmt::format("body {} has no session {}", v.body, v.number));
  }
  impl.sync_clock();
  auto q = impl.query(
      "UPDATE session SET first = ?3, last = ?4, station = ?5, room = ?6, status = ?7 "
      "WHERE body = ?1 AND number = ?2");
  q->bind(1, v.body);
  q->bind(2, v.number);
  bind_date(*q, 3, v.first);
  bind_date(*q, 4, v.last);
  q->bind(5, v.station);
  bind_text_or_null(*q, 6, v.room);
  q->bind(7, std::string{to_string(v.status)});
  run(impl, q, "session", [&] {
    require_station(impl, v.station, "session.station");
    require_room(impl, v.station, v.room, "session.room");
  });
}

void Store::update(const Meeting& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  Meeting stored;
  {
    auto q = impl.query("SELECT body, session FROM meeting WHERE uid = ?1");
    q->bind(1, v.uid);
    if (!q->executeStep()) refuse("meeting.uid", v.uid, "no such meeting");
    stored.body = q->getColumn(0).getString();
    stored.session = q->getColumn(1).getInt();
  }
  Meeting next = v;
  next.body = stored.body;
  next.session = stored.session;
  validate(next);
  check_meeting_place(impl, next);
  impl.sync_clock();
  auto q = impl.query(
      "UPDATE meeting SET date = ?2, start = ?3, end = ?4, room = ?5, kind = ?6, number = ?7 "
      "WHERE uid = ?1");
  q->bind(1, v.uid);
  bind_date(*q, 2, v.date);
  q->bind(3, static_cast<int>(v.start.count()));
  q->bind(4, static_cast<int>(v.end.count()));
  bind_text_or_null(*q, 5, v.room);
  q->bind(6, v.kind.empty() ? std::string{"plenary"} : v.kind);
  q->bind(7, v.number);
  run(impl, q, "meeting", [&] {
    refuse("meeting.start", to_hhmm(v.start),
           fmt::format("session {} already has a meeting at {} {}",
                       detail::session_key(stored.body, stored.session), to_iso(v.date),
                       to_hhmm(v.start)));
  });
}

void Store::clear_deadlines(const std::string& mandate) {
  auto& impl = *m_impl;
  impl.require_writable();
  impl.sync_clock();
  auto q = impl.query("DELETE FROM deadline WHERE mandate = ?1");
  q->bind(1, mandate);
  run(impl, q, "deadline", [] {});
}

void Store::replace_deadlines(const std::string& mandate, const std::vector<Deadline>& deadlines) {
  auto& impl = *m_impl;
  impl.require_writable();
  if (!exists(impl, "SELECT 1 FROM mandate WHERE key = ?1", mandate))
    refuse("deadline.mandate", mandate, "no such mandate");
  check_replaced_owner(deadlines, mandate, &Deadline::mandate, "deadline.mandate");
  clear_deadlines(mandate);
  for (const auto& d : deadlines) add(d);
}

void Store::replace_holiday_rules(const std::string& station, const std::vector<HolidayRule>& rules) {
  auto& impl = *m_impl;
  impl.require_writable();
  require_station(impl, station, "holiday_rule.station");
  check_replaced_owner(rules, station, &HolidayRule::station, "holiday_rule.station");
  impl.sync_clock();
  auto q = impl.query("DELETE FROM holiday_rule WHERE station = ?1");
  q->bind(1, station);
  run(impl, q, "holiday_rule", [] {});
  for (const auto& r : rules) add(r);
}

std::size_t Store::remove_meetings(const std::string& body, int session, std::optional<Date> date,
                                   std::optional<Minutes> start) {
  auto& impl = *m_impl;
  impl.require_writable();
  impl.sync_clock();
  auto q = impl.query("DELETE FROM meeting WHERE body = ?1 AND session = ?2 AND (?3 IS NULL OR date = ?3) "
                      "AND (?4 IS NULL OR start = ?4)");
  q->bind(1, body);
  q->bind(2, session);
  if (date) bind_date(*q, 3, *date);
  else q->bind(3);
  if (start) q->bind(4, static_cast<int>(start->count()));
  else q->bind(4);
  run(impl, q, "meeting", [] {});
  return static_cast<std::size_t>(impl.db.getChanges());
}

}  // namespace gge
