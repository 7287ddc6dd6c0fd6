// bench_export: `gge export ics` end to end (the speed target): export_ics_to_file from a SQLite
// database of timed meetings across 4 zones (New York, Geneva, Vienna, Nairobi) to a file.
//
//   build/bench/bench_export [MEETINGS [SESSIONS]]      defaults: 1000000 10000
//   build/bench/bench_export --build DB MEETINGS SESSIONS; bench_export --export DB OUT.ics
//
// Builds two databases with SESSIONS sessions each (5 working days, 4 stations, 100 bodies,
// spread over 30 years so the VTIMEZONEs have many DST rules): one with MEETINGS/4 meetings and
// one with MEETINGS. Each export runs in a fresh child process (this program, re-executed), so
// its peak RSS (getrusage) is the export's alone, not the database build's. Prints the time
// (target <= 3 s for 1,000,000 meetings), events/s, peak RSS of both, and whether memory grew
// with the number of meetings (it must not: meetings are streamed; the sessions are held).
// Then the split of the 1M export: the store's meeting walk, the change-log lookups for
// LAST-MODIFIED, and the whole export into a sink that discards (no file).
#include "gge/services/export_ics.hpp"
#include "gge/store/store.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

using namespace gge;
namespace fs = std::filesystem;

namespace {

constexpr int k_bodies = 100;

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // KiB on Linux
}

/// Writes the database: stations, bodies, then sessions and their meetings in batches (the
/// store's bulk path, Store::add(Scenario)), all in one transaction.
void build(const fs::path& path, long meetings, int sessions) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  auto store = Store::open(path);
  store.set_clock(Instant{std::chrono::seconds{1100000000}});
  Store::Transaction tx(store);
  Scenario base;
  base.stations = {{"NY", "New York (UNHQ)", "America/New_York"},
                   {"GVA", "Geneva (UNOG)", "Europe/Zurich"},
                   {"VIE", "Vienna (UNOV)", "Europe/Vienna"},
                   {"NBO", "Nairobi (UNON)", "Africa/Nairobi"}};
  for (const auto& st : base.stations)
    for (int r = 1; r <= 4; ++r) base.rooms.push_back({st.code, fmt::format("Room {}", r), 100});
  for (int b = 0; b < k_bodies; ++b)
    base.bodies.push_back({fmt::format("B{:03}", b), fmt::format("Group of Governmental Experts {}", b),
                           BodyKind::gge, 15, 0});
  store.add(base);

  const long per_session = meetings / sessions;
  long extra = meetings % sessions;  // the first `extra` sessions get one more
  const Date monday0 = Date{date::year{2000} / 1 / 3};
  constexpr int k_batch = 500;
  for (int i0 = 0; i0 < sessions; i0 += k_batch) {
    Scenario sc;
    for (int i = i0; i < std::min(sessions, i0 + k_batch); ++i) {
      Session s;
      s.body = base.bodies[static_cast<std::size_t>(i % k_bodies)].symbol;
      s.number = i / k_bodies + 1;
      s.first = monday0 + date::days{7 * ((i * 7L) % 1560)};  // 30 years of weeks
      s.last = s.first + date::days{4};
      s.station = base.stations[static_cast<std::size_t>(i % 4)].code;
      s.room = fmt::format("Room {}", 1 + i % 4);
      s.status = i % 10 == 0 ? SessionStatus::planned : SessionStatus::confirmed;
      const long n = per_session + (extra > 0 ? 1 : 0);
      if (extra > 0) --extra;
      const long per_day = (n + 4) / 5;
      const long slot = std::max(1L, 600 / std::max(1L, per_day));  // within 08:00-18:00
      for (long k = 0; k < n; ++k) {
        Meeting m;
        m.body = s.body;
        m.session = s.number;
        m.date = s.first + date::days{k / per_day};
        m.start = Minutes{8 * 60 + (k % per_day) * slot};
        m.end = m.start + Minutes{slot};
        m.number = static_cast<int>(k + 1);
        sc.meetings.push_back(m);
      }
      sc.sessions.push_back(s);
    }
    store.add(sc);
  }
  tx.commit();
}

/// Child mode: one export, then a machine-readable line "RESULT events seconds rss_kib bytes".
int export_once(const fs::path& db, const fs::path& out) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto store = Store::open(db, Store::Mode::read_only);
  const auto r = export_ics_to_file(store, IcsScope{}, Instant{std::chrono::seconds{1100000000}}, out, "out");
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("RESULT %zu %.3f %ld %ju\n", r.events(), s, peak_rss_kib(),
              static_cast<std::uintmax_t>(fs::file_size(out)));
  return 0;
}

