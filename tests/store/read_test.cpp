// Reading: every type survives a round trip, lists come in the promised order, streaming and
// last_modified.
#include "fixture.hpp"
#include "gge/model/uid.hpp"
#include "gge/store/store.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace gge;
using gge::test::d;
using gge::test::hm;

namespace {


template <class T, class Key>
std::vector<T> sorted(std::vector<T> v, Key key) {
  std::sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
  return v;
}

}  // namespace

TEST_CASE("every type round-trips through the store", "[store]") {
  const auto store = test::sample_store();
  const Scenario in = test::sample_scenario();
  const Scenario out = store.scenario();

  CHECK(out.stations == sorted(in.stations, [](auto& x) { return x.code; }));
  CHECK(out.rooms == sorted(in.rooms, [](auto& x) { return std::tie(x.station, x.name); }));
  CHECK(out.bodies == sorted(in.bodies, [](auto& x) { return x.symbol; }));
  CHECK(out.experts == sorted(in.experts, [](auto& x) { return x.key; }));
  CHECK(out.memberships == sorted(in.memberships, [](auto& x) { return std::tie(x.expert, x.body); }));
  CHECK(out.resolutions == sorted(in.resolutions, [](auto& x) { return x.symbol; }));
  CHECK(out.mandates == sorted(in.mandates, [](auto& x) { return x.key; }));
  CHECK(out.deadlines == sorted(in.deadlines, [](auto& x) { return std::tie(x.mandate, x.kind); }));
  CHECK(out.holidays == sorted(in.holidays, [](auto& x) { return std::tie(x.station, x.date); }));
  CHECK(out.holiday_rules ==
        sorted(in.holiday_rules, [](auto& x) { return std::tie(x.station, x.name, x.from_year); }));
  CHECK(out.ga_openings == sorted(in.ga_openings, [](auto& x) { return x.session; }));
  CHECK(out.blackouts ==
        sorted(in.blackouts, [](auto& x) { return std::tie(x.station, x.first, x.reason); }));

  // Sessions and meetings come back with their new UIDs; everything else as given.
  auto sessions = sorted(in.sessions, [](auto& x) { return std::tie(x.body, x.number); });
  REQUIRE(out.sessions.size() == sessions.size());
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    CHECK(out.sessions[i].uid == make_uid("session", sessions[i].body + "#" + std::to_string(sessions[i].number)));
    sessions[i].uid = out.sessions[i].uid;
  }
  CHECK(out.sessions == sessions);
  auto meetings = sorted(in.meetings, [](auto& x) { return std::tie(x.body, x.session, x.date, x.start); });
  REQUIRE(out.meetings.size() == meetings.size());
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    CHECK(!out.meetings[i].uid.empty());
    meetings[i].uid = out.meetings[i].uid;
  }
  CHECK(out.meetings == meetings);
}

TEST_CASE("optional mandate fields stay unset when unset", "[store]") {
  const auto store = test::sample_store();
  const auto plain = store.mandate("59/61-ict");
  REQUIRE(plain);
  CHECK(!plain->consider_on);
  CHECK(!plain->submission_weeks);
  CHECK(!plain->member_states_by);
  const auto m = store.mandate("58/32-ict");
  REQUIRE(m);
  CHECK(m->consider_on == d("2005-10-10"));
  CHECK(m->submission_weeks == 10);
  CHECK(!m->distribution_weeks);
  CHECK(m->adoption_working_days == 12);
}

TEST_CASE("lists are in the order store.hpp promises", "[store]") {
  const auto store = test::sample_store();
  std::vector<std::string> keys;
  for (const auto& s : store.stations()) keys.push_back(s.code);
  CHECK(keys == std::vector<std::string>{"GVA", "NY"});
  keys.clear();
  for (const auto& r : store.rooms()) keys.push_back(r.station + "/" + r.name);
  CHECK(keys == std::vector<std::string>{"GVA/Room XVIII", "NY/Conference Room 1", "NY/Conference Room 4"});
  keys.clear();
  for (const auto& s : store.sessions()) keys.push_back(s.body + "#" + std::to_string(s.number));
  CHECK(keys == std::vector<std::string>{"GGE-ICT-2004#1", "GGE-ICT-2004#2", "OEWG-ICT#1"});
  keys.clear();
  for (const auto& m : store.meetings()) keys.push_back(to_iso(m.date) + " " + to_hhmm(m.start));
  CHECK(keys == std::vector<std::string>{"2004-07-12 10:00", "2004-07-12 15:00", "2005-03-07 10:00"});
  keys.clear();
  for (const auto& b : store.blackouts()) keys.push_back(b.station + "|" + b.reason);
  CHECK(keys == std::vector<std::string>{"|ECOSOC substantive session", "NY|high-level week"});
  keys.clear();
  for (const auto& r : store.holiday_rules("NY")) keys.push_back(r.name);
  CHECK(keys == std::vector<std::string>{"Eid al-Fitr", "Thanksgiving Day"});
  CHECK(store.ga_openings().front().session == 59);
}

TEST_CASE("filters select one station, body, session or mandate", "[store]") {
  const auto store = test::sample_store();
  CHECK(store.rooms("GVA").size() == 1);
  CHECK(store.rooms("NOWHERE").empty());
  CHECK(store.sessions("OEWG-ICT").size() == 1);
  CHECK(store.meetings("GGE-ICT-2004", 1).size() == 2);
  CHECK(store.meetings("GGE-ICT-2004", 2).size() == 1);
  CHECK(store.meetings("OEWG-ICT").empty());
  CHECK(store.holidays("GVA").size() == 1);
  CHECK(store.holiday_rules("GVA").size() == 1);
  CHECK(store.deadlines("58/32-ict").size() == 2);
  CHECK(store.deadlines("59/61-ict").empty());
  CHECK(!store.station("XX"));
  CHECK(!store.body("XX"));
  CHECK(!store.session("GGE-ICT-2004", 9));
  CHECK(store.session("GGE-ICT-2004", 2)->station == "GVA");
}

