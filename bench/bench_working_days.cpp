// Working-day arithmetic and holiday lookups at UNHQ New York (issue 3: target >= 10 million
// is_working_day calls per second once a station's calendar is loaded). Run by hand:
//   build/bench/bench_working_days [DATA_FILE]
// Prints one figure per line. The data file defaults to data/holidays/unhq-new-york.toml.
#include "gge/formats/holidays/holiday_rules_toml.hpp"
#include "gge/rules/calendar/working_days.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace date::literals;
  const std::string path =
      argc > 1 ? argv[1] : std::string{GGE_BENCH_SOURCE_DIR} + "/data/holidays/unhq-new-york.toml";
  const gge::HolidayData data = gge::read_holiday_data_file(path);

  auto t0 = Clock::now();
  const gge::WorkingCalendar cal = gge::make_working_calendar("NY", data.rules, data.confirmed);
  fmt::print("load: NY calendar 1900-2199 from {} rules: {:.1f} ms\n", data.rules.size(),
             seconds_since(t0) * 1e3);

  // Random days in 1990-2030, drawn once so the timed loops measure only the lookups.
  std::mt19937 rng(42);
  const gge::Date base{1990_y / 1 / 1};
  std::uniform_int_distribution<int> pick(0, (gge::Date{2030_y / 12 / 31} - base).count());
  std::vector<gge::Date> days(1 << 20);
  for (auto& d : days) d = base + date::days{pick(rng)};

  const int rounds = 50;
  std::uint64_t working = 0;
  t0 = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto d : days) working += cal.is_working_day(d) ? 1 : 0;
  double s = seconds_since(t0);
  const double calls = static_cast<double>(rounds) * static_cast<double>(days.size());
  fmt::print("is_working_day: {:.1f} million calls/s ({:.0f} calls, {} working)\n",
             calls / s / 1e6, calls, working);

  // A dependent chain: each call's answer decides the next day asked, so calls cannot overlap.
  gge::Date x = base;
  const gge::Date wrap{2030_y / 1 / 1};
  const int chain = 20000000;
  t0 = Clock::now();
  for (int i = 0; i < chain; ++i) {
    x += date::days{cal.is_working_day(x) ? 1 : 2};
    if (x >= wrap) x = base;
  }
  s = seconds_since(t0);
  fmt::print("is_working_day, dependent chain: {:.1f} million calls/s (end {})\n",
             chain / s / 1e6, gge::to_iso(x));

  std::uint64_t found = 0;
  t0 = Clock::now();
  for (int r = 0; r < 5; ++r)
    for (const auto d : days) found += cal.closure_on(d) ? 1 : 0;
  s = seconds_since(t0);
  fmt::print("closure_on (holiday lookup): {:.1f} million lookups/s ({} found)\n",
             5.0 * static_cast<double>(days.size()) / s / 1e6, found);

  std::int64_t sum = 0;
  const int adds = 200000;
  t0 = Clock::now();
  for (int i = 0; i < adds; ++i)
    sum += cal.add_working_days(days[static_cast<std::size_t>(i)], 10).time_since_epoch().count();
  s = seconds_since(t0);
  fmt::print("add_working_days(d, 10): {:.2f} million calls/s (checksum {})\n", adds / s / 1e6,
             sum % 1000);

  t0 = Clock::now();
  int count = 0;
  for (int i = 0; i < adds; ++i) {
    const auto d = days[static_cast<std::size_t>(i)];
    count += cal.count_working_days(d, d + date::days{30});
  }
  s = seconds_since(t0);
  fmt::print("count_working_days over 31 days: {:.2f} million calls/s (total {})\n",
             adds / s / 1e6, count);
  return 0;
}
