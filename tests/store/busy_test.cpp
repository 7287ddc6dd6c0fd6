// Imported busy time in the store (src/store/busy.cpp).
#include "fixture.hpp"
#include "gge/store/store.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using test::d;

namespace {

BusyTime timed(std::string subject, std::string source, std::string uid, Instant start,
               std::chrono::minutes length) {
  BusyTime b;
  b.kind = BusyKind::expert;
  b.subject = std::move(subject);
  b.source = std::move(source);
  b.uid = std::move(uid);
  b.summary = "Dentist";
  b.start = start;
  b.end = start + length;
  return b;
}

Instant at(const char* day, int hour) {
  return Instant{d(day).time_since_epoch()} + std::chrono::hours{hour};
}

}  // namespace

TEST_CASE(
    "busy times are stored, read back, and removed by source with the change log keeping them",
    "[store]") {
  auto store = test::sample_store();
  BusyTime all_day;
  all_day.kind = BusyKind::room;
  all_day.subject = "NY/Conference Room 4";
  all_day.source = "un-rooms.ics";
  all_day.uid = "c@un.org";
  all_day.all_day = true;
  all_day.first = d("2005-05-18");
  all_day.last = d("2005-05-23");
  const BusyTime one =
      timed("ru-1", "ru-1.ics", "x@example.org", at("2005-03-01", 15), std::chrono::minutes{90});
  {
    Store::Transaction tx(store);
    store.add(one);
    store.add(all_day);
    tx.commit();
  }
  CHECK(store.busy_times() == std::vector<BusyTime>{one, all_day});
  CHECK(store.busy_times("un-rooms.ics") == std::vector<BusyTime>{all_day});
  CHECK(store.scenario().busy_times.size() == 2);

  Store::Transaction tx(store);
  CHECK_THROWS_WITH(
      store.add(one),
      Catch::Contains("already has an instance of this event starting 2005-03-01T15:00:00Z"));
  CHECK_THROWS_WITH(
      store.add(timed("nobody", "x.ics", "y", at("2005-03-01", 1), std::chrono::minutes{5})),
      Catch::Contains("busy.expert 'nobody': no such expert"));
  auto room = all_day;
  room.subject = "NY/Room 99";
  CHECK_THROWS_WITH(store.add(room), Catch::Contains("no such room"));
  auto backwards = one;
  backwards.end = backwards.start;
  CHECK_THROWS_WITH(store.add(backwards), Catch::Contains("busy.end"));
  CHECK(store.remove_busy_times("ru-1.ics") == 1);
  CHECK(store.remove_busy_times("ru-1.ics") == 0);
  tx.commit();
  CHECK(store.busy_times() == std::vector<BusyTime>{all_day});
  const auto log = store.changes(1);
  REQUIRE(log.size() == 1);
  CHECK(log[0].table == "busy_time");
  CHECK(log[0].action == "delete");
  CHECK(log[0].key == "expert ru-1 ru-1.ics x@example.org 2005-03-01T15:00:00Z");
}
