// Moving a session carries its meetings: each keeps its day of the session, slots never clash
// on the way, and a meeting without a day in the new dates stops the move before any write.
#include "gge/core/error.hpp"
#include "gge/rules/check/check.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/plan_mandate.hpp"
#include "gge/services/session_edits.hpp"
#include "gge/store/store.hpp"
#include "store/fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

using namespace gge;
using gge::test::d;

namespace {

const SessionRef k_second{"GGE-ICT-2004", 2};  // GVA, Monday 7 to Friday 11 March 2005

// The sample store with session 2 holding the standard meetings on all five days (10 meetings).
Store store_with_full_week() {
  auto store = test::sample_store();
  (void)generate_meetings(store, k_second);
  REQUIRE(store.meetings(k_second.body, k_second.number).size() == 10);
  return store;
}

/// The database file's bytes and its WAL's: equal before and after means nothing was written.
std::string db_bytes(const std::filesystem::path& db) {
  std::string out;
  for (const auto& p : {db, std::filesystem::path(db.string() + "-wal")}) {
    std::ifstream in(p, std::ios::binary);
    out += std::string(std::istreambuf_iterator<char>(in), {}) + "\n--\n";
  }
  return out;
}

std::map<std::string, Meeting> by_uid(const std::vector<Meeting>& meetings) {
  std::map<std::string, Meeting> out;
  for (const auto& m : meetings) out.emplace(m.uid, m);
  return out;
}

}  // namespace

TEST_CASE("moving a session by one day moves every meeting one day, none clashing", "[services]") {
  auto store = store_with_full_week();
  const auto before = by_uid(store.meetings(k_second.body, k_second.number));
  const int shift = GENERATE(1, -1, 3);
  INFO("shift " << shift);
  const Session moved =
      move_session(store, k_second, d("2005-03-07") + date::days{shift}, std::nullopt);
  CHECK(moved.last == d("2005-03-11") + date::days{shift});
  const auto after = by_uid(store.meetings(k_second.body, k_second.number));
  REQUIRE(after.size() == before.size());
  for (const auto& [uid, m] : before) {
    INFO(uid);
    REQUIRE(after.count(uid) == 1);
    CHECK(after.at(uid).date == m.date + date::days{shift});
    CHECK(after.at(uid).start == m.start);
    CHECK(after.at(uid).number == m.number);
    CHECK(after.at(uid).revision == m.revision + 1);
  }
}

TEST_CASE("a move that leaves a meeting without a day writes nothing and says what to do", "[services]") {
  auto store = store_with_full_week();
  const Scenario before = store.scenario();
  const auto logged = store.changes().size();
  try {
    (void)move_session(store, k_second, d("2005-03-14"), d("2005-03-16"));
    FAIL("a three-day session kept five days of meetings");
  } catch (const InputError& e) {
    CHECK(e.field() == "meeting.date");
    CHECK(e.value() == "2005-03-10");  // day 4 of the old session
    CHECK(std::string{e.what()}.find("its meetings need 5 days") != std::string::npos);
  }
  CHECK(store.scenario() == before);
  CHECK(store.changes().size() == logged);
  // A span that ends before it starts is named as such, not as meetings without a day.
  try {
    (void)move_session(store, k_second, d("2005-03-14"), d("2005-03-10"));
    FAIL("last before first accepted");
  } catch (const InputError& e) {
    CHECK(e.field() == "session.last");
  }
  // Cleared first, the shorter session is accepted and generates its own meetings.
  CHECK(remove_meetings(store, k_second) == 10);
  (void)move_session(store, k_second, d("2005-03-14"), d("2005-03-16"));
  CHECK(generate_meetings(store, k_second).size() == 6);
  CHECK_THROWS_AS(remove_meetings(store, {"GGE-ICT-2004", 9}), InputError);
}

TEST_CASE("generate and clear meetings from a stale revision are refused and write nothing",
          "[services]") {
  const test::TempDir dir;
  const auto db = dir.path() / "gge.db";
  auto store = Store::open(db);
  store.set_clock(Instant{std::chrono::seconds{1100000000}});
  {
    Store::Transaction tx(store);
    store.add(test::sample_scenario());
    tx.commit();
  }
  const long long loaded = store.session(k_second.body, k_second.number)->revision;
  // From the stored revision it runs, as without one (1 of the 10 slots is taken already).
  CHECK(generate_meetings(store, k_second, loaded).size() == 9);
  // Someone changes the session: a request made from the revision before is stale.
  const long long current =
      set_session_status(store, k_second, SessionStatus::confirmed, loaded).revision;
  REQUIRE(current != loaded);
  const auto refused = [&](auto&& write) {
    const std::string before = db_bytes(db);
    const auto logged = store.changes().size();
    try {
      write();
      FAIL("a write from a stale revision ran");
    } catch (const StaleRevision& e) {
      CHECK(e.field() == "revision");
      CHECK(e.value() == std::to_string(loaded));
    }
    CHECK(db_bytes(db) == before);
    CHECK(store.changes().size() == logged);
  };
  refused([&] { (void)remove_meetings(store, k_second, std::nullopt, std::nullopt, loaded); });
  CHECK(store.meetings(k_second.body, k_second.number).size() == 10);
  CHECK(remove_meetings(store, k_second, std::nullopt, std::nullopt, current) == 10);
  refused([&] { (void)generate_meetings(store, k_second, loaded); });
  CHECK(store.meetings(k_second.body, k_second.number).empty());
  CHECK(generate_meetings(store, k_second, current).size() == 10);
}

