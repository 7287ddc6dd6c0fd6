// Opening, migrating, transactions and the clock of the Store.
#include "store/impl.hpp"
#include "store/migrations.hpp"

#include "gge/core/parse.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <chrono>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>

namespace gge {
namespace {

constexpr int k_application_id = 0x47474531;  // "GGE1", set by schema/0001_init.sql
constexpr int k_busy_timeout_ms = 5000;

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  throw StorageError(fmt::format("{}: {}", path, why));
}

// Reads the 16-byte SQLite header without opening the file for writing, so a file that is not
// SQLite is refused before SQLite (or a journal mode change) can touch a byte of it.
void check_header(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    refuse(path.string(), "not a gge database (not a regular file)");
  if (std::filesystem::file_size(path, ec) == 0) return;  // an empty file is an empty database
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse(path.string(), "cannot read the file");
  std::array<char, 16> header{};
  in.read(header.data(), header.size());
  if (in.gcount() != 16 || std::memcmp(header.data(), "SQLite format 3", 16) != 0)
    refuse(path.string(), "not a gge database (file is not SQLite)");
}

// Applies the migrations newer than the database's version, all in one transaction.
void migrate(SQLite::Database& db, const std::string& path) {
  db.exec("BEGIN IMMEDIATE");
  try {
    // Read again inside the write lock: another process may have migrated meanwhile.
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    for (const auto& m : detail::migrations()) {
      if (m.version <= current) continue;
      try {
        db.exec(m.sql);
      } catch (const SQLite::Exception& e) {
        throw StorageError(fmt::format("{}: migration {} failed: {}", path, m.name, e.what()));
      }
      db.exec(fmt::format("PRAGMA user_version = {}", m.version));
    }
    db.exec("COMMIT");
  } catch (...) {
    db.tryExec("ROLLBACK");
    throw;
  }
}

// "file:" URI of `path` for SQLite's URI parameters; every byte outside [A-Za-z0-9/._-] encoded.
std::string file_uri(const std::string& path, std::string_view parameters) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    const bool plain = std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-';
    if (plain) uri.push_back(static_cast<char>(c));
    else uri += fmt::format("%{:02X}", c);
  }
  return uri + "?" + std::string{parameters};
}

// Whether a failed first read of a read-only open means "this place cannot be written": WAL
// needs its -shm file, and that cannot be made (read-only mount, no write permission).
bool is_unwritable_place(const SQLite::Exception& e) {
  const int code = e.getErrorCode() & 0xff;
  return code == SQLITE_CANTOPEN || code == SQLITE_READONLY;
}

struct Header {
  int version = 0, app_id = 0, objects = 0;
};

// One statement, so one snapshot: read as three statements, a process that finishes creating
// the database in between shows version 0 and no application id with tables already there,
// which looks like another program's database (seen under concurrent first use).
Header read_header(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT (SELECT user_version FROM pragma_user_version), "
                      "(SELECT application_id FROM pragma_application_id), "
                      "(SELECT count(*) FROM sqlite_schema)");
  q.executeStep();
  return Header{q.getColumn(0).getInt(), q.getColumn(1).getInt(), q.getColumn(2).getInt()};
}

// `PRAGMA journal_mode = WAL` needs the file to itself for a moment; under concurrent first use
// another process may hold it, and SQLite reports "database is locked" without waiting for the
// busy timeout. Retried until the timeout has passed.
void switch_to_wal(SQLite::Database& db) {
  using Clock = std::chrono::steady_clock;
  const auto give_up = Clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
  for (;;) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      const int code = e.getErrorCode() & 0xff;
      if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || Clock::now() > give_up) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

