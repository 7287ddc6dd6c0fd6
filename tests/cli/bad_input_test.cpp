// Bad input: one clear line naming the field, the value and where; a documented non-zero exit
// code; and nothing written (the dump and the change log are the same before and after).
#include "cli/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using gge::test::quote;
using gge::test::Scratch;

namespace {

struct Snapshot {
  std::string dump, log;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot snapshot(const Scratch& s) {
  const auto d = s.gge("dump"), l = s.gge("--json log");
  REQUIRE(d.code == 0);
  REQUIRE(l.code == 0);
  return {d.out, l.out};
}

int count_lines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("bad command input is refused with one line, exit 2, nothing written", "[cli]") {
  struct Row {
    const char* args;
    const char* message;  // the exact stderr line, without "gge: " and the newline
  };
  const auto row = GENERATE(
      Row{"session add GGE-ICT-2004#4 --first 2005-02-30 --last 2005-03-04 --station NY",
          "--first '2005-02-30': February 2005 has 28 days"},
      Row{"session add GGE-ICT-2004#4 --first 2005-13-01 --last 2005-13-05 --station NY",
          "--first '2005-13-01': there is no month 13"},
      Row{"session add GGE-ICT-2004#4 --first 2005-03-11 --last 2005-03-07 --station NY",
          "session.last '2005-03-07': is before the first day 2005-03-11"},
      Row{"session add GGE-ICT-2004#4 --first 2005-03-07 --last 2005-03-11 --station XX",
          "session.station 'XX': no such station"},
      Row{"session add NOPE#1 --first 2005-03-07 --last 2005-03-11 --station NY",
          "session.body 'NOPE': no such body"},
      Row{"session add GGE-ICT-2004#2 --first 2005-03-07 --last 2005-03-11 --station NY",
          "session.number '2': body GGE-ICT-2004 already has a session 2"},
      Row{"station add MARS --name Mars --zone Mars/Olympus",
          "station.zone 'Mars/Olympus': not a time zone of the tz database (e.g. Europe/Zurich)"},
      Row{"meeting add GGE-ICT-2004#9 --date 2005-03-07", "SESSION 'GGE-ICT-2004#9': body GGE-ICT-2004 has no session 9"},
      Row{"meeting add GGE-ICT-2004#1 --date 2004-07-19",
          "meeting.date '2004-07-19': outside session GGE-ICT-2004#1 (2004-07-12 to 2004-07-16)"},
      Row{"meeting add GGE-ICT-2004#1 --date 2004-07-12 --start 15:00 --end 13:00",
          "meeting.end '13:00': must be after the start 15:00 and no later than 24:00"},
      Row{"session set-status GGE-ICT-2004#1 finished",
          "STATUS 'finished': expected planned, confirmed, held, postponed or cancelled"},
      Row{"session move GGE-ICT-2004#1 --first 2004-07-12 --last 2004-07-13",
          "meeting.date '2004-07-14': session GGE-ICT-2004#1 on 2004-07-12 to 2004-07-13 has no day "
          "for this meeting (day 3 of the session; its meetings need 5 days): make it longer, or "
          "clear its meetings first (gge meeting clear) and generate them after"},
      Row{"meeting clear GGE-ICT-2004#9", "SESSION 'GGE-ICT-2004#9': body GGE-ICT-2004 has no session 9"},
      Row{"session move GGE-ICT-2004 --first 2005-03-07",
          "SESSION 'GGE-ICT-2004': expected a session as BODY#N, e.g. GGE-ICT-2004#2"});
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  const Snapshot before = snapshot(s);
  const auto r = s.gge(row.args);
  INFO(row.args);
  CHECK(r.code == 2);
  CHECK(r.err == std::string("gge: ") + row.message + "\n");
  CHECK(snapshot(s) == before);
}

TEST_CASE("overlong and control-character text is refused", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  const Snapshot before = snapshot(s);
  const auto ctrl = s.gge("body add X --name " + quote(std::string("bad\x01name")));
  CHECK(ctrl.code == 2);
  CHECK(ctrl.err == "gge: body.name 'bad\\x01name': control character U+0001 at byte 3\n");
  const auto longer = s.gge("body add X --name " + quote(std::string(300, 'n')));
  CHECK(longer.code == 2);
  CHECK(longer.err.find("body.name") != std::string::npos);
  CHECK(longer.err.find("too long: 300 bytes, at most 200") != std::string::npos);
  CHECK(count_lines(longer.err) == 1);
  CHECK(snapshot(s) == before);
}

TEST_CASE("a broken scenario file is refused whole, naming file and line", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  const Snapshot before = snapshot(s);

  SECTION("syntax error on line 4") {
    const auto f = s.write("broken.toml",
                           "[[station]]\ncode = \"X\"\nname = \"X\"\nzone = \"Europe/Zurich\n");
    const auto r = s.gge("load " + quote(f));
    CHECK(r.code == 2);
    CHECK(r.err.rfind("gge: " + f + ":4: ", 0) == 0);
    CHECK(count_lines(r.err) == 1);
  }
  SECTION("valid TOML that refers to a missing body") {
    const auto f = s.write("orphan.toml",
                           "[[station]]\ncode = \"LON\"\nname = \"London\"\nzone = \"Europe/London\"\n\n"
                           "[[session]]\nbody = \"GHOST\"\nnumber = 1\nfirst = 2005-03-07\n"
                           "last = 2005-03-11\nstation = \"LON\"\n");
    const auto r = s.gge("load " + quote(f));
    CHECK(r.code == 2);
    CHECK(r.err == "gge: " + f + ":7: session.body 'GHOST': no such body in this file\n");
  }
  SECTION("a file that clashes with what is stored") {
    // The example again: every key exists already. The first clash is reported; nothing lands.
    const auto r = s.gge("load " + quote(gge::test::example_scenario()));
    CHECK(r.code == 2);
    CHECK(r.err.find("station.code 'NY'") != std::string::npos);
    CHECK(count_lines(r.err) == 1);
  }
  SECTION("a file that does not exist") {
    const auto r = s.gge("load nowhere.toml");
    CHECK(r.code == 2);
    CHECK(r.err.find("nowhere.toml") != std::string::npos);
  }
  CHECK(snapshot(s) == before);
}

TEST_CASE("a file that is not SQLite is refused and left as it was", "[cli]") {
  Scratch s;
  const std::string text = "these are my notes, not a database\n";
  const auto path = s.write("gge.db", text);
  const auto r = s.gge("session list");
  CHECK(r.code == 3);
  CHECK(r.err == "gge: " + s.db() + ": not a gge database (file is not SQLite)\n");
  const auto w = s.gge("station add NY --name N --zone America/New_York");
  CHECK(w.code == 3);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str() == text);
}

TEST_CASE("a database from a newer schema is refused, naming the versions", "[cli]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  int newer = 0;
  {
    SQLite::Database db(s.db(), SQLite::OPEN_READWRITE);
    newer = db.execAndGet("PRAGMA user_version").getInt() + 1;
    db.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  const auto r = s.gge("session list");
  CHECK(r.code == 3);
  CHECK(r.err.find("schema version " + std::to_string(newer)) != std::string::npos);
  CHECK(r.err.find("newer") != std::string::npos);
  CHECK(s.gge("station add LON --name London --zone Europe/London").code == 3);
  SQLite::Database db(s.db(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM station WHERE code = 'LON'").getInt() == 0);
}

TEST_CASE("usage errors exit 2", "[cli]") {
  Scratch s;
  CHECK(s.gge("").code == 2);
  CHECK(s.gge("frobnicate").code == 2);
  CHECK(s.gge("session add").code == 2);
}
