// Writing: the change log, revisions, UIDs, readable errors that leave the database unchanged,
// replace and remove.
#include "fixture.hpp"
#include "gge/store/store.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace gge;
using gge::test::d;
using gge::test::hm;

namespace {


// Everything a reader can see: the data and the log.
struct Snapshot {
  Scenario data;
  std::vector<std::string> log;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};
Snapshot snapshot(const Store& s) {
  Snapshot snap{s.scenario(), {}};
  for (const auto& c : s.changes()) snap.log.push_back(c.action + " " + c.table + " " + c.key + " " + c.before + " " + c.after);
  return snap;
}

}  // namespace

TEST_CASE("inserts, updates and deletes are logged with before and after JSON", "[store]") {
  auto store = test::sample_store();
  const auto inserted = store.changes();
  REQUIRE(!inserted.empty());
  CHECK(inserted.front().action == "insert");
  CHECK(inserted.front().table == "station");
  CHECK(inserted.front().key == "NY");
  CHECK(inserted.front().before.empty());
  CHECK(inserted.front().after ==
        R"j({"code":"NY","name":"New York (UNHQ)","zone":"America/New_York","hours_from":"09:00","hours_to":"21:00"})j");
  CHECK(inserted.front().at == "2004-11-09T11:33:20Z");

  store.set_clock(Instant{std::chrono::seconds{1100000060}});
  {
    Store::Transaction tx(store);
    auto s = *store.session("GGE-ICT-2004", 2);
    s.status = SessionStatus::confirmed;
    store.update(s);
    store.add(Holiday{"NY", d("2005-01-03"), "New Year", HolidayStatus::rule});
    tx.commit();
  }
  const auto last = store.changes(2);
  REQUIRE(last.size() == 2);
  CHECK(last[0].action == "update");
  CHECK(last[0].table == "session");
  CHECK(last[0].key == "GGE-ICT-2004#2");
  CHECK(last[0].at == "2004-11-09T11:34:20Z");
  CHECK(last[0].before.find(R"("status":"planned")") != std::string::npos);
  CHECK(last[0].before.find(R"("revision":0)") != std::string::npos);
  CHECK(last[0].after.find(R"("status":"confirmed")") != std::string::npos);
  CHECK(last[0].after.find(R"("revision":1)") != std::string::npos);  // the row as stored
  CHECK(last[1].action == "update");  // a holiday added again replaces the stored one
  CHECK(last[1].table == "holiday");
  CHECK(last[1].key == "NY 2005-01-03");
  CHECK(last[1].before == R"j({"station":"NY","date":"2005-01-03","name":"New Year's Day (observed)","status":"confirmed"})j");
  CHECK(last[1].after == R"j({"station":"NY","date":"2005-01-03","name":"New Year","status":"rule"})j");
  CHECK(last[0].id < last[1].id);
}

TEST_CASE("the change log is read by table, by key and what it holds, and since a day", "[store]") {
  auto store = test::sample_store();  // clock 2004-11-09T11:33:20Z
  store.set_clock(Instant{std::chrono::seconds{1200000000}});  // 2008-01-10T21:20:00Z
  {
    Store::Transaction tx(store);
    auto s = *store.session("GGE-ICT-2004", 2);
    s.status = SessionStatus::confirmed;
    store.update(s);
    store.add(Body{"GGE-ICT-2004X", "Another", BodyKind::gge, 15, 0});  // shares the prefix
    tx.commit();
  }
  const auto keys = [](const std::vector<Change>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.push_back(c.table + " " + c.key);
    return out;
  };
  CHECK(keys(store.changes(0, {"", "GGE-ICT-2004#2", ""})) ==
        std::vector<std::string>{"session GGE-ICT-2004#2", "meeting GGE-ICT-2004#2 2005-03-07 10:00",
                                 "session GGE-ICT-2004#2"});
  const auto body = keys(store.changes(0, {"", "GGE-ICT-2004", ""}));
  CHECK(std::count(body.begin(), body.end(), "body GGE-ICT-2004") == 1);
  CHECK(std::count(body.begin(), body.end(), "body GGE-ICT-2004X") == 0);  // not under it
  CHECK(std::count(body.begin(), body.end(), "session GGE-ICT-2004#1") == 1);
  CHECK(keys(store.changes(0, {"session", "", "2008-01-10"})) == std::vector<std::string>{"session GGE-ICT-2004#2"});
  CHECK(keys(store.changes(0, {"", "", "2008-01-11"})).empty());
  CHECK(keys(store.changes(1, {"session", "", ""})) == std::vector<std::string>{"session GGE-ICT-2004#2"});
  CHECK(store.changes(0, {"", "GGE-ICT", ""}).empty());  // a key continues only after " " or "#"
}

TEST_CASE("removed_meetings: deleted meetings as they were, and their UIDs never given again", "[store]") {
  auto store = test::sample_store();  // GGE-ICT-2004#1 has two meetings on 2004-07-12
  const auto old = store.meetings("GGE-ICT-2004", 1);
  REQUIRE(old.size() == 2);
  CHECK(store.removed_meetings().empty());
  store.set_clock(Instant{std::chrono::seconds{1200000000}});  // 2008-01-10T21:20:00Z
  CHECK(store.remove_meetings("GGE-ICT-2004", 1) == 2);
  const auto removed = store.removed_meetings();
  REQUIRE(removed.size() == 2);
  for (const auto& r : removed) {
    const auto it = std::find_if(old.begin(), old.end(), [&](const Meeting& m) { return m.uid == r.meeting.uid; });
    REQUIRE(it != old.end());
    CHECK(r.meeting == *it);  // every value, room and times included
    CHECK(r.removed_at == "2008-01-10T21:20:00Z");
  }
  CHECK(store.removed_meetings("OEWG-ICT").empty());
  CHECK(store.removed_meetings("GGE-ICT-2004").size() == 2);
  // The same slot again: a new UID, and the old one stays listed as removed.
  store.add(Meeting{"GGE-ICT-2004", 1, d("2004-07-12"), hm(10), hm(13), "", "plenary", 1, "", 0});
  const auto again = store.meetings("GGE-ICT-2004", 1);
  REQUIRE(again.size() == 1);
  CHECK(std::none_of(old.begin(), old.end(), [&](const Meeting& m) { return m.uid == again[0].uid; }));
  CHECK(store.removed_meetings().size() == 2);
  // A bulk load takes the same care (it redoes the set row by row, which salts the UID).
  Scenario more;
  more.meetings = {{"GGE-ICT-2004", 1, d("2004-07-12"), hm(15), hm(18), "", "plenary", 2, "", 0}};
  store.add(more);
  for (const auto& m : store.meetings("GGE-ICT-2004", 1))
    CHECK(std::none_of(old.begin(), old.end(), [&](const Meeting& o) { return o.uid == m.uid; }));
}

TEST_CASE("an update that changes nothing is not logged", "[store]") {
  auto store = test::sample_store();
  const auto before = store.changes().size();
  Store::Transaction tx(store);
  store.update(*store.session("GGE-ICT-2004", 1));
  tx.commit();
  CHECK(store.changes().size() == before);
  CHECK(store.session("GGE-ICT-2004", 1)->revision == 0);
}

TEST_CASE("session revisions rise only when days, place or status change", "[store]") {
  auto store = test::sample_store();
  const auto original = *store.session("GGE-ICT-2004", 2);
  struct Row {
    const char* what;
    void (*edit)(Session&);
    int rise;
  };
  const auto row = GENERATE(
      Row{"first", [](Session& s) { s.first = d("2005-03-08"); }, 1},
      Row{"last", [](Session& s) { s.last = d("2005-03-10"); }, 1},
      Row{"station", [](Session& s) { s.station = "NY"; s.room.clear(); }, 1},
      Row{"room", [](Session& s) { s.room.clear(); }, 1},
      Row{"status", [](Session& s) { s.status = SessionStatus::cancelled; }, 1},
      Row{"revision field itself", [](Session& s) { s.revision = 7; }, 0},
      Row{"uid field itself", [](Session& s) { s.uid = "other@gge"; }, 0});
  INFO(row.what);
  Session edited = original;
  row.edit(edited);
  Store::Transaction tx(store);
  store.update(edited);
  tx.commit();
  const auto after = *store.session("GGE-ICT-2004", 2);
  CHECK(after.revision == original.revision + row.rise);
  CHECK(after.uid == original.uid);  // kept for life
}

TEST_CASE("meeting revisions rise on date, time or room, not on kind or number", "[store]") {
  auto store = test::sample_store();
  const auto original = store.meetings("GGE-ICT-2004", 1).front();
  struct Row {
    const char* what;
    void (*edit)(Meeting&);
    int rise;
  };
  const auto row = GENERATE(
      Row{"date", [](Meeting& m) { m.date = d("2004-07-13"); }, 1},
      Row{"start", [](Meeting& m) { m.start = hm(9); }, 1},
      Row{"end", [](Meeting& m) { m.end = hm(12); }, 1},
      Row{"room", [](Meeting& m) { m.room = "Conference Room 4"; }, 1},
      Row{"kind", [](Meeting& m) { m.kind = "closed"; }, 0},
      Row{"number", [](Meeting& m) { m.number = 5; }, 0});
  INFO(row.what);
  Meeting edited = original;
  row.edit(edited);
  Store::Transaction tx(store);
  store.update(edited);
  tx.commit();
  const auto all = store.meetings("GGE-ICT-2004", 1);
  const auto it = std::find_if(all.begin(), all.end(), [&](const Meeting& m) { return m.uid == original.uid; });
  REQUIRE(it != all.end());
  CHECK(it->revision == original.revision + row.rise);
  CHECK(it->kind == edited.kind);
  CHECK(it->number == edited.number);
}

TEST_CASE("a new meeting in a slot another one left gets a different uid", "[store]") {
  auto store = test::sample_store();
  auto moved = store.meetings("GGE-ICT-2004", 2).front();
  const std::string old_uid = moved.uid;
  Store::Transaction tx(store);
  moved.date = d("2005-03-08");
  store.update(moved);
  store.add(Meeting{"GGE-ICT-2004", 2, d("2005-03-07"), hm(10), hm(13), "", "plenary", 3, "", 0});
  tx.commit();
  const auto all = store.meetings("GGE-ICT-2004", 2);
  REQUIRE(all.size() == 2);
  CHECK(all[0].date == d("2005-03-07"));
  CHECK(all[0].uid != old_uid);
  CHECK(all[1].uid == old_uid);
}

TEST_CASE("bad writes throw InputError naming field and value, and change nothing", "[store]") {
  auto store = test::sample_store();
  const Snapshot before = snapshot(store);
  struct Row {
    const char* what;
    void (*write)(Store&);
    const char* field;
    const char* value;
    const char* problem;
  };
  const auto row = GENERATE(
      Row{"duplicate station", [](Store& s) { s.add(DutyStation{"NY", "Again", "America/New_York"}); },
          "station.code", "NY", "a station NY already exists"},
      Row{"room at missing station", [](Store& s) { s.add(Room{"MARS", "Dome", 3}); },
          "room.station", "MARS", "no such station"},
      Row{"duplicate room", [](Store& s) { s.add(Room{"NY", "Conference Room 4", 10}); },
          "room.name", "Conference Room 4", "station NY already has a room Conference Room 4"},
      Row{"session of missing body",
          [](Store& s) { s.add(Session{"GHOST", 1, d("2005-03-07"), d("2005-03-11"), "NY"}); },
          "session.body", "GHOST", "no such body"},
      Row{"session at missing station",
          [](Store& s) { s.add(Session{"GGE-ICT-2004", 4, d("2005-03-07"), d("2005-03-11"), "XX"}); },
          "session.station", "XX", "no such station"},
      Row{"session in missing room",
          [](Store& s) { s.add(Session{"GGE-ICT-2004", 4, d("2005-03-07"), d("2005-03-11"), "NY", "Attic"}); },
          "session.room", "Attic", "no room Attic at station NY"},
      Row{"duplicate session",
          [](Store& s) { s.add(Session{"GGE-ICT-2004", 2, d("2005-03-07"), d("2005-03-11"), "NY"}); },
          "session.number", "2", "body GGE-ICT-2004 already has a session 2"},
      Row{"meeting of missing session",
          [](Store& s) { s.add(Meeting{"GGE-ICT-2004", 9, d("2005-03-07"), hm(10), hm(13)}); },
          "meeting.session", "GGE-ICT-2004#9", "body GGE-ICT-2004 has no session 9"},
      Row{"meeting outside its session",
          [](Store& s) { s.add(Meeting{"GGE-ICT-2004", 1, d("2004-07-19"), hm(10), hm(13)}); },
          "meeting.date", "2004-07-19", "outside session GGE-ICT-2004#1 (2004-07-12 to 2004-07-16)"},
      Row{"duplicate meeting slot",
          [](Store& s) { s.add(Meeting{"GGE-ICT-2004", 1, d("2004-07-12"), hm(10), hm(12)}); },
          "meeting.start", "10:00", "session GGE-ICT-2004#1 already has a meeting at 2004-07-12 10:00"},
      Row{"membership of missing expert",
          [](Store& s) { s.add(Membership{"nobody", "GGE-ICT-2004", ""}); },
          "membership.expert", "nobody", "no such expert"},
      Row{"mandate of missing resolution",
          [](Store& s) { s.add(Mandate{"x", "GGE-ICT-2004", "99/1", d("2005-01-01"), 60}); },
          "mandate.resolution", "99/1", "no such resolution"},
      Row{"deadline of missing mandate",
          [](Store& s) { s.add(Deadline{"nope", "submission", d("2005-01-01"), ""}); },
          "deadline.mandate", "nope", "no such mandate"},
      Row{"duplicate GA opening", [](Store& s) { s.add(GaOpening{60, d("2005-09-20"), ""}); },
          "ga_opening.session", "60", "GA session 60 already has a recorded opening"},
      Row{"blackout at missing station",
          [](Store& s) { s.add(Blackout{"XX", d("2005-01-01"), d("2005-01-02"), "x"}); },
          "blackout.station", "XX", "no such station"},
      Row{"update of missing session",
          [](Store& s) { s.update(Session{"GGE-ICT-2004", 9, d("2005-03-07"), d("2005-03-11"), "NY"}); },
          "session", "GGE-ICT-2004#9", "body GGE-ICT-2004 has no session 9"},
      Row{"update of unknown meeting",
          [](Store& s) { s.update(Meeting{"GGE-ICT-2004", 1, d("2004-07-12"), hm(10), hm(13), "", "", 0, "nope@gge"}); },
          "meeting.uid", "nope@gge", "no such meeting"});
  INFO(row.what);
  try {
    Store::Transaction tx(store);
    store.add(Body{"NEW-BODY", "Written first, must be rolled back", BodyKind::other});
    row.write(store);
    tx.commit();
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.field() == row.field);
    CHECK(e.value() == row.value);
    CHECK(e.problem() == row.problem);
  }
  CHECK(snapshot(store) == before);
}