TEST_CASE("a session moved to another station leaves its meetings' rooms behind", "[services]") {
  auto store = test::sample_store();
  const SessionRef first{"GGE-ICT-2004", 1};  // NY; one meeting in Conference Room 1
  (void)move_session(store, first, d("2004-07-12"), std::nullopt, std::string{"GVA"});
  const auto meetings = store.meetings(first.body, first.number);
  REQUIRE(meetings.size() == 2);
  for (const auto& m : meetings) CHECK(m.room.empty());
}

TEST_CASE("apply_plan keeps each meeting on its working day of the session", "[services]") {
  // Planned from a Wednesday, the five working days of session 2 run Wednesday to Tuesday: the
  // meetings of Monday to Friday go to Wednesday, Thursday, Friday, Monday and Tuesday (a move by
  // the same number of days would put two days of them on the weekend).
  auto store = store_with_full_week();
  Plan plan;
  plan.sessions.push_back({"58/32-ict", "GGE-ICT-2004", 2, d("2005-04-06"), d("2005-04-12"), "GVA", "Room XVIII"});
  const auto findings = apply_plan(store, plan);
  CHECK_FALSE(has_errors(findings, false));
  std::map<Date, int> per_day;
  for (const auto& m : store.meetings(k_second.body, k_second.number)) ++per_day[m.date];
  CHECK(per_day == std::map<Date, int>{{d("2005-04-06"), 2}, {d("2005-04-07"), 2}, {d("2005-04-08"), 2},
                                       {d("2005-04-11"), 2}, {d("2005-04-12"), 2}});
}

TEST_CASE("Calendars::knows_closures: rule years and dated holidays", "[services]") {
  // The sample store: NY has a Thanksgiving rule for every year. NBO gets a holiday in 2006
  // and a rule for 2010 to 2012 only.
  auto store = test::sample_store();
  Store::Transaction tx(store);
  store.add(DutyStation{"NBO", "Nairobi (UNON)", "Africa/Nairobi"});
  store.add(Holiday{"NBO", d("2006-12-12"), "Jamhuri Day", HolidayStatus::confirmed});
  HolidayRule madaraka{"NBO", "Madaraka Day", HolidayRuleKind::fixed, 6, 1};
  madaraka.from_year = 2010;
  madaraka.to_year = 2012;
  store.add(madaraka);
  tx.commit();
  const Calendars calendars(store);
  CHECK(calendars.knows_closures("NY", 1950));
  CHECK(calendars.knows_closures("NBO", 2006));
  CHECK_FALSE(calendars.knows_closures("NBO", 2005));
  CHECK_FALSE(calendars.knows_closures("NBO", 2007));
  CHECK(calendars.knows_closures("NBO", 2010));
  CHECK(calendars.knows_closures("NBO", 2012));
  CHECK_FALSE(calendars.knows_closures("NBO", 2013));
  CHECK_FALSE(calendars.knows_closures("XX", 2005));
}

TEST_CASE("preview_move shows the findings a move causes and resolves, and writes nothing",
          "[services]") {
  auto store = store_with_full_week();
  const auto log_before = store.changes();
  const Session before = *store.session(k_second.body, k_second.number);
  // Saturday 12 March: the session would start and meet on a weekend.
  const MovePreview p = preview_move(store, k_second, d("2005-03-12"), std::nullopt);
  CHECK(p.before == before);
  CHECK(p.after.first == d("2005-03-12"));
  CHECK(p.after.last == d("2005-03-16"));
  const auto weekend = std::find_if(p.added.begin(), p.added.end(),
                                    [](const Finding& f) { return f.code == "weekend"; });
  REQUIRE(weekend != p.added.end());
  // Its fix is an action: the nearest dates that pass every check, for the same session.
  REQUIRE(weekend->fix_move.has_value());
  CHECK(weekend->fix_move->session == "GGE-ICT-2004#2");
  CHECK(weekend->fix.find(to_un_range(weekend->fix_move->first, weekend->fix_move->last)) !=
        std::string::npos);
  CHECK(std::find(p.session_findings.begin(), p.session_findings.end(), *weekend) !=
        p.session_findings.end());
  // Nothing was written: the session, its meetings and the change log are as they were.
  CHECK(*store.session(k_second.body, k_second.number) == before);
  CHECK(store.changes().size() == log_before.size());
  // The same errors as the move itself: a stale revision is refused before anything runs.
  CHECK_THROWS_AS(
      preview_move(store, k_second, d("2005-03-14"), std::nullopt, {}, {}, before.revision + 1),
      StaleRevision);
  // Moving it back to where it is resolves nothing and adds nothing.
  const MovePreview same = preview_move(store, k_second, before.first, std::nullopt);
  CHECK(same.added.empty());
  CHECK(same.resolved.empty());
}
