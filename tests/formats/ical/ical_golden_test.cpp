// The golden calendar: the 2004-2005 GGE with bodies and meetings titled in the six UN languages.
// Regenerate with: GGE_UPDATE_GOLDEN=1 build/tests/test_formats '[golden]'
#include "formats/ical/ical_fixture.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace gge;

namespace {
const std::string k_golden = std::string(GGE_SOURCE_DIR) + "/tests/ical/golden/ggeict_2004_2005.ics";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("write_calendar matches the golden file byte for byte", "[rules][ical][golden]") {
  auto f = test::golden_fixture();
  auto opts = test::fixed_options();
  opts.deadline_alarm_days = 7;
  std::string ics = test::write_to_string(f.calendar, opts);
  if (std::getenv("GGE_UPDATE_GOLDEN")) {
    std::ofstream(k_golden, std::ios::binary) << ics;
    WARN("updated " << k_golden);
  }
  std::string golden = read_file(k_golden);
  REQUIRE_FALSE(golden.empty());
  CHECK(ics == golden);
}

TEST_CASE("write_calendar is byte-identical whatever the input order", "[rules][ical][golden]") {
  auto f = test::golden_fixture();
  auto opts = test::fixed_options();
  std::string a = test::write_to_string(f.calendar, opts);
  std::reverse(f.calendar.sessions.begin(), f.calendar.sessions.end());
  std::reverse(f.calendar.meetings.begin(), f.calendar.meetings.end());
  std::reverse(f.calendar.deadlines.begin(), f.calendar.deadlines.end());
  std::string b = test::write_to_string(f.calendar, opts);
  CHECK(a == b);
  opts.dtstamp += std::chrono::seconds{1};
  CHECK(test::write_to_string(f.calendar, opts) != a);
}