TEST_CASE("a bad row anywhere in a scenario leaves nothing of it", "[store]") {
  auto store = test::sample_store();
  const Snapshot before = snapshot(store);
  Scenario more;
  more.stations = {{"VIE", "Vienna (UNOV)", "Europe/Vienna"}};
  more.bodies = {{"NEW", "New body", BodyKind::gge, 15}};
  more.sessions = {{"NEW", 1, d("2006-01-09"), d("2006-01-13"), "VIE"},
                   {"NEW", 2, d("2006-05-08"), d("2006-05-12"), "NOWHERE"}};
  // Inside a transaction (rolled back by the caller) and outside one (its own savepoint).
  SECTION("inside a transaction") {
    Store::Transaction tx(store);
    CHECK_THROWS_AS(store.add(more), InputError);
  }
  SECTION("without a transaction") { CHECK_THROWS_AS(store.add(more), InputError); }
  CHECK(snapshot(store) == before);
}

TEST_CASE("a bulk load refused half-way leaves the triggers logging", "[store]") {
  // The bulk path turns the connection's triggers off while it inserts; a row refused inside
  // that window (here a kind with a control character) must not leave them off.
  auto store = test::sample_store();
  Scenario more;
  more.sessions = {{"GGE-ICT-2004", 7, d("2006-01-09"), d("2006-01-13"), "NY"}};
  more.meetings = {{"GGE-ICT-2004", 7, d("2006-01-09"), hm(10), hm(13), "", "plen\x01ary", 1, "", 0}};
  CHECK_THROWS_AS(store.add(more), InputError);
  CHECK(store.sessions().size() == test::sample_scenario().sessions.size());
  const auto logged = store.changes().size();
  store.add(Session{"GGE-ICT-2004", 7, d("2006-01-09"), d("2006-01-13"), "NY"});
  CHECK(store.changes().size() == logged + 1);
  CHECK(store.changes(1).front().key == "GGE-ICT-2004#7");
  CHECK(!store.last_modified(store.sessions().back().uid).value_or("").empty());
}