std::unique_ptr<Store::Impl> open_impl(const std::string& name, bool memory, Store::Mode mode) {
  const bool ro = mode == Store::Mode::read_only && !memory;
  const int flags = ro ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
  std::unique_ptr<Store::Impl> impl;
  try {
    impl = std::make_unique<Store::Impl>(SQLite::Database(name, flags, k_busy_timeout_ms), name, ro);
  } catch (const SQLite::Exception& e) {
    refuse(name, fmt::format("cannot open: {}", e.what()));
  }
  Header header;
  try {
    try {
      header = read_header(impl->db);
    } catch (const SQLite::Exception& e) {
      if (!ro || !is_unwritable_place(e)) throw;
      std::error_code ec;
      const auto wal_bytes = std::filesystem::file_size(name + "-wal", ec);
      if (!ec && wal_bytes > 0)
        refuse(name, "cannot read on a read-only place: its -wal file holds changes not yet "
                     "checkpointed (open it once where it can be written)");
      impl = std::make_unique<Store::Impl>(
          SQLite::Database(file_uri(name, "immutable=1"), SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                           k_busy_timeout_ms),
          name, ro);
      impl->immutable = true;
      header = read_header(impl->db);
    }
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) refuse(name, "not a gge database (file is not SQLite)");
    refuse(name, fmt::format("cannot read: {}", e.what()));
  }
  auto& db = impl->db;
  const int version = header.version, app_id = header.app_id, objects = header.objects;
  // Refuse before anything is written (the journal mode lives in the file header too).
  if (app_id != 0 && app_id != k_application_id)
    refuse(name, fmt::format("not a gge database (SQLite application_id {:#x})",
                             static_cast<unsigned>(app_id)));
  if (app_id == 0 && objects > 0)
    refuse(name, "not a gge database (a SQLite database of another program)");
  const int latest = Store::latest_schema_version();
  if (version > latest)
    refuse(name, fmt::format("schema version {} is newer than this gge knows ({})", version, latest));
  detail::storage_guard(name, "cannot configure", [&] {
    db.exec("PRAGMA foreign_keys = ON");
    // A new database gets 16 KiB pages (SQLite's default is 4 KiB): fewer pages to split,
    // index and write through the WAL; bench_load: the commit and its checkpoint take a third
    // less. Must precede the first write; an existing file keeps the page size it has.
    if (!ro && objects == 0) db.exec("PRAGMA page_size = 16384");
    if (!ro && !memory) {
      switch_to_wal(db);
      db.exec("PRAGMA synchronous = NORMAL");  // durable at checkpoints; safe with WAL
    }
    // A writable store gets a bigger page cache (64 MiB at most, used only as needed): with
    // SQLite's 2 MiB default, a bulk load spills dirty pages to the WAL over and over
    // (bench_load: 30x slower). A read-only store (exports, reports) reads each page about
    // once, so it keeps the default and its memory stays flat however large the plan is.
    if (!ro) db.exec("PRAGMA cache_size = -65536");
    // Statement journals (one per write inside a transaction, for statement rollback) in memory.
    db.exec("PRAGMA temp_store = MEMORY");
  });
  if (version < latest) {
    if (ro)
      refuse(name, fmt::format("schema version {} is older than this gge ({}): run `gge init` to "
                               "upgrade it", version, latest));
    migrate(db, name);
  }
  impl->clock = read_source_date_epoch();
  return impl;
}

}  // namespace

// --- Impl helpers -------------------------------------------------------------------------

Store::Impl::Query Store::Impl::query(const char* sql) {
  auto& slot = m_cache[sql];
  if (!slot) {
    try {
      slot = std::make_unique<SQLite::Statement>(db, sql);
    } catch (const SQLite::Exception& e) {
      throw StorageError(fmt::format("{}: cannot prepare a query: {}", path, e.what()));
    }
  } else {
    slot->tryReset();
  }
  return Query{*slot};
}

void Store::Impl::sync_clock() {
  const Instant now = clock.value_or(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
  std::string text = to_iso(now);
  if (text == clock_written && user == user_written) return;
  auto q = query("UPDATE clock SET now = ?, user = ? WHERE id = 1");
  q->bind(1, text);
  q->bind(2, user);
  detail::storage_guard(path, "cannot set the clock", [&] { q->exec(); });
  clock_written = std::move(text);
  user_written = user;
}

void Store::Impl::require_writable() const {
  if (read_only) throw StorageError(fmt::format("{}: opened read-only", path));
}

// --- Store --------------------------------------------------------------------------------

Store Store::open(const std::filesystem::path& path, Mode mode) {
  const std::string name = path.string();
  if (name == ":memory:") return in_memory();
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && mode == Mode::read_only)
    refuse(name, "no gge database here (run `gge init` to create one)");
  if (exists) check_header(path);
  return Store{open_impl(name, false, mode)};
}

