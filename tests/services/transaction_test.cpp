// A use case that runs inside its caller's transaction says so in its type: it takes a WriteTx,
// so calling it with a bare Store does not compile.
#include "gge/services/session_edits.hpp"
#include "gge/services/stored_deadlines.hpp"
#include "gge/services/transaction.hpp"

#include <catch2/catch.hpp>

#include <type_traits>
#include <vector>

using namespace gge;

TEST_CASE("use cases inside the caller's transaction take a WriteTx, not a Store", "[services]") {
  using Days = const std::vector<Date>&;
  STATIC_REQUIRE(std::is_invocable_v<decltype(move_session_and_meetings), WriteTx&, const Session&,
                                     const Session&, Days, Days>);
  STATIC_REQUIRE_FALSE(std::is_invocable_v<decltype(move_session_and_meetings), Store&, const Session&,
                                           const Session&, Days, Days>);
  STATIC_REQUIRE(std::is_invocable_v<decltype(refresh_deadlines), WriteTx&, const Calendars*>);
  STATIC_REQUIRE_FALSE(std::is_invocable_v<decltype(refresh_deadlines), Store&, const Calendars*>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<WriteTx, const Store&>);
}

TEST_CASE("in_transaction commits what its use case wrote, or nothing when it throws", "[services]") {
  auto store = Store::in_memory();
  CHECK_THROWS_AS(in_transaction(store,
                                 [](WriteTx& tx) {
                                   tx.store().add(DutyStation{"NY", "New York", "America/New_York"});
                                   throw InputError({}, "x", "y", "refused");
                                 }),
                  InputError);
  CHECK(store.stations().empty());
  in_transaction(store, [](WriteTx& tx) { tx.store().add(DutyStation{"NY", "New York", "America/New_York"}); });
  CHECK(store.stations().size() == 1);
}
