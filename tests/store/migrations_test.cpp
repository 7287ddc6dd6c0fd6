// Migrations: a database of every schema version, holding data, is opened by this build and
// nothing is lost. Each schema/NNNN_*.sql adds a row for its version to k_data_at.
#include "fixture.hpp"
#include "gge/store/store.hpp"
#include "store/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace gge;

namespace {

struct DataAt {
  int version;      ///< the schema version this SQL is written for
  const char* sql;  ///< with k_unchanged_rows: rows in every table of that version
  const char* more = "";  ///< rows of the tables that version added
};

// Rows of the tables whose columns have not changed since version 1.
constexpr const char* k_unchanged_rows = R"sql(
      INSERT INTO station VALUES ('NY', 'New York (UNHQ)', 'America/New_York', 540, 1260);
      INSERT INTO room VALUES ('NY', 'Conference Room 4', 120);
      INSERT INTO body VALUES ('GGE-ICT-2004', 'GGE on ICT', 'GGE', 15, 0);
      INSERT INTO expert VALUES ('ru-1', 'A. Expert', 'Russian Federation');
      INSERT INTO membership VALUES ('ru-1', 'GGE-ICT-2004', 'chair');
      INSERT INTO resolution VALUES ('58/32', '2003-12-08', 58, 'ICT', '');
      INSERT INTO mandate VALUES ('58/32-ict', 'GGE-ICT-2004', '58/32', '2004-01-01', 60, 3, 0, '',
                                  '2005-10-10', 10, NULL, NULL, NULL);
      INSERT INTO deadline VALUES ('58/32-ict', 'submission', '2005-08-01', 'rule');
      INSERT INTO holiday VALUES ('NY', '2004-07-05', 'Independence Day (observed)', 'confirmed');
      INSERT INTO holiday_rule VALUES ('NY', 'Independence Day', 'fixed', 7, 4, 0, 0, 0, 0, 0, 0, 0, 'nearest', '');
      INSERT INTO ga_opening VALUES (59, '2004-09-14', '');
      INSERT INTO blackout (station, first, last, reason, severity) VALUES (NULL, '2005-07-01', '2005-07-29', 'ECOSOC', 'warning');
)sql";

// Sessions and meetings since version 2 (which added `modified`).
constexpr const char* k_rows_since_2 = R"sql(
      INSERT INTO session (body, number, first, last, station, room, status, uid, revision, modified)
        VALUES ('GGE-ICT-2004', 1, '2004-07-12', '2004-07-16', 'NY', 'Conference Room 4', 'held', 'a@gge', 2,
                '2004-11-09T11:33:20Z');
      INSERT INTO meeting (body, session, date, start, end, room, kind, number, uid, revision, modified)
        VALUES ('GGE-ICT-2004', 1, '2004-07-12', 600, 780, NULL, 'plenary', 1, 'b@gge', 0,
                '2004-11-09T11:33:20Z');
)sql";

// Version 6 added imported busy time.
constexpr const char* k_busy_rows = R"sql(
      INSERT INTO busy_time (kind, subject, source, uid, start, end, all_day, summary)
        VALUES ('expert', 'ru-1', 'ru-1.ics', 'x@example.org', '2005-03-01T15:00:00Z', '2005-03-01T16:30:00Z', 0, 'Dentist');
      INSERT INTO busy_time (kind, subject, source, uid, start, end, all_day, summary)
        VALUES ('station', 'NY', 'un.ics', 'y@example.org', '2005-05-18', '2005-05-23', 1, 'Conference');
)sql";

// Version 8 added the feed tokens of gge serve.
constexpr const char* k_busy_and_token_rows = R"sql(
      INSERT INTO busy_time (kind, subject, source, uid, start, end, all_day, summary)
        VALUES ('expert', 'ru-1', 'ru-1.ics', 'x@example.org', '2005-03-01T15:00:00Z', '2005-03-01T16:30:00Z', 0, 'Dentist');
      INSERT INTO feed_token (feed, token, created)
        VALUES ('body-GGE-ICT-2004.ics', '0123456789abcdef0123456789abcdef', '2005-03-01T15:00:00Z');
)sql";

