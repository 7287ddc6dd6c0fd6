#include "gge/core/text.hpp"

#include <catch2/catch.hpp>

TEST_CASE("counted: the number and the noun, singular only for one", "[core]") {
  CHECK(gge::counted(0, "session") == "0 sessions");
  CHECK(gge::counted(1, "session") == "1 session");
  CHECK(gge::counted(2, "session") == "2 sessions");
  CHECK(gge::counted(1, "body", "bodies") == "1 body");
  CHECK(gge::counted(15, "body", "bodies") == "15 bodies");
  CHECK(gge::counted(-1, "day") == "-1 days");
}
