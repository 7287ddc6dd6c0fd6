// A use case that runs inside its caller's transaction says so in its type: it takes a WriteTx,
// so calling it with a bare Store does not compile.
#include "gge/services/transaction.hpp"
#include "gge/services/scenario_file.hpp"
#include "gge/services/session_edits.hpp"
#include "gge/services/stored_deadlines.hpp"

#include <catch2/catch.hpp>

#include <string>
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

TEST_CASE("a commit refreshes the deadline chains only when it changed one of their inputs",
          "[services]") {
  auto store = Store::in_memory();
  (void)load_scenario(store, std::string(GGE_SOURCE_DIR) + "/examples/gge-2004-2005/scenario.toml");
  const auto chains = [&] {
    std::vector<std::vector<Deadline>> out;
    for (const auto& m : store.mandates()) out.push_back(store.deadlines(m.key));
    return out;
  };
  REQUIRE(!store.mandates().empty());
  const auto before = chains();

  // A move writes sessions (and meetings) only: not an input, no refresh.
  long long since = store.newest_change_id();
  (void)move_session(store, SessionRef{"GGE-ICT-2004", 2}, Date{date::year{2005} / 4 / 18},
                     std::nullopt);
  CHECK(store.tables_changed_since(since) == std::vector<std::string>{"session"});
  CHECK_FALSE(deadline_inputs_changed(store, since));
  CHECK(chains() == before);
  // ... and none was due: a full refresh now finds nothing to change.
  CHECK(in_transaction(store, [](WriteTx& tx) { return refresh_deadlines(tx); }).empty());

  // A New York closure is an input: the commit that adds one among the working days counted
  // back to latest_end (2005-06-22, a Wednesday) refreshes the chains with it.
  since = store.newest_change_id();
  in_transaction(store, [&](WriteTx& tx) {
    for (const auto& m : tx.store().mandates())
      for (const auto& dl : tx.store().deadlines(m.key))
        if (dl.kind == "latest_end")
          tx.store().add(
              Holiday{"NY", dl.date + date::days{2}, "Closure (test)", HolidayStatus::confirmed});
  });
  CHECK(deadline_inputs_changed(store, since));
  CHECK(chains() != before);
  CHECK(in_transaction(store, [](WriteTx& tx) { return refresh_deadlines(tx); }).empty());
}
