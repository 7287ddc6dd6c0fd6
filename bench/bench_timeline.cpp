// bench_timeline: `gge timeline` on ten years of a 50-body calendar (issue 7 "Speed").
//
//   build/bench/bench_timeline [YEARS] [BODIES] [OUT.html]
//
// Builds an in-memory database: NY, GVA and VIE with the bundled holiday calendars
// (data/holidays/), BODIES bodies (default 50), each with a mandate and 3 five-day sessions a
// year for YEARS years (default 10) from 2025, spread over the stations and statuses; deadline
// chains derived. Then times, separately: gathering the timeline from the store (including
// `gge check` with fix suggestions), the layout + HTML rendering alone, and the whole
// `gge timeline` path; prints the page size (and writes the page to OUT.html when given). Targets: render < 1 s, page < 5 MB.
#include "gge/services/stored_deadlines.hpp"
#include "gge/services/holidays.hpp"
#include "gge/services/output_file.hpp"
#include "gge/services/stored_timeline.hpp"
#include "gge/store/store.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace {

using namespace gge;
using Clock = std::chrono::steady_clock;
using namespace date::literals;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

void fill(Store& store, int years, int bodies) {
  Store::Transaction tx(store);
  store.add(DutyStation{"NY", "New York (UNHQ)", "America/New_York"});
  store.add(DutyStation{"GVA", "Geneva (UNOG)", "Europe/Zurich"});
  store.add(DutyStation{"VIE", "Vienna (UNOV)", "Europe/Vienna"});
  const char* stations[] = {"NY", "GVA", "VIE"};
  const SessionStatus statuses[] = {SessionStatus::held, SessionStatus::confirmed,
                                    SessionStatus::planned, SessionStatus::cancelled};
  Resolution r;
  r.symbol = "79/1";
  r.adopted = Date{2024_y / 12 / 2};
  r.ga_session = 79;
  store.add(r);
  for (int b = 0; b < bodies; ++b) {
    Body body;
    body.symbol = fmt::format("BODY-{:02}", b);
    body.name = fmt::format("Illustrative body {} <bench & test>", b);
    store.add(body);
    Mandate m;
    m.key = fmt::format("79/1-{:02}", b);
    m.body = body.symbol;
    m.resolution = r.symbol;
    m.start = Date{2025_y / 1 / 1};
    m.report_to_session = 80 + years - 1;  // reports at the end of the period
    store.add(m);
    int n = 0;
    for (int y = 0; y < years; ++y)
      for (int k = 0; k < 3; ++k) {
        const int week = (b * 5 + k * 17 + y) % 50 + 1;
        const Date jan1{date::year{2025 + y} / 1 / 1};
        const Date monday = jan1 + (date::Monday - weekday_of(jan1)) + date::weeks{week};
        Session s;
        s.body = body.symbol;
        s.number = ++n;
        s.first = monday;
        s.last = monday + date::days{4};
        s.station = stations[(b + k) % 3];
        s.status = statuses[(b + y + k) % 4];
        store.add(s);
      }
  }
  std::vector<std::filesystem::path> files;
  for (const auto* f : {"unhq-new-york.toml", "unog-geneva.toml", "unov-vienna.toml"})
    files.emplace_back(std::filesystem::path{GGE_BENCH_SOURCE_DIR} / "data/holidays" / f);
  tx.commit();
  import_holiday_files(store, files);
  Store::Transaction tx2(store);
  refresh_deadlines(store);
  tx2.commit();
}

}  // namespace

int main(int argc, char** argv) {
  const int years = argc > 1 ? std::atoi(argv[1]) : 10;
  const int bodies = argc > 2 ? std::atoi(argv[2]) : 50;
  auto store = Store::in_memory();
  auto t0 = Clock::now();
  fill(store, years, bodies);
  const double t_fill = seconds_since(t0);

  TimelineScope scope;
  scope.from = Date{2025_y / 1 / 1};
  scope.to = Date{date::year{2025 + years - 1} / 12 / 31};
  t0 = Clock::now();
  const auto data = build_timeline(store, scope);
  const double t_gather = seconds_since(t0);
  t0 = Clock::now();
  const std::string html = to_html(data);
  const double t_html = seconds_since(t0);
  t0 = Clock::now();
  const std::string agenda = to_agenda(data);
  const double t_agenda = seconds_since(t0);

  std::size_t bars = 0;
  for (const auto& g : data.groups)
    for (const auto& r : g.rows) bars += r.bars.size();
  std::size_t closures = 0;
  for (const auto& s : data.stations) closures += s.closures.size();
  fmt::print("bench_timeline: {} years x {} bodies: {} bars, {} closures, {} findings, {} ticks\n",
             years, bodies, bars, closures, data.findings.size(), data.ticks.size());
  fmt::print("  database fill (not timed for the target)       {:8.3f} s\n", t_fill);
  fmt::print("  gather from the store incl. gge check + layout {:8.3f} s\n", t_gather);
  fmt::print("  HTML render (to_html)                          {:8.3f} s\n", t_html);
  fmt::print("  whole gge timeline path (gather + render)      {:8.3f} s  (target < 1 s)\n",
             t_gather + t_html);
  fmt::print("  page size                                      {:8.2f} MB ({} bytes, target < 5 MB)\n",
             double(html.size()) / 1e6, html.size());
  fmt::print("  agenda: {:.3f} s, {} bytes\n", t_agenda, agenda.size());
  if (argc > 3) write_file_atomically(argv[3], html, "OUT.html");
  return 0;
}
