// bench_load: Store::add(Scenario) of 10,000 sessions and 100,000 meetings (plus stations,
// rooms and bodies) into a fresh file database, in one transaction. Prints rows/s and the peak
// resident memory (VmHWM). Run by hand: build/bench/bench_load [DB_PATH] [SESSIONS]
#include "gge/store/store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace gge;

namespace {

// Peak resident set size of this process so far, in KiB (Linux /proc/self/status VmHWM).
long peak_rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// Rows of `table` in the database at `path` (read with the sqlite3 C API: the store has no
// row-count query of its own, as nothing in gge needs one).
long long count_rows(const std::filesystem::path& path, const char* table) {
  sqlite3* db = nullptr;
  long long n = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* q = nullptr;
    const std::string sql = fmt::format("SELECT count(*) FROM \"{}\"", table);
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
  }
  sqlite3_close(db);
  return n;
}

Scenario generate(int sessions_wanted) {
  Scenario s;
  s.stations = {{"NY", "New York (UNHQ)", "America/New_York"},
                {"GVA", "Geneva (UNOG)", "Europe/Zurich"},
                {"VIE", "Vienna (UNOV)", "Europe/Vienna"},
                {"NBO", "Nairobi (UNON)", "Africa/Nairobi"}};
  for (const auto& st : s.stations)
    for (int r = 1; r <= 10; ++r) s.rooms.push_back({st.code, fmt::format("Room {}", r), 50 + 10 * r});
  constexpr int k_sessions_per_body = 10;
  const int bodies = (sessions_wanted + k_sessions_per_body - 1) / k_sessions_per_body;
  const Date monday = date::sys_days{date::year{2000} / 1 / 3};
  int made = 0;
  for (int b = 0; b < bodies; ++b) {
    const std::string symbol = fmt::format("GGE-{:05}", b);
    s.bodies.push_back({symbol, fmt::format("Group of Governmental Experts {}", b), BodyKind::gge, 15, 0});
    for (int n = 1; n <= k_sessions_per_body && made < sessions_wanted; ++n, ++made) {
      const auto& st = s.stations[static_cast<std::size_t>(made) % s.stations.size()];
      const Date first = monday + date::days{7 * ((b * k_sessions_per_body + n) % 2000)};
      s.sessions.push_back({symbol, n, first, first + date::days{4}, st.code,
                            fmt::format("Room {}", 1 + made % 10), SessionStatus::planned, "", 0});
      int number = 0;
      for (int day = 0; day < 5; ++day)
        for (auto [start, end] : {std::pair{k_morning_start, k_morning_end},
                                  std::pair{k_afternoon_start, k_afternoon_end}})
          s.meetings.push_back({symbol, n, first + date::days{day}, start, end, "", "plenary",
                                ++number, "", 0});
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path path =
      argc > 1 ? std::filesystem::path{argv[1]}
               : std::filesystem::temp_directory_path() / fmt::format("gge-bench-load-{}.db", getpid());
  const int sessions = argc > 2 ? std::stoi(argv[2]) : 10000;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);

  const Scenario s = generate(sessions);
  const std::size_t rows = s.stations.size() + s.rooms.size() + s.bodies.size() +
                           s.sessions.size() + s.meetings.size();
  const long rss_before = peak_rss_kib();

  // Timed as `gge load` pays it: open (creating and migrating the file), add, commit, and the
  // close, where SQLite copies the WAL into the database file (its checkpoint).
  const std::clock_t c0 = std::clock();
  const auto t0 = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point committed;
  {
    auto store = Store::open(path);
    Store::Transaction tx(store);
    store.add(s);
    tx.commit();
    committed = std::chrono::steady_clock::now();
  }
  const auto t1 = std::chrono::steady_clock::now();
  // CPU time too: on a shared machine the wall clock also measures the neighbours.
  const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  const double seconds = std::chrono::duration<double>(t1 - t0).count();
  const long long logged = count_rows(path, "change_log");

  std::printf("bench_load: %zu sessions, %zu meetings, %zu bodies, %zu stations, %zu rooms\n",
              s.sessions.size(), s.meetings.size(), s.bodies.size(), s.stations.size(), s.rooms.size());
  std::printf("  rows added:      %zu (+ %lld change-log rows)\n", rows,
              logged);
  std::printf("  time:            %.3f s open to close: %.3f s open + load + commit, %.3f s close "
              "(WAL checkpoint)\n", seconds,
              std::chrono::duration<double>(committed - t0).count(),
              std::chrono::duration<double>(t1 - committed).count());
  std::printf("  rate:            %.0f rows/s (wall clock, open to close)\n",
              static_cast<double>(rows) / seconds);
  std::printf("  CPU time:        %.3f s user+sys, %.0f rows per CPU second\n", cpu,
              static_cast<double>(rows) / cpu);
  std::printf("  peak RSS:        %ld KiB (%ld KiB before the load, with the scenario in memory)\n",
              peak_rss_kib(), rss_before);
  std::printf("  database:        %s, %ju bytes\n", path.c_str(),
              static_cast<std::uintmax_t>(std::filesystem::file_size(path)));
  if (argc <= 1)
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return 0;
}
