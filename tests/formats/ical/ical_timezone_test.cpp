#include "formats/ical/ical_timezone.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using gge::detail::append_vtimezone;

namespace {
std::string vtimezone(const char* zone, int first_year, int last_year) {
  std::string out;
  append_vtimezone(out, *date::locate_zone(zone), first_year, last_year);
  return out;
}
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + 1)) ++n;
  return n;
}
/// The observance block (BEGIN:kind ... END:kind) whose DTSTART is `dtstart`.
std::string observance(const std::string& vtz, const std::string& kind, const std::string& dtstart) {
  auto at = vtz.find("BEGIN:" + kind + "\r\nDTSTART:" + dtstart + "\r\n");
  if (at == std::string::npos) return {};
  auto end = vtz.find("END:" + kind + "\r\n", at);
  return vtz.substr(at, end - at);
}
}  // namespace

TEST_CASE("VTIMEZONE America/New_York 2005-2008: the 1987-2006 and the 2007 US rules each bounded",
          "[rules][ical]") {
  // Meetings in 2006 and 2007 give a span from 2005 to 2008.
  auto vtz = vtimezone("America/New_York", 2005, 2008);
  CHECK(vtz.rfind("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n", 0) == 0);
  CHECK(vtz.find("END:VTIMEZONE\r\n") == vtz.size() - 15);

  // Until 2006: first Sunday of April, last Sunday of October, 02:00 local; ends with 2006.
  auto dst_old = observance(vtz, "DAYLIGHT", "20050403T020000");
  CHECK(dst_old.find("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z\r\n") != std::string::npos);
  CHECK(dst_old.find("TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n") != std::string::npos);
  auto std_old = observance(vtz, "STANDARD", "20051030T020000");
  CHECK(std_old.find("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z\r\n") != std::string::npos);
  CHECK(std_old.find("TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\n") != std::string::npos);

  // From 2007: second Sunday of March, first Sunday of November; holds to the span's end.
  auto dst_new = observance(vtz, "DAYLIGHT", "20070311T020000");
  CHECK(dst_new.find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n") != std::string::npos);
  auto std_new = observance(vtz, "STANDARD", "20071104T020000");
  CHECK(std_new.find("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n") != std::string::npos);

  // The opening observance and the four eras, nothing else.
  CHECK(observance(vtz, "STANDARD", "20050101T000000").find("TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0500") !=
        std::string::npos);
  CHECK(count(vtz, "BEGIN:DAYLIGHT") == 2);
  CHECK(count(vtz, "BEGIN:STANDARD") == 3);
}

TEST_CASE("VTIMEZONE Europe/Zurich: last Sundays of March and October open-ended", "[rules][ical]") {
  auto vtz = vtimezone("Europe/Zurich", 2005, 2008);
  auto dst = observance(vtz, "DAYLIGHT", "20050327T020000");
  CHECK(dst.find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n") != std::string::npos);
  CHECK(dst.find("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n") != std::string::npos);
  auto std_ = observance(vtz, "STANDARD", "20051030T030000");
  CHECK(std_.find("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n") != std::string::npos);
  CHECK(vtz.find("UNTIL") == std::string::npos);
  CHECK(count(vtz, "BEGIN:DAYLIGHT") == 1);
  CHECK(count(vtz, "BEGIN:STANDARD") == 2);
}

TEST_CASE("VTIMEZONE Africa/Nairobi: no DST and one STANDARD with equal offsets", "[rules][ical]") {
  auto vtz = vtimezone("Africa/Nairobi", 2005, 2008);
  CHECK(count(vtz, "BEGIN:STANDARD") == 1);
  CHECK(count(vtz, "BEGIN:DAYLIGHT") == 0);
  CHECK(vtz.find("TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n") != std::string::npos);
  CHECK(vtz.find("RRULE") == std::string::npos);
}

TEST_CASE("VTIMEZONE Europe/Moscow 2008-2012: DST abolished in 2011 so the rule is bounded",
          "[rules][ical]") {
  auto vtz = vtimezone("Europe/Moscow", 2008, 2012);
  auto dst = observance(vtz, "DAYLIGHT", "20080330T020000");
  // Last Sunday of March 2008-2010 only: 2010-03-28 02:00 MSK = 2010-03-27T23:00Z.
  CHECK(dst.find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=20100327T230000Z\r\n") != std::string::npos);
  CHECK(vtz.find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n") == std::string::npos);
}

TEST_CASE("VTIMEZONE Asia/Tehran 2009-2011: fixed-date changes become one observance each",
          "[rules][ical]") {
  // Iran changed on 22 March / 22 September (not a weekday rule) until 2022.
  auto vtz = vtimezone("Asia/Tehran", 2009, 2011);
  CHECK(vtz.find("RRULE") == std::string::npos);
  CHECK(count(vtz, "BEGIN:DAYLIGHT") == 3);
  CHECK(count(vtz, "BEGIN:STANDARD") == 4);
  CHECK(vtz.find("TZOFFSETFROM:+0330\r\nTZOFFSETTO:+0430\r\n") != std::string::npos);
}
