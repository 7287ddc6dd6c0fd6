// Bounds where values enter the store: every date (derived ends too) in 1900..2199, revisions
// that saturate instead of wrapping (SEQUENCE never decreases), [[deadline]] rows that are the
// derived chain or refused, and dumps that load back at the edges.
#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

using gge::test::bytes_of;
using gge::test::example_scenario;
using gge::test::quote;
using gge::test::Scratch;

namespace {

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// Dump of `s`, loaded into a fresh database and dumped again: must be the same text.
void check_round_trip(const Scratch& s) {
  const auto dump = s.gge("dump");
  REQUIRE(dump.code == 0);
  Scratch again;
  const auto load = again.gge("load " + quote(again.write("dump.toml", dump.out)));
  INFO(load.err);
  REQUIRE(load.code == 0);
  CHECK(again.gge("dump").out == dump.out);
}

}  // namespace

TEST_CASE("a move whose last day would be after 2199 is refused, not only its first day", "[cli][bounds]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  REQUIRE(s.gge("meeting clear GGE-ICT-2004#2").code == 0);
  const std::string db_before = bytes_of(s.db());
  const auto r = s.gge("session move GGE-ICT-2004#2 --first 2199-12-30");  // 5 days: to 2200-01-03
  CHECK(r.code == 2);
  CHECK(r.err == "gge: session.last '2200-01-03': is outside the supported years 1900..2199\n");
  CHECK(bytes_of(s.db()) == db_before);
  CHECK(s.gge("timeline").code == 0);
}

TEST_CASE("sessions at the first and last supported days dump and load back", "[cli][bounds]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  REQUIRE(s.gge("session add GGE-ICT-2004#8 --first 1900-01-01 --last 1900-01-05 --station GVA").code == 0);
  const auto late = s.gge("session add GGE-ICT-2004#9 --first 2199-12-27 --last 2199-12-31 --station GVA");
  INFO(late.err);
  REQUIRE(late.code == 0);
  REQUIRE(s.gge("meeting generate GGE-ICT-2004#9").code == 0);
  check_round_trip(s);
}

TEST_CASE("a revision at the largest SEQUENCE stays there, and beyond it is refused", "[cli][bounds]") {
  Scratch s;
  const std::string text = bytes_of(example_scenario());
  const std::string top = replace_once(text, "number = 2\nfirst = 2005-04-11\n",
                                       "number = 2\nrevision = 2147483647\nfirst = 2005-04-11\n");
  const auto load = s.gge("load " + quote(s.write("top.toml", top)));
  INFO(load.err);
  REQUIRE(load.code == 0);
  REQUIRE(s.gge("meeting clear GGE-ICT-2004#2").code == 0);
  REQUIRE(s.gge("session move GGE-ICT-2004#2 --first 2005-04-18").code == 0);
  REQUIRE(s.gge("session set-status GGE-ICT-2004#2 confirmed").code == 0);
  const auto show = s.gge("--json session show GGE-ICT-2004#2");
  CHECK(show.out.find("\"revision\": 2147483647") != std::string::npos);
  const auto ics = s.gge("export ics --body GGE-ICT-2004").out;
  CHECK(ics.find("SEQUENCE:2147483647\r\n") != std::string::npos);
  CHECK(ics.find("SEQUENCE:-") == std::string::npos);
  check_round_trip(s);

  Scratch over;
  const std::string beyond = replace_once(text, "number = 2\nfirst = 2005-04-11\n",
                                          "number = 2\nrevision = 2147483648\nfirst = 2005-04-11\n");
  const auto r = over.gge("load " + quote(over.write("over.toml", beyond)));
  CHECK(r.code == 2);
  CHECK(r.err.find("session.revision") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("[[deadline]] rows: the derived chain is accepted, an override or unknown kind refused",
          "[cli][bounds]") {
  const std::string text = bytes_of(example_scenario());
  const auto with_row = [&](const std::string& kind, const std::string& date) {
    return text + "\n[[deadline]]\nmandate = \"58/32-GGE\"\nkind = \"" + kind + "\"\ndate = " + date + "\n";
  };
  SECTION("the chain as gge derives it") {
    Scratch s;
    const auto r = s.gge("load " + quote(s.write("ok.toml", with_row("submission", "2005-07-05"))));
    INFO(r.err);
    CHECK(r.code == 0);
  }
  SECTION("another date, or a kind the chain does not have") {
    for (const auto& [kind, date, message] :
         {std::tuple{"submission", "2005-06-01",
                     "deadline.date '2005-06-01': 58/32-GGE submission is derived (2005-07-05), not set"},
          std::tuple{"bogus", "2005-06-01", "deadline.kind 'bogus': mandate 58/32-GGE: not a step of the deadline chain"}}) {
      Scratch s;
      REQUIRE(s.gge("init").code == 0);
      const std::string empty_dump = s.gge("dump").out;
      const auto r = s.gge("load " + quote(s.write("bad.toml", with_row(kind, date))));
      INFO(r.err);
      CHECK(r.code == 2);
      CHECK(r.err.find(message) != std::string::npos);
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
      CHECK(s.gge("dump").out == empty_dump);
    }
  }
}

TEST_CASE("gge log --limit -1 is refused", "[cli][bounds]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  const auto r = s.gge("log --limit -1");
  CHECK(r.code == 2);
  CHECK(r.err == "gge: --limit '-1': must be a count of changes, 1 or more (0: all)\n");
  CHECK(r.out.empty());
}
