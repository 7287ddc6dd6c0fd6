// bench_ical: the iCalendar writer alone on N timed meetings across 4 zones (default 1,000,000),
// generated on the fly and written to /dev/null in 64 KiB chunks; then ical-generator (npm,
// bench/ical-generator) on the same events, timed in the same run. Prints events/s, peak RSS
// (VmHWM) after 10% and after 100% of the events (memory must not grow with N), and the ratio.
// Usage: bench_ical [N [M]]: M = events for ical-generator (default min(N, 100000): it needs
// about 14 minutes and 8 GB for 1,000,000 on the reference machine), 0 = skip it. The ratio
// compares events per second.
#include "gge/formats/ical/ical.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace gge;

namespace {

/// Peak resident set size of this process so far, KiB (VmHWM in /proc/self/status).
long peak_rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string key;
  while (in >> key) {
    if (key == "VmHWM:") {
      long v = 0;
      in >> v;
      return v;
    }
    in.ignore(1 << 20, '\n');
  }
  return -1;
}

struct CommandOutput {
  int status = -1;
  std::string out;
};
CommandOutput run(const std::string& command) {
  CommandOutput r;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  r.status = ::pclose(p);
  return r;
}

/// A number after `"key":` in a one-line JSON object (the node script's output).
double json_number(const std::string& json, const std::string& key) {
  auto at = json.find("\"" + key + "\":");
  return at == std::string::npos ? -1 : std::strtod(json.c_str() + at + key.size() + 3, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  const long n = argc > 1 ? std::atol(argv[1]) : 1000000;
  const long baseline_n = argc > 2 ? std::atol(argv[2]) : std::min(n, 100000L);
  const std::array<DutyStation, 4> stations{{{"NY", "New York (UNHQ)", "America/New_York"},
                                             {"GVA", "Geneva (UNOG)", "Europe/Zurich"},
                                             {"VIE", "Vienna (UNOV)", "Europe/Vienna"},
                                             {"NBO", "Nairobi (UNON)", "Africa/Nairobi"}}};
  const Body body{"BENCH", "Benchmark body", BodyKind::other, 0, 0};
  std::array<Session, 4> sessions;
  for (int z = 0; z < 4; ++z)
    sessions[z] = {"BENCH", z + 1, {}, {}, stations[z].code, "", SessionStatus::confirmed,
                   fmt::format("bench-session-{}@gge", z), 0};
  const Date day0 = Date{date::year{2006} / 1 / 2};

  FILE* devnull = std::fopen("/dev/null", "wb");
  if (!devnull) return 3;
  std::size_t bytes = 0;
  IcalOptions options;
  options.name = "bench";
  options.dtstamp = Instant{std::chrono::seconds{1100000000}};

  long rss_at_tenth = -1;
  const auto t0 = std::chrono::steady_clock::now();
  {
    IcalWriter writer(
        [&](std::string_view chunk) {
          bytes += chunk.size();
          std::fwrite(chunk.data(), 1, chunk.size(), devnull);
        },
        options);
    std::vector<std::string> zones;
    for (const auto& s : stations) zones.push_back(s.zone);
    writer.begin(zones, day0, day0 + date::days{730});
    Meeting m;
    m.body = "BENCH";
    m.kind = "plenary";
    IcalMeeting item{&m, nullptr, nullptr, &body, {}};
    for (long i = 0; i < n; ++i) {
      const int z = static_cast<int>(i % 4);
      m.session = z + 1;
      m.date = day0 + date::days{(i / 8) % 730};
      m.start = i % 2 ? k_afternoon_start : k_morning_start;
      m.end = i % 2 ? k_afternoon_end : k_morning_end;
      m.number = static_cast<int>(i % 10) + 1;
      m.revision = static_cast<int>(i % 3);
      m.uid.clear();
      fmt::format_to(std::back_inserter(m.uid), "bench-{}@gge", i);
      m.room.clear();
      fmt::format_to(std::back_inserter(m.room), "Conference Room {}", i % 8);
      item.session = &sessions[z];
      item.station = &stations[z];
      writer.write(item);
      if (i == n / 10) rss_at_tenth = peak_rss_kib();
    }
    writer.finish();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fclose(devnull);
  const double rate = static_cast<double>(n) / seconds;
  fmt::print("gge IcalWriter: {} meetings, 4 zones, {:.1f} MB in {:.3f} s = {:.0f} events/s (target >= 1,000,000)\n",
             n, static_cast<double>(bytes) / 1e6, seconds, rate);
  fmt::print("  peak RSS (VmHWM): {} KiB after {} events, {} KiB after {} events\n", rss_at_tenth,
             n / 10 + 1, peak_rss_kib(), n);

  // The baseline: ical-generator, installed by hand (bench/README.md).
  const std::filesystem::path dir = std::filesystem::path(GGE_SOURCE_DIR) / "bench" / "ical-generator";
  if (baseline_n <= 0) return 0;
  if (!std::filesystem::exists(dir / "node_modules" / "ical-generator")) {
    fmt::print("ical-generator: not installed; install it with\n"
               "  npm ci --prefix {} --no-audit --no-fund\n"
               "and run bench_ical again to get the ratio.\n", dir.string());
    return 0;
  }
  const auto n0 = std::chrono::steady_clock::now();
  auto r = run(fmt::format("node --max-old-space-size=16384 '{}' {}", (dir / "bench.mjs").string(), baseline_n));
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - n0).count();
  if (r.status != 0) {
    fmt::print("ical-generator: failed (status {}): {}\n", r.status, r.out);
    return 3;
  }
  const double their_seconds = json_number(r.out, "seconds");
  const double their_rate = static_cast<double>(baseline_n) / their_seconds;
  fmt::print("ical-generator: {} meetings, {:.1f} MB in {:.3f} s ({:.3f} s with node start) = {:.0f} events/s, "
             "peak RSS {:.0f} KiB\n",
             baseline_n, json_number(r.out, "bytes") / 1e6, their_seconds, wall, their_rate,
             json_number(r.out, "max_rss_kib"));
  fmt::print("ratio: gge is {:.1f}x faster than ical-generator (target >= 20x)\n", rate / their_rate);
  return 0;
}
