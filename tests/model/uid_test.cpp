#include "gge/model/uid.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

using gge::make_uid;

TEST_CASE("make_uid gives 32 hex digits at gge", "[model]") {
  const std::regex shape{"[0-9a-f]{32}@gge"};
  for (const char* key : {"GGE-ICT-2004#1", "", "GGE-ICT-2004#2 2004-07-12 10:00", "ä#1"})
    CHECK(std::regex_match(make_uid("session", key), shape));
}

TEST_CASE("make_uid is a pure function of kind, key and salt", "[model]") {
  CHECK(make_uid("session", "GGE-ICT-2004#1") == make_uid("session", "GGE-ICT-2004#1"));
  CHECK(make_uid("session", "GGE-ICT-2004#1") != make_uid("meeting", "GGE-ICT-2004#1"));
  CHECK(make_uid("session", "GGE-ICT-2004#1") != make_uid("session", "GGE-ICT-2004#2"));
  CHECK(make_uid("session", "GGE-ICT-2004#1", 0) != make_uid("session", "GGE-ICT-2004#1", 1));
  // The separator keeps the parts apart.
  CHECK(make_uid("ab", "c") != make_uid("a", "bc"));
}

TEST_CASE("make_uid is the same on every machine (golden value)", "[model]") {
  // Pinned once: if this changes, every stored UID and every golden .ics file changes with it.
  CHECK(make_uid("session", "GGE-ICT-2004#1") == "b15f68f4fbcb2096ba8fa2b4b3190c49@gge");
}

TEST_CASE("make_uid does not collide over many near keys", "[model]") {
  std::set<std::string> seen;
  for (int s = 1; s <= 1000; ++s)
    for (int m = 0; m < 100; ++m)
      seen.insert(make_uid("meeting", "B#" + std::to_string(s) + " " + std::to_string(m)));
  CHECK(seen.size() == 100000);
}
