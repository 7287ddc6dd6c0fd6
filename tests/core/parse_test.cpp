#include "gge/core/parse.hpp"

#include <catch2/catch.hpp>

using namespace gge;

TEST_CASE("parse_date accepts real days", "[core]") {
  CHECK(to_iso(parse_date("2004-07-12", "first")) == "2004-07-12");
  CHECK(to_iso(parse_date("2004-02-29", "first")) == "2004-02-29");
  CHECK(to_iso(parse_date("1900-01-01", "first")) == "1900-01-01");
  CHECK(to_iso(parse_date("2199-12-31", "first")) == "2199-12-31");
}

TEST_CASE("parse_date refuses impossible days, naming field, value and place", "[core]") {
  struct Row { const char* text; const char* problem; };
  const auto row = GENERATE(Row{"2005-02-30", "February 2005 has 28 days"},
                            Row{"2005-13-01", "there is no month 13"},
                            Row{"2005-04-31", "April 2005 has 30 days"},
                            Row{"1900-02-29", "February 1900 has 28 days"},
                            Row{"2005-1-01", "expected a date as YYYY-MM-DD"},
                            Row{"05-01-2005", "expected a date as YYYY-MM-DD"},
                            Row{"", "expected a date as YYYY-MM-DD"},
                            Row{"1899-12-31", "year 1899 is outside the supported range 1900..2199"});
  try {
    parse_date(row.text, "session.first", "x.toml:3");
    FAIL("accepted " << row.text);
  } catch (const InputError& e) {
    CHECK(e.field() == "session.first");
    CHECK(e.value() == row.text);
    CHECK(e.problem() == row.problem);
    CHECK(std::string{e.what()} ==
          std::string{"x.toml:3: session.first '"} + row.text + "': " + row.problem);
  }
}

TEST_CASE("parse_hhmm", "[core]") {
  CHECK(parse_hhmm("10:00", "start").count() == 600);
  CHECK(parse_hhmm("24:00", "end").count() == 1440);
  CHECK_THROWS_AS(parse_hhmm("24:01", "end"), InputError);
  CHECK_THROWS_AS(parse_hhmm("10:60", "end"), InputError);
  CHECK_THROWS_AS(parse_hhmm("1000", "end"), InputError);
}

TEST_CASE("parse_span_days: weeks or days, unit required, either case", "[core]") {
  CHECK(parse_span_days("8w", "gap", 3640) == 56);
  CHECK(parse_span_days("8W", "gap", 3640) == 56);
  CHECK(parse_span_days("56d", "gap", 3640) == 56);
  CHECK(parse_span_days("56D", "gap", 3640) == 56);
  CHECK(parse_span_days("0d", "gap", 3640) == 0);
  CHECK(parse_span_days("52w", "alarm", 365) == 364);
  for (const char* bad : {"8", "3wd", "8y", "w", "-3d", "+3d", " 3d", "3 d", "53w", "366d", "99999999999w"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_span_days(bad, "alarm", 365), InputError);
  }
  CHECK_THROWS_WITH(parse_span_days("8x", "gap", 3640),
                    "gap '8x': expected a span like 8w (weeks) or 56d (days), 0 to 3640 days");
}

TEST_CASE("check_text refuses control characters, bad UTF-8 and overlong text", "[core]") {
  CHECK(check_text("Groupe d’experts gouvernementaux — 专家组", "name") ==
        "Groupe d’experts gouvernementaux — 专家组");
  CHECK_THROWS_WITH(check_text(std::string("a\x01z"), "name"),
                    "name 'a\\x01z': control character U+0001 at byte 1");
  CHECK_THROWS_AS(check_text(std::string("a\nz"), "name"), InputError);
  CHECK(check_text(std::string("a\nz"), "notes", {}, 100, true) == "a\nz");
  CHECK_THROWS_AS(check_text(std::string("\xC3\x28"), "name"), InputError);  // bad continuation
  CHECK_THROWS_AS(check_text(std::string("\xC0\xAF"), "name"), InputError);  // overlong
  CHECK_THROWS_AS(check_text(std::string("\xED\xA0\x80"), "name"), InputError);  // surrogate
  CHECK_THROWS_AS(check_text(std::string("\xC2\x85"), "name"), InputError);  // C1 NEL
  CHECK_THROWS_AS(check_text(std::string(1001, 'x'), "name"), InputError);
}

TEST_CASE("parse_zone knows the tz database", "[core]") {
  CHECK(parse_zone("Europe/Zurich", "zone")->name() == "Europe/Zurich");
  CHECK_THROWS_WITH(parse_zone("Mars/Olympus", "station.zone", "f.toml:2"),
                    "f.toml:2: station.zone 'Mars/Olympus': not a time zone of the tz database "
                    "(e.g. Europe/Zurich)");
}

TEST_CASE("UN date styles", "[core]") {
  const Date a = parse_date("2004-07-12", "d"), b = parse_date("2004-07-16", "d");
  CHECK(to_un_range(a, b) == "12 to 16 July 2004");
  CHECK(to_un_range(parse_date("2016-08-29", "d"), parse_date("2016-09-02", "d")) ==
        "29 August to 2 September 2016");
  CHECK(to_un_range(parse_date("2015-12-28", "d"), parse_date("2016-01-08", "d")) ==
        "28 December 2015 to 8 January 2016");
  CHECK(to_un_long(a) == "12 July 2004");
  CHECK(to_hhmm(Minutes{600}) == "10:00");
}
