#include "gge/model/sessions.hpp"

#include <catch2/catch.hpp>

using gge::SessionStatus;

TEST_CASE("is_active and is_firm: the one definition of the status sets", "[model]") {
  struct Row { SessionStatus status; bool active, firm; };
  const auto row = GENERATE(Row{SessionStatus::planned, true, false}, Row{SessionStatus::confirmed, true, true},
                            Row{SessionStatus::held, true, true}, Row{SessionStatus::postponed, false, false},
                            Row{SessionStatus::cancelled, false, false});
  INFO(gge::to_string(row.status));
  CHECK(gge::is_active(row.status) == row.active);
  CHECK(gge::is_firm(row.status) == row.firm);
}