/// Probe mode: where the time of one export goes (the store's meeting walk, which also reads
/// each meeting's LAST-MODIFIED, and the whole export into a sink that discards).
int probe(const fs::path& db) {
  const auto store = Store::open(db, Store::Mode::read_only);
  const auto time = [](const char* what, auto fn) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::size_t n = fn();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("  %-44s %10zu in %6.3f s = %11.0f /s\n", what, n, s, n / s);
  };
  time("for_each_meeting", [&] {
    std::size_t n = 0;
    store.for_each_meeting([&](const Meeting&, std::string_view modified) { n += !modified.empty(); });
    return n;
  });
  time("export_ics to a discarding sink (bytes)", [&] {
    std::size_t bytes = 0;
    export_ics(store, IcsScope{}, Instant{}, [&](std::string_view c) { bytes += c.size(); });
    return bytes;
  });
  return 0;
}

struct Run {
  std::size_t events = 0;
  double seconds = 0;
  long rss_kib = 0;
  std::uintmax_t bytes = 0;
};

Run run_child(const fs::path& db, const fs::path& out) {
  const auto self = fs::read_symlink("/proc/self/exe");
  const std::string cmd = fmt::format("'{}' --export '{}' '{}'", self.string(), db.string(), out.string());
  std::FILE* p = popen(cmd.c_str(), "r");
  Run r;
  char line[256];
  bool ok = false;
  while (p && std::fgets(line, sizeof line, p))
    if (std::sscanf(line, "RESULT %zu %lf %ld %ju", &r.events, &r.seconds, &r.rss_kib, &r.bytes) == 4) ok = true;
  if (!p || pclose(p) != 0 || !ok) {
    std::fprintf(stderr, "bench_export: the export child failed: %s\n", cmd.c_str());
    std::exit(1);
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  // Modes for profiling by hand: --build DB MEETINGS SESSIONS; --export DB OUT (the child).
  if (argc == 4 && std::string(argv[1]) == "--export") return export_once(argv[2], argv[3]);
  if (argc == 3 && std::string(argv[1]) == "--probe") return probe(argv[2]);
  if (argc == 5 && std::string(argv[1]) == "--build") {
    build(argv[2], std::stol(argv[3]), std::stoi(argv[4]));
    return 0;
  }
  const long meetings = argc > 1 ? std::stol(argv[1]) : 1'000'000;
  const int sessions = argc > 2 ? std::stoi(argv[2]) : 10'000;
  if (meetings < 4 || sessions < 1) {
    std::fprintf(stderr, "usage: bench_export [MEETINGS>=4 [SESSIONS>=1]]\n");
    return 2;
  }
  const fs::path dir = fs::temp_directory_path() / fmt::format("gge-bench-export-{}", getpid());
  fs::create_directories(dir);
  fmt::print("bench_export: export_ics_to_file of timed meetings in 4 zones, {} sessions\n", sessions);
  Run runs[2];
  const long sizes[2] = {meetings / 4, meetings};
  for (int i = 0; i < 2; ++i) {
    const auto db = dir / fmt::format("m{}.db", sizes[i]);
    const auto t0 = std::chrono::steady_clock::now();
    build(db, sizes[i], sessions);
    const double built = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    runs[i] = run_child(db, dir / "out.ics");
    const Run& r = runs[i];
    fmt::print("  {:>9} meetings: database built in {:.1f} s; export {:.2f} s end to end "
               "({} events, {:.0f} events/s, {:.1f} MB written), peak RSS {} KiB\n",
               sizes[i], built, r.seconds, r.events, r.events / r.seconds, r.bytes / 1e6, r.rss_kib);
    if (i == 1) {  // where the time goes, in another fresh process
      std::fflush(stdout);
      const auto self = fs::read_symlink("/proc/self/exe");
      if (std::system(fmt::format("'{}' --probe '{}'", self.string(), db.string()).c_str()) != 0)
        std::fprintf(stderr, "bench_export: the probe failed\n");
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
  }
  const double growth = static_cast<double>(runs[1].rss_kib) / static_cast<double>(runs[0].rss_kib);
  if (meetings == 1'000'000)
    fmt::print("  target for 1,000,000 meetings: <= 3 s end to end: {:.2f} s {}\n", runs[1].seconds,
               runs[1].seconds <= 3.0 ? "(met)" : "(MISSED)");
  fmt::print("  peak RSS at {} vs {} meetings: {} vs {} KiB (x{:.2f}): {}\n", sizes[0], sizes[1],
             runs[0].rss_kib, runs[1].rss_kib, growth,
             growth < 1.10 ? "memory does not grow with the number of meetings"
                           : "MEMORY GREW with the number of meetings");
  fs::remove_all(dir);
  return 0;
}
