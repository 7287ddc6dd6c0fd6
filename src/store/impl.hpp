#pragma once
// The Store's private state and the helpers shared by store.cpp, read.cpp and write.cpp.
#include "gge/store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace gge {

struct Store::Impl {
  Impl(SQLite::Database database, std::string db_path, bool ro)
      : db(std::move(database)), path(std::move(db_path)), read_only(ro) {}

  SQLite::Database db;
  std::string path;        ///< as given to open(), for messages
  bool read_only = false;
  bool immutable = false;  ///< read-only place: opened with SQLite's immutable=1 (no -shm, no locks)
  bool in_transaction = false;
  std::optional<Instant> clock;  ///< set_clock or SOURCE_DATE_EPOCH; nullopt = system clock
  std::string clock_written;     ///< the value last written to the clock table
  std::string user;              ///< set_user; written to clock.user with the clock
  std::string user_written;      ///< the value last written to clock.user

  /// A prepared statement for `sql` (a string literal: cached by its address), reset and ready
  /// to bind. Reused across rows; the returned guard resets it again when it goes out of scope,
  /// so no cached statement keeps a read open.
  class Query {
  public:
    explicit Query(SQLite::Statement& s) : m_s(&s) {}
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query() { m_s->tryReset(); }
    SQLite::Statement* operator->() const { return m_s; }
    SQLite::Statement& operator*() const { return *m_s; }

  private:
    SQLite::Statement* m_s;
  };
  Query query(const char* sql);

  /// Writes the current clock to the clock table when it differs from what was written last.
  void sync_clock();
  /// Refuses writes on a read-only store (StorageError).
  void require_writable() const;

private:
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> m_cache;
};

namespace detail {

/// "YYYY-MM-DD" as stored (the schema checks it is a real day) back to a Date.
Date date_from_db(const std::string& text);
/// Binds a Date as "YYYY-MM-DD".
void bind_date(SQLite::Statement& s, int index, Date d);
/// Binds text, or NULL when it is empty (optional references such as a room).
void bind_text_or_null(SQLite::Statement& s, int index, const std::string& text);
/// A column's text, "" for NULL.
std::string text(const SQLite::Column& c);

/// Natural keys as the change log writes them (must match schema/0001_init.sql).
std::string session_key(const std::string& body, int number);
std::string meeting_key(const std::string& body, int session, Date date, Minutes start);

/// Runs `fn`; turns a SQLite failure into a StorageError naming the database and `what`.
template <class Fn>
decltype(auto) storage_guard(const std::string& path, const char* what, Fn&& fn);

}  // namespace detail
}  // namespace gge

#include <fmt/format.h>

template <class Fn>
decltype(auto) gge::detail::storage_guard(const std::string& path, const char* what, Fn&& fn) {
  try {
    return std::forward<Fn>(fn)();
  } catch (const SQLite::Exception& e) {
    throw StorageError(fmt::format("{}: {}: {}", path, what, e.what()));
  }
}