TEST_CASE("adding a deadline or holiday again replaces it", "[store]") {
  auto store = test::sample_store();
  Store::Transaction tx(store);
  store.add(Deadline{"58/32-ict", "submission", d("2005-07-25"), "moved"});
  store.add(Holiday{"NY", d("2005-01-03"), "New Year", HolidayStatus::rule});
  tx.commit();
  const auto deadlines = store.deadlines("58/32-ict");
  REQUIRE(deadlines.size() == 2);
  CHECK(deadlines[1] == Deadline{"58/32-ict", "submission", d("2005-07-25"), "moved"});
  CHECK(store.holidays("NY") == std::vector<Holiday>{{"NY", d("2005-01-03"), "New Year", HolidayStatus::rule}});
  CHECK(store.changes(1).front().action == "update");
}

TEST_CASE("replace_deadlines and replace_holiday_rules swap the whole set", "[store]") {
  auto store = test::sample_store();
  Store::Transaction tx(store);
  store.replace_deadlines("58/32-ict", {{"58/32-ict", "consideration", d("2005-10-10"), "rule"}});
  HolidayRule xmas{"NY", "Christmas Day", HolidayRuleKind::fixed, 12, 25};
  xmas.observance = Observance::nearest;
  store.replace_holiday_rules("NY", {xmas});
  CHECK_THROWS_AS(store.replace_deadlines("58/32-ict", {{"59/61-ict", "x", d("2005-10-10"), ""}}), InputError);
  CHECK_THROWS_AS(store.replace_deadlines("ghost", {}), InputError);
  CHECK_THROWS_AS(store.replace_holiday_rules("NY", {HolidayRule{"GVA", "x"}}), InputError);
  tx.commit();
  CHECK(store.deadlines("58/32-ict") ==
        std::vector<Deadline>{{"58/32-ict", "consideration", d("2005-10-10"), "rule"}});
  CHECK(store.holiday_rules("NY") == std::vector<HolidayRule>{xmas});
  CHECK(store.holiday_rules("GVA").size() == 1);  // other stations untouched
}

