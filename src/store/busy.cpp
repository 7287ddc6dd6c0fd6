// Imported busy time (schema/0006_busy_time.sql): one row per instance of an imported event.
#include "gge/core/parse.hpp"
#include "gge/model/validate.hpp"
#include "store/impl.hpp"

#include <fmt/format.h>

namespace gge {
namespace {

// Timed rows hold UTC instants as "YYYY-MM-DDTHH:MM:SSZ" (to_iso(Instant)); all-day rows days.
std::string start_text(const BusyTime& b) { return b.all_day ? to_iso(b.first) : to_iso(b.start); }
std::string end_text(const BusyTime& b) { return b.all_day ? to_iso(b.last) : to_iso(b.end); }

Instant instant_from_db(const std::string& text) { return parse_instant(text, "busy_time.start"); }

BusyTime busy_row(SQLite::Statement& q) {
  BusyTime b;
  b.kind = parse_busy_kind(q.getColumn(0).getString()).value_or(BusyKind::expert);
  b.subject = q.getColumn(1).getString();
  b.source = q.getColumn(2).getString();
  b.uid = q.getColumn(3).getString();
  b.all_day = q.getColumn(6).getInt() == 1;
  if (b.all_day) {
    b.first = detail::date_from_db(q.getColumn(4).getString());
    b.last = detail::date_from_db(q.getColumn(5).getString());
  } else {
    b.start = instant_from_db(q.getColumn(4).getString());
    b.end = instant_from_db(q.getColumn(5).getString());
  }
  b.summary = q.getColumn(7).getString();
  return b;
}

/// True when the subject the busy time names exists.
bool subject_exists(Store::Impl& impl, BusyKind kind, const std::string& subject) {
  const auto one = [&](const char* sql, const std::string& a, const std::string& b = {}) {
    auto q = impl.query(sql);
    q->bind(1, a);
    if (q->getBindParameterCount() >= 2) q->bind(2, b);
    return q->executeStep();
  };
  switch (kind) {
    case BusyKind::expert:
      return one("SELECT 1 FROM expert WHERE key = ?1", subject);
    case BusyKind::station:
      return one("SELECT 1 FROM station WHERE code = ?1", subject);
    case BusyKind::body:
      return one("SELECT 1 FROM body WHERE symbol = ?1", subject);
    case BusyKind::room: {
      const auto slash = subject.find('/');
      return slash != std::string::npos &&
             one("SELECT 1 FROM room WHERE station = ?1 AND name = ?2", subject.substr(0, slash),
                 subject.substr(slash + 1));
    }
  }
  return false;
}

}  // namespace

void Store::add(const BusyTime& v) {
  auto& impl = *m_impl;
  impl.require_writable();
  validate(v);
  impl.sync_clock();
  if (!subject_exists(impl, v.kind, v.subject))
    throw InputError({}, fmt::format("busy.{}", to_string(v.kind)), v.subject,
                     fmt::format("no such {}", to_string(v.kind)));
  auto q = impl.query(
      "INSERT INTO busy_time (kind, subject, source, uid, start, end, all_day, summary) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  q->bind(1, std::string{to_string(v.kind)});
  q->bind(2, v.subject);
  q->bind(3, v.source);
  q->bind(4, v.uid);
  q->bind(5, start_text(v));
  q->bind(6, end_text(v));
  q->bind(7, v.all_day ? 1 : 0);
  q->bind(8, v.summary);
  detail::storage_guard(impl.path, "cannot write busy_time", [&] {
    try {
      q->exec();
    } catch (const SQLite::Exception& e) {
      q->tryReset();
      if (e.getErrorCode() != SQLITE_CONSTRAINT) throw;
      throw InputError({}, "busy.uid", v.uid,
                       fmt::format("source {} already has an instance of this event starting {}",
                                   v.source, start_text(v)));
    }
  });
}

std::vector<BusyTime> Store::busy_times(const std::string& source) const {
  return detail::storage_guard(m_impl->path, "cannot read", [&] {
    auto q = m_impl->query(
        "SELECT kind, subject, source, uid, start, end, all_day, summary FROM busy_time "
        "WHERE ?1 IS NULL OR source = ?1 ORDER BY source, kind, subject, start, uid");
    detail::bind_text_or_null(*q, 1, source);
    std::vector<BusyTime> out;
    while (q->executeStep()) out.push_back(busy_row(*q));
    return out;
  });
}

std::size_t Store::remove_busy_times(const std::string& source) {
  auto& impl = *m_impl;
  impl.require_writable();
  impl.sync_clock();
  return detail::storage_guard(impl.path, "cannot write busy_time", [&] {
    auto q = impl.query("DELETE FROM busy_time WHERE source = ?1");
    q->bind(1, source);
    q->exec();
    return static_cast<std::size_t>(impl.db.getChanges());
  });
}

}  // namespace gge
