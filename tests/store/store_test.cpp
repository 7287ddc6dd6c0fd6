// Opening, refusing foreign and newer files, read-only mode, transactions and the clock.
#include "fixture.hpp"
#include "gge/store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace gge;
using gge::test::TempDir;

namespace {

std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string message_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const StorageError& e) {
    return e.what();
  }
  return "(no StorageError)";
}

}  // namespace

TEST_CASE("a new file database is created, migrated and reopened", "[store]") {
  TempDir dir;
  const auto path = dir.path() / "plan.db";
  {
    auto store = Store::open(path);
    CHECK(store.schema_version() == Store::latest_schema_version());
    Store::Transaction tx(store);
    store.add(DutyStation{"NY", "New York", "America/New_York"});
    tx.commit();
  }
  CHECK(std::filesystem::exists(path));
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA application_id").getInt() == 0x47474531);
  CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(raw.execAndGet("PRAGMA page_size").getInt() == 16384);  // a new file's page size
  const auto store = Store::open(path, Store::Mode::read_only);
  CHECK(store.stations().size() == 1);
}

TEST_CASE("foreign keys are enforced on every connection", "[store]") {
  auto store = Store::in_memory();
  CHECK_THROWS_AS(store.add(Room{"NOWHERE", "Room", 10}), InputError);
  CHECK(store.rooms().empty());
}

TEST_CASE("a file that is not SQLite is refused and left byte-for-byte", "[store]") {
  TempDir dir;
  const auto path = dir.path() / "notes.db";
  const std::string text = "these are my notes, not a database\n";
  write_bytes(path, text);
  for (auto mode : {Store::Mode::read_write, Store::Mode::read_only}) {
    CHECK(message_of([&] { (void)Store::open(path, mode); }) ==
          path.string() + ": not a gge database (file is not SQLite)");
    CHECK(read_bytes(path) == text);
  }
  CHECK(!std::filesystem::exists(path.string() + "-wal"));
}

TEST_CASE("a SQLite database of another program is refused untouched", "[store]") {
  TempDir dir;
  const auto path = dir.path() / "other.db";
  {
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes (text TEXT)");
  }
  const std::string bytes = read_bytes(path);
  CHECK(message_of([&] { (void)Store::open(path); }).find("not a gge database") != std::string::npos);
  CHECK(read_bytes(path) == bytes);
}

TEST_CASE("a database whose schema is newer than this build is refused", "[store]") {
  TempDir dir;
  const auto path = dir.path() / "new.db";
  (void)Store::open(path);
  const int newer = Store::latest_schema_version() + 5;
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  const std::string bytes = read_bytes(path);
  const auto expected = path.string() + ": schema version " + std::to_string(newer) +
                        " is newer than this gge knows (" +
                        std::to_string(Store::latest_schema_version()) + ")";
  CHECK(message_of([&] { (void)Store::open(path); }) == expected);
  CHECK(message_of([&] { (void)Store::open(path, Store::Mode::read_only); }) == expected);
  CHECK(read_bytes(path) == bytes);
}

TEST_CASE("read-only mode never creates, migrates or writes", "[store]") {
  TempDir dir;
  const auto path = dir.path() / "absent.db";
  CHECK(message_of([&] { (void)Store::open(path, Store::Mode::read_only); }).find("no gge database") !=
        std::string::npos);
  CHECK(!std::filesystem::exists(path));

  const auto empty = dir.path() / "empty.db";
  write_bytes(empty, "");
  CHECK(message_of([&] { (void)Store::open(empty, Store::Mode::read_only); }).find("schema version 0 is older") !=
        std::string::npos);
  CHECK(std::filesystem::file_size(empty) == 0);

  const auto real = dir.path() / "real.db";
  (void)Store::open(real);
  auto ro = Store::open(real, Store::Mode::read_only);
  CHECK_THROWS_AS(Store::Transaction(ro), StorageError);
  CHECK_THROWS_AS(ro.add(DutyStation{"NY", "New York", "America/New_York"}), StorageError);
}

TEST_CASE("a transaction that is not committed writes nothing", "[store]") {
  auto store = Store::in_memory();
  {
    Store::Transaction tx(store);
    store.add(DutyStation{"NY", "New York", "America/New_York"});
    CHECK(store.stations().size() == 1);  // visible inside
  }
  CHECK(store.stations().empty());
  CHECK(store.changes().empty());
  {
    Store::Transaction tx(store);
    CHECK_THROWS_AS(Store::Transaction(store), StorageError);  // one at a time
    tx.commit();
    CHECK_THROWS_AS(tx.commit(), StorageError);
  }
  Store::Transaction again(store);  // the store is usable after all that
  again.commit();
}

TEST_CASE("the change-log clock: SOURCE_DATE_EPOCH, else set_clock wins", "[store]") {
  // CTest sets SOURCE_DATE_EPOCH=1100000000; set it here too so the test runs alone.
  ::setenv("SOURCE_DATE_EPOCH", "1100000000", 1);
  auto store = Store::in_memory();
  {
    Store::Transaction tx(store);
    store.add(DutyStation{"NY", "New York", "America/New_York"});
    tx.commit();
  }
  CHECK(store.changes().back().at == "2004-11-09T11:33:20Z");
  store.set_clock(Instant{std::chrono::seconds{0}});
  {
    Store::Transaction tx(store);
    store.add(DutyStation{"GVA", "Geneva", "Europe/Zurich"});
    tx.commit();
  }
  CHECK(store.changes().back().at == "1970-01-01T00:00:00Z");

  ::unsetenv("SOURCE_DATE_EPOCH");
  auto live = Store::in_memory();
  const auto before = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  {
    Store::Transaction tx(live);
    live.add(DutyStation{"NY", "New York", "America/New_York"});
    tx.commit();
  }
  CHECK(live.changes().back().at >= to_iso(Instant{before}));
  ::setenv("SOURCE_DATE_EPOCH", "1100000000", 1);
}

TEST_CASE("a bad SOURCE_DATE_EPOCH is bad input for the store as for the export, never ignored", "[store]") {
  for (const char* bad : {"yesterday", "-5", "1e9", "99999999999999999999"}) {
    INFO(bad);
    ::setenv("SOURCE_DATE_EPOCH", bad, 1);
    CHECK_THROWS_WITH(Store::in_memory(), fmt::format("SOURCE_DATE_EPOCH '{}': expected whole seconds since "
                                                      "1970-01-01T00:00:00Z, e.g. 1100000000", bad));
  }
  ::setenv("SOURCE_DATE_EPOCH", "1100000000", 1);
}