bool Store::opened_immutable() const { return m_impl->immutable; }

Store Store::in_memory() { return Store{open_impl(":memory:", true, Mode::read_write)}; }

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::schema_version() const {
  return detail::storage_guard(m_impl->path, "cannot read the schema version", [&] {
    return m_impl->db.execAndGet("PRAGMA user_version").getInt();
  });
}

int Store::latest_schema_version() {
  const auto all = detail::migrations();
  return all.empty() ? 0 : all.back().version;
}

void Store::set_clock(Instant now) { m_impl->clock = now; }
void Store::set_user(std::string user) { m_impl->user = std::move(user); }

// --- Transaction --------------------------------------------------------------------------

Store::Transaction::Transaction(Store& store) : m_store(&store) {
  auto& impl = *store.m_impl;
  impl.require_writable();
  if (impl.in_transaction)
    throw StorageError(fmt::format("{}: a transaction is already open on this store", impl.path));
  // IMMEDIATE takes the write lock now, so two writers wait (busy_timeout) instead of failing
  // half-way through a command.
  detail::storage_guard(impl.path, "cannot begin a transaction", [&] { impl.db.exec("BEGIN IMMEDIATE"); });
  impl.in_transaction = true;
  try {
    // Written once per transaction whatever this connection wrote before: another connection
    // (another request of `gge serve`, another process) may have set another user or time
    // since, and a rolled-back transaction took this one's last write with it.
    impl.clock_written.clear();
    impl.sync_clock();
  } catch (...) {
    impl.db.tryExec("ROLLBACK");
    impl.in_transaction = false;
    throw;
  }
}

Store::Transaction::~Transaction() {
  if (m_done) return;
  m_store->m_impl->db.tryExec("ROLLBACK");
  m_store->m_impl->in_transaction = false;
}

void Store::Transaction::commit() {
  auto& impl = *m_store->m_impl;
  if (m_done) throw StorageError(fmt::format("{}: transaction already finished", impl.path));
  detail::storage_guard(impl.path, "cannot commit", [&] { impl.db.exec("COMMIT"); });
  m_done = true;
  impl.in_transaction = false;
}

Store::Snapshot::Snapshot(const Store& store) {
  auto& impl = *store.m_impl;
  if (impl.in_transaction) return;
  // A deferred transaction fixes its view at its first read: read the schema now, so the view
  // is the database as it is when the Snapshot is made.
  detail::storage_guard(impl.path, "cannot begin reading", [&] {
    impl.db.exec("BEGIN");
    impl.db.execAndGet("SELECT count(*) FROM sqlite_schema");
  });
  impl.in_transaction = true;
  m_store = &store;
}

Store::Snapshot::~Snapshot() {
  if (!m_store) return;
  m_store->m_impl->db.tryExec("COMMIT");  // nothing was written: this only ends the read
  m_store->m_impl->in_transaction = false;
}

// --- detail helpers -----------------------------------------------------------------------

namespace detail {

Date date_from_db(const std::string& t) {
  // The schema guarantees 'YYYY-MM-DD' of a real day.
  const auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    std::from_chars(t.data() + pos, t.data() + pos + len, v);
    return v;
  };
  if (t.size() != 10) throw StorageError(fmt::format("bad date in the database: '{}'", t));
  return Date{date::year{num(0, 4)} / date::month{static_cast<unsigned>(num(5, 2))} /
              date::day{static_cast<unsigned>(num(8, 2))}};
}

void bind_date(SQLite::Statement& s, int index, Date d) { s.bind(index, to_iso(d)); }

void bind_text_or_null(SQLite::Statement& s, int index, const std::string& t) {
  if (t.empty()) s.bind(index);
  else s.bind(index, t);
}

std::string text(const SQLite::Column& c) { return c.isNull() ? std::string{} : c.getString(); }

std::string session_key(const std::string& body, int number) {
  return to_string(SessionRef{body, number});
}

std::string meeting_key(const std::string& body, int session, Date date, Minutes start) {
  return fmt::format("{} {} {}", SessionRef{body, session}, to_iso(date), to_hhmm(start));
}

}  // namespace detail
}  // namespace gge
