// bench_import: `gge import ics` of a 10,000-event file, 1,000 of them weekly series with no end,
// expanded over two years (2005-01-01 to 2006-12-31) in a zone with a VTIMEZONE. Times the
// read alone (libical parse + expansion) and the whole import into a fresh database (read,
// then one transaction of inserts with their change-log rows), and prints the peak resident
// memory (getrusage) after each. Run by hand: build/bench/bench_import [EVENTS [SERIES]]
#include "gge/formats/ical/ical_import.hpp"
#include "gge/services/busy_import.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace gge;
namespace fs = std::filesystem;

namespace {

constexpr const char* k_weekdays[] = {"MO", "TU", "WE", "TH", "FR"};

std::string calendar(int events, int series) {
  std::string s =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//gge bench//EN\r\n"
      "BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich\r\n"
      "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19810329T020000\r\n"
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
      "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19961027T030000\r\n"
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
  for (int i = 0; i < events; ++i) {
    const int day = 1 + i % 28, month = 1 + (i / 28) % 12, year = 2005 + (i / 336) % 2,
              hour = 8 + i % 9;
    s += fmt::format(
        "BEGIN:VEVENT\r\nUID:bench-{}@example.org\r\nDTSTAMP:20050101T000000Z\r\n"
        "DTSTART;TZID=Europe/Zurich:{:04}{:02}{:02}T{:02}0000\r\n"
        "DTEND;TZID=Europe/Zurich:{:04}{:02}{:02}T{:02}3000\r\nSUMMARY:Event {}\r\n",
        i, year, month, day, hour, year, month, day, hour, i);
    if (i < series) s += fmt::format("RRULE:FREQ=WEEKLY;BYDAY={}\r\n", k_weekdays[i % 5]);
    s += "END:VEVENT\r\n";
  }
  return s + "END:VCALENDAR\r\n";
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

long peak_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // KiB on Linux
}

}  // namespace

int main(int argc, char** argv) {
  const int events = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const int series = argc > 2 ? std::atoi(argv[2]) : 1'000;
  const fs::path dir = fs::temp_directory_path() / fmt::format("gge-bench-import-{}", ::getpid());
  fs::create_directories(dir);
  const fs::path file = dir / "busy.ics";
  std::ofstream(file, std::ios::binary) << calendar(events, series);
  fmt::print("file: {} events, {} weekly series without end, {:.1f} MB\n", events, series,
             static_cast<double>(fs::file_size(file)) / 1e6);
  const long rss_before = peak_kib();

  IcsOptions options;
  options.from = Date{date::year{2005} / 1 / 1};
  options.to = Date{date::year{2006} / 12 / 31};
  auto t0 = std::chrono::steady_clock::now();
  const auto read = read_ics_file(file, options);
  const double read_s = seconds_since(t0);
  fmt::print("read (parse + expand): {:.3f} s, {} busy times, peak RSS {} MB (before: {} MB)\n",
             read_s, read.busy.size(), peak_kib() / 1024, rss_before / 1024);

  auto store = Store::open(dir / "gge.db");
  add_one(store, Expert{"ex-1", "Expert", ""});
  IcsImportRequest request;
  request.files = {file};
  request.subject = "ex-1";
  request.from = options.from;
  request.to = options.to;
  t0 = std::chrono::steady_clock::now();
  const auto reports = import_ics(store, request);
  const double import_s = seconds_since(t0);
  fmt::print(
      "import (read + one transaction into the database): {:.3f} s, {} busy times stored, "
      "{:.0f} busy times/s, peak RSS {} MB\n",
      import_s, reports.at(0).busy, static_cast<double>(reports.at(0).busy) / import_s,
      peak_kib() / 1024);
  fs::remove_all(dir);
}