TEST_CASE("remove_meetings reports what it removed", "[store]") {
  auto store = test::sample_store();
  Store::Transaction tx(store);
  CHECK(store.remove_meetings("GGE-ICT-2004", 1) == 2);
  CHECK(store.remove_meetings("GGE-ICT-2004", 1) == 0);
  tx.commit();
  CHECK(store.meetings("GGE-ICT-2004").size() == 1);
  CHECK(store.meetings().size() == 1);
}

TEST_CASE("a scenario whose meeting lies outside its session is refused by name", "[store]") {
  auto store = Store::in_memory();
  Scenario s = test::sample_scenario();
  s.meetings.push_back({"GGE-ICT-2004", 2, d("2005-03-14"), hm(10), hm(13), "", "plenary", 9, "", 0});
  try {
    store.add(s);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.field() == "meeting.date");
    CHECK(e.value() == "2005-03-14");
  }
  CHECK(store.changes().empty());
  CHECK(store.stations().empty());
}

TEST_CASE("a scenario meeting in a slot a moved meeting left still loads, with a fresh uid", "[store]") {
  auto store = test::sample_store();
  auto moved = store.meetings("GGE-ICT-2004", 2).front();
  Store::Transaction tx(store);
  moved.date = d("2005-03-08");
  store.update(moved);
  Scenario more;
  more.meetings = {{"GGE-ICT-2004", 2, d("2005-03-07"), hm(10), hm(13), "", "plenary", 2, "", 0}};
  store.add(more);
  tx.commit();
  const auto all = store.meetings("GGE-ICT-2004", 2);
  REQUIRE(all.size() == 2);
  CHECK(all[0].uid != all[1].uid);
  CHECK(all[1].uid == moved.uid);
}