TEST_CASE("for_each_meeting streams the meetings in list order", "[store]") {
  const auto store = test::sample_store();
  std::vector<Meeting> seen;
  store.for_each_meeting([&](const Meeting& m, std::string_view modified) {
    CHECK(modified == store.last_modified(m.uid).value_or("?"));
    seen.push_back(m);
  });
  CHECK(seen == store.meetings());
  seen.clear();
  // The callback may read the store meanwhile.
  store.for_each_meeting([&](const Meeting& m, std::string_view) {
    CHECK(store.session(m.body, m.session).has_value());
    seen.push_back(m);
  }, "GGE-ICT-2004");
  CHECK(seen.size() == 3);
  seen.clear();
  store.for_each_meeting([&](const Meeting& m, std::string_view) { seen.push_back(m); }, "OEWG-ICT");
  CHECK(seen.empty());
}

TEST_CASE("last_modified is the time of the newest change of that uid", "[store]") {
  auto store = Store::in_memory();
  store.set_clock(Instant{std::chrono::seconds{1100000000}});
  {
    Store::Transaction tx(store);
    store.add(test::sample_scenario());
    tx.commit();
  }
  auto s = *store.session("GGE-ICT-2004", 2);
  const auto meeting_uid = store.meetings("GGE-ICT-2004", 1).front().uid;
  CHECK(store.last_modified(s.uid) == "2004-11-09T11:33:20Z");
  store.set_clock(Instant{std::chrono::seconds{1100086400}});
  {
    Store::Transaction tx(store);
    s.status = SessionStatus::confirmed;
    store.update(s);
    tx.commit();
  }
  CHECK(store.last_modified(s.uid) == "2004-11-10T11:33:20Z");
  CHECK(store.last_modified(meeting_uid) == "2004-11-09T11:33:20Z");
  CHECK(!store.last_modified("nobody@gge"));

  // A meeting added and moved row by row, then an update that changes nothing: the stamp
  // follows the logged changes only, and always equals the change log's newest entry.
  auto m = store.meetings("GGE-ICT-2004", 1).front();
  m.uid.clear();
  m.start = Minutes{15 * 60 + 30};
  m.end = Minutes{17 * 60};
  store.set_clock(Instant{std::chrono::seconds{1100172800}});
  {
    Store::Transaction tx(store);
    store.add(m);
    tx.commit();
  }
  const auto added = store.meetings("GGE-ICT-2004", 1);
  const auto it = std::find_if(added.begin(), added.end(),
                               [](const Meeting& x) { return x.start == Minutes{15 * 60 + 30}; });
  REQUIRE(it != added.end());
  CHECK(store.last_modified(it->uid) == "2004-11-11T11:33:20Z");
  auto moved = *it;
  moved.end = Minutes{17 * 60 + 30};
  store.set_clock(Instant{std::chrono::seconds{1100259200}});
  {
    Store::Transaction tx(store);
    store.update(moved);
    store.update(s);  // unchanged: neither logged nor stamped
    tx.commit();
  }
  CHECK(store.last_modified(moved.uid) == "2004-11-12T11:33:20Z");
  CHECK(store.last_modified(s.uid) == "2004-11-10T11:33:20Z");
  for (const auto& uid : {moved.uid, s.uid, meeting_uid}) {
    std::string newest;
    for (const auto& c : store.changes())
      if (c.after.find(uid) != std::string::npos) newest = c.at;
    CHECK(store.last_modified(uid) == newest);
  }
}

TEST_CASE("row_counts counts every table", "[store]") {
  const auto store = test::sample_store();
  const auto counts = store.row_counts();
  const Scenario in = test::sample_scenario();
  CHECK(counts.at("station") == 2);
  CHECK(counts.at("meeting") == static_cast<std::int64_t>(in.meetings.size()));
  CHECK(counts.at("blackout") == 2);
  CHECK(counts.at("holiday_rule") == 3);
  CHECK(counts.at("clock") == 1);
  std::int64_t rows = 0;
  for (const auto& [table, n] : counts)
    if (table != "change_log" && table != "clock") rows += n;
  CHECK(counts.at("change_log") == rows);  // one insert logged per row
  CHECK(counts.size() == 17);  // 15 model tables (busy_time since schema 5), clock, change_log
}

TEST_CASE("a Snapshot reads one state of the database while another connection writes", "[store]") {
  test::TempDir dir;
  const auto path = dir.path() / "s.db";
  {
    auto writer = Store::open(path);
    Store::Transaction tx(writer);
    writer.add(test::sample_scenario());
    tx.commit();
  }
  const auto reader = Store::open(path, Store::Mode::read_only);
  auto writer = Store::open(path);
  const auto before = reader.sessions().size();
  {
    const Store::Snapshot snapshot(reader);
    {
      Store::Transaction tx(writer);
      auto s = writer.sessions().back();
      s.number += 10;
      s.uid.clear();
      writer.add(s);
      tx.commit();
    }
    CHECK(reader.sessions().size() == before);  // the view taken when the snapshot began
    CHECK(writer.sessions().size() == before + 1);
  }
  CHECK(reader.sessions().size() == before + 1);  // a new view once it ended
}
