// bench_timeline: `gge timeline` on ten years of a 50-body calendar (the speed target).
//
//   build/bench/bench_timeline [YEARS] [BODIES] [OUT.html]
//
// Builds an in-memory database: NY, GVA and VIE with the bundled holiday calendars
// (data/holidays/), BODIES bodies (default 50), each with a mandate and 3 five-day sessions a
// year for YEARS years (default 10) from 2025, spread over the stations and statuses; deadline
// chains derived. Then times, separately: gathering the timeline from the store (including
// `gge check` with fix suggestions), the layout + HTML rendering alone, and the whole
// `gge timeline` path; prints the page size (and writes the page to OUT.html when given).
// Targets: render < 1 s, page < 5 MB.
#include "generated_plan.hpp"
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

}  // namespace

int main(int argc, char** argv) {
  const int years = argc > 1 ? std::atoi(argv[1]) : 10;
  const int bodies = argc > 2 ? std::atoi(argv[2]) : 50;
  auto store = Store::in_memory();
  auto t0 = Clock::now();
  bench::fill_generated_plan(store, years, bodies);
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