TEST_CASE("the bulk load logs exactly what adding row by row logs", "[store]") {
  const Scenario s = test::sample_scenario();
  auto bulk = Store::in_memory();
  auto rows = Store::in_memory();
  for (auto* st : {&bulk, &rows}) st->set_clock(Instant{std::chrono::seconds{1100000000}});
  {
    Store::Transaction tx(bulk);
    bulk.add(s);
    tx.commit();
  }
  {
    Store::Transaction tx(rows);
    for (const auto& v : s.stations) rows.add(v);
    for (const auto& v : s.rooms) rows.add(v);
    for (const auto& v : s.bodies) rows.add(v);
    for (const auto& v : s.experts) rows.add(v);
    for (const auto& v : s.memberships) rows.add(v);
    for (const auto& v : s.resolutions) rows.add(v);
    for (const auto& v : s.mandates) rows.add(v);
    for (const auto& v : s.deadlines) rows.add(v);
    for (const auto& v : s.holidays) rows.add(v);
    for (const auto& v : s.holiday_rules) rows.add(v);
    for (const auto& v : s.ga_openings) rows.add(v);
    for (const auto& v : s.blackouts) rows.add(v);
    for (const auto& v : s.sessions) rows.add(v);
    for (const auto& v : s.meetings) rows.add(v);
    tx.commit();
  }
  const auto a = bulk.changes(), b = rows.changes();
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(i << ": " << a[i].key);
    CHECK(a[i].id == b[i].id);
    CHECK(a[i].at == b[i].at);
    CHECK(a[i].table == b[i].table);
    CHECK(a[i].action == b[i].action);
    CHECK(a[i].key == b[i].key);
    CHECK(a[i].before == b[i].before);
    CHECK(a[i].after == b[i].after);
  }
  CHECK(bulk.scenario() == rows.scenario());
  // The triggers speak again after the bulk load.
  {
    Store::Transaction tx(bulk);
    bulk.add(Meeting{"GGE-ICT-2004", 2, d("2005-03-08"), hm(10), hm(13), "", "plenary", 2, "", 0});
    tx.commit();
  }
  CHECK(bulk.changes(1).front().key == "GGE-ICT-2004#2 2005-03-08 10:00");
  CHECK(bulk.last_modified(bulk.sessions().front().uid) == "2004-11-09T11:33:20Z");
}