constexpr DataAt k_data_at[] = {
    {1, R"sql(
      UPDATE clock SET now = '2004-11-09T11:33:20Z';
      INSERT INTO session (body, number, first, last, station, room, status, uid, revision)
        VALUES ('GGE-ICT-2004', 1, '2004-07-12', '2004-07-16', 'NY', 'Conference Room 4', 'held', 'a@gge', 2);
      INSERT INTO meeting (body, session, date, start, end, room, kind, number, uid, revision)
        VALUES ('GGE-ICT-2004', 1, '2004-07-12', 600, 780, NULL, 'plenary', 1, 'b@gge', 0);
    )sql"},
    // 2: sessions and meetings keep the stamp of their newest change (`modified`).
    {2, k_rows_since_2},
    // 3: the insert triggers of sessions and meetings lose their WHEN (no new columns).
    {3, k_rows_since_2},
    // 4: an index of the UIDs of deleted rows (no new columns).
    {4, k_rows_since_2},
    // 5: revision counters saturate at 2147483647 (triggers only, no new columns).
    {5, k_rows_since_2},
    // 6: busy time imported from .ics files.
    {6, k_rows_since_2, k_busy_rows},
    // 7: the change log's `user` and the clock's (new columns with defaults; old rows keep NULL).
    {7, k_rows_since_2, k_busy_rows},
    // 8: the secret tokens of gge serve's feeds.
    {8, k_rows_since_2, k_busy_and_token_rows},
};

// Creates a database exactly as a build whose newest migration was `version` left it.
void create_at(const std::filesystem::path& path, int version) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (const auto& m : detail::migrations()) {
    if (m.version > version) break;
    db.exec(m.sql);
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
  }
}

using Rows = std::multiset<std::string>;

// Every table and its rows (each row as its columns' quoted values), by column name.
std::map<std::string, Rows> contents(SQLite::Database& db,
                                     const std::map<std::string, std::vector<std::string>>& columns) {
  std::map<std::string, Rows> out;
  for (const auto& [table, cols] : columns) {
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < cols.size(); ++i)
      select += (i ? " || '|' || quote(\"" : "quote(\"") + cols[i] + "\")";
    SQLite::Statement q(db, select + " FROM \"" + table + "\"");
    while (q.executeStep()) out[table].insert(q.getColumn(0).getString());
  }
  return out;
}

std::map<std::string, std::vector<std::string>> columns_of(SQLite::Database& db) {
  std::map<std::string, std::vector<std::string>> out;
  SQLite::Statement t(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (t.executeStep()) {
    const std::string table = t.getColumn(0).getString();
    SQLite::Statement c(db, "SELECT name FROM pragma_table_info(?1)");
    c.bind(1, table);
    while (c.executeStep()) out[table].push_back(c.getColumn(0).getString());
  }
  return out;
}

}  // namespace

TEST_CASE("the embedded migrations are numbered 1, 2, ... without gaps", "[store]") {
  int expected = 1;
  for (const auto& m : detail::migrations()) CHECK(m.version == expected++);
  CHECK(Store::latest_schema_version() == expected - 1);
  CHECK(Store::latest_schema_version() >= 1);
}

TEST_CASE("every table has data in the migration test's fixtures", "[store]") {
  // A new table without a row in k_data_at would not be checked for losses.
  for (const auto& data : k_data_at) {
    test::TempDir dir;
    const auto path = dir.path() / "v.db";
    create_at(path, data.version);
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(k_unchanged_rows);
    db.exec(data.sql);
    db.exec(data.more);
    for (const auto& [table, rows] : contents(db, columns_of(db))) {
      INFO("version " << data.version << " table " << table);
      CHECK(!rows.empty());
    }
  }
}

TEST_CASE("a database of every schema version opens with nothing lost", "[store]") {
  REQUIRE(std::size(k_data_at) == static_cast<std::size_t>(Store::latest_schema_version()));
  for (const auto& data : k_data_at) {
    INFO("data at schema version " << data.version);
    test::TempDir dir;
    const auto path = dir.path() / "old.db";
    create_at(path, data.version);
    std::map<std::string, std::vector<std::string>> old_columns;
    std::map<std::string, Rows> before;
    {
      SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
      db.exec("PRAGMA foreign_keys = ON");
      db.exec(k_unchanged_rows);
      db.exec(data.sql);
      db.exec(data.more);
      old_columns = columns_of(db);
      before = contents(db, old_columns);
    }
    {
      auto store = Store::open(path);  // migrates to the latest version
      CHECK(store.schema_version() == Store::latest_schema_version());
      CHECK(store.stations().size() == 1);
      CHECK(store.sessions().front().uid == "a@gge");
      CHECK(store.sessions().front().revision == 2);
      // Version 1 rows get their stamp from the change log's entries for their UID.
      CHECK(store.last_modified("a@gge") == "2004-11-09T11:33:20Z");
      CHECK(store.last_modified("b@gge") == "2004-11-09T11:33:20Z");
    }
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA page_size").getInt() == 4096);  // an old file keeps its pages
    const auto after = contents(db, old_columns);  // the old columns of every old table
    for (const auto& [table, rows] : before) {
      INFO("table " << table);
      REQUIRE(after.count(table) == 1);
      for (const auto& row : rows) CHECK(after.at(table).count(row) >= rows.count(row));
    }
  }
}
