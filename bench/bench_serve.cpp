// bench_serve: the web app under load, in one process (client threads against `gge serve`'s
// App on a loopback port), on the 2004-2005 example:
//   1. feed GETs (/feeds/all.ics, 200 with the body) by C keep-alive clients for S seconds;
//   2. the same with If-None-Match (304, no body);
//   3. reads (/api/sessions) by C clients while 4 planners each make W moves of a session (each
//      move carries the revision it was made from; on a 409 the planner takes the revision the
//      answer shows and goes on): reads/s, p50 and p99 read latency, writes saved, 409s, and any
//      other failure (a "database is locked" would show there); lost writes = saved moves that
//      the change log does not show. Run on the example (goal p99 <= 50 ms), then on a generated
//      10-year, 50-body database (bench/generated_plan.hpp; goal p99 <= 200 ms).
//
//   build/bench/bench_serve [CLIENTS [SECONDS [MOVES]]]     defaults: 50 10 200
//
// wrk against nginx serving the same file: bench/serve_vs_nginx.sh.
#include "generated_plan.hpp"
#include "gge/services/holidays.hpp"
#include "gge/services/scenario_file.hpp"
#include "gge/store/store.hpp"
#include "gge/web/serve.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <thread>
#include <vector>

using namespace gge;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Load {
  long requests = 0, failures = 0;
  std::vector<double> latencies_ms;
};

Load hammer(int port, int clients, double seconds, const httplib::Headers& headers,
            const char* path, int expect) {
  std::vector<Load> per(static_cast<std::size_t>(clients));
  std::vector<std::thread> threads;
  const auto stop = Clock::now() + std::chrono::duration<double>(seconds);
  for (int i = 0; i < clients; ++i)
    threads.emplace_back([&, i] {
      httplib::Client c("127.0.0.1", port);
      c.set_keep_alive(true);
      auto& mine = per[static_cast<std::size_t>(i)];
      while (Clock::now() < stop) {
        const auto t0 = Clock::now();
        const auto r = c.Get(path, headers);
        mine.latencies_ms.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        ++mine.requests;
        if (!r || r->status != expect) ++mine.failures;
      }
    });
  for (auto& t : threads) t.join();
  Load all;
  for (auto& p : per) {
    all.requests += p.requests;
    all.failures += p.failures;
    all.latencies_ms.insert(all.latencies_ms.end(), p.latencies_ms.begin(), p.latencies_ms.end());
  }
  std::sort(all.latencies_ms.begin(), all.latencies_ms.end());
  return all;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1,
                         static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
}

/// A running App on `db` (no logins) on a free loopback port.
struct Running {
  web::App app;
  int port;
  std::thread thread;
  explicit Running(const fs::path& db)
      : app([&] {
          web::ServeOptions o;
          o.db = db;
          o.listen = web::ListenAddress{"127.0.0.1", 0};
          return o;
        }()),
        port(app.bind()),
        thread([this] { app.run(); }) {}
  ~Running() {
    app.stop();
    thread.join();
  }
};

/// The first day of `iso` plus `days`, as YYYY-MM-DD.
std::string plus_days(const std::string& iso, int days) {
  std::tm tm{};
  strptime(iso.c_str(), "%Y-%m-%d", &tm);
  tm.tm_mday += days;
  tm.tm_hour = 12;
  std::mktime(&tm);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

/// Phase 3 on the app at `port`: returns true when nothing failed and no write was lost.
bool writes_under_reads(const char* label, int port, int clients, int moves) {
  httplib::Client probe("127.0.0.1", port);
  const std::string cookie = [&] {
    const auto r = probe.Get("/api/session");
    const auto set = r->get_header_value("Set-Cookie");
    return set.substr(0, set.find(';'));
  }();
  const auto me = nlohmann::json::parse(probe.Get("/api/session", {{"Cookie", cookie}})->body);
  const httplib::Headers auth{{"Cookie", cookie},
                              {"X-CSRF-Token", me.at("csrf").get<std::string>()}};
  auto sessions = nlohmann::json::parse(probe.Get("/api/sessions?status=planned")->body);
  if (sessions.size() < 4) sessions = nlohmann::json::parse(probe.Get("/api/sessions")->body);
  const auto log_before =
      nlohmann::json::parse(probe.Get("/api/log?table=session&limit=100000")->body).size();
  // `changed`: saved moves that changed the session (a planner sharing a session may move it to
  // the dates it already has: saved, but nothing to log).
  std::atomic<long> written{0}, changed{0}, conflicts{0}, failed{0};
  std::atomic<bool> writing{true};
  std::vector<std::thread> planners;
  const auto t_writes = Clock::now();
  for (std::size_t p = 0; p < 4; ++p)
    planners.emplace_back([&, p] {
      httplib::Client c("127.0.0.1", port);
      c.set_keep_alive(true);
      // With fewer than 4 sessions, two planners share one and meet 409s, as people would.
      const auto& s = sessions[p % sessions.size()];
      const std::string path = fmt::format(
          "/api/sessions/{}/{}/move", s.at("body").get<std::string>(), s.at("number").get<int>());
      const std::string home = s.at("first");
      long long revision = s.at("revision");
      for (int i = 0; i < moves; ++i) {
        // Alternate between a week after its own first day and back.
        const nlohmann::json body = {{"first", i % 2 == 0 ? plus_days(home, 7) : home},
                                     {"revision", revision}};
        const auto r = c.Post(path, auth, body.dump(), "application/json");
        if (r && r->status == 200) {
          ++written;
          const long long now = nlohmann::json::parse(r->body).at("revision").get<long long>();
          if (now > revision) ++changed;
          revision = now;
        } else if (r && r->status == 409) {
          ++conflicts;
          revision = nlohmann::json::parse(r->body).at("current").at("revision").get<long long>();
        } else {
          ++failed;
          if (r) fmt::print(stderr, "write {}: {}\n", r->status, r->body);
        }
      }
    });
  std::thread done([&] {
    for (auto& t : planners) t.join();
    writing = false;
  });
  Load reads;
  {
    std::vector<Load> per(static_cast<std::size_t>(clients));
    std::vector<std::thread> readers;
    for (int i = 0; i < clients; ++i)
      readers.emplace_back([&, i] {
        httplib::Client c("127.0.0.1", port);
        c.set_keep_alive(true);
        auto& mine = per[static_cast<std::size_t>(i)];
        while (writing) {
          const auto t0 = Clock::now();
          const auto r = c.Get("/api/sessions");
          mine.latencies_ms.push_back(
              std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
          ++mine.requests;
          if (!r || r->status != 200) ++mine.failures;
        }
      });
    for (auto& t : readers) t.join();
    for (auto& p : per) {
      reads.requests += p.requests;
      reads.failures += p.failures;
      reads.latencies_ms.insert(reads.latencies_ms.end(), p.latencies_ms.begin(),
                                p.latencies_ms.end());
    }
    std::sort(reads.latencies_ms.begin(), reads.latencies_ms.end());
  }
  done.join();
  const double write_s = std::chrono::duration<double>(Clock::now() - t_writes).count();
  fmt::print(
      "{}: reads during 4x{} moves: {:>7.0f} requests/s  p50 {:.2f} ms  p99 {:.2f} ms  "
      "failures {}\n",
      label, moves, static_cast<double>(reads.requests) / write_s,
      percentile(reads.latencies_ms, 0.5), percentile(reads.latencies_ms, 0.99), reads.failures);
  // Every saved move that changed its session is in the change log: count the planners' session
  // updates (a move to the dates a session already has is saved but logs nothing).
  const auto log = nlohmann::json::parse(probe.Get("/api/log?table=session&limit=100000")->body);
  const long logged = static_cast<long>(log.size() - log_before);
  fmt::print(
      "{}: writes {} saved ({} changed a session) in {:.2f} s ({:.0f}/s), {} conflicts (409), {} "
      "failed; change log {} new session rows (lost writes: {})\n",
      label, written.load(), changed.load(), write_s, static_cast<double>(written.load()) / write_s,
      conflicts.load(), failed.load(), logged, changed.load() - logged);
  return failed.load() == 0 && reads.failures == 0 && changed.load() == logged;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const int clients = argc > 1 ? std::atoi(argv[1]) : 50;
  const double seconds = argc > 2 ? std::atof(argv[2]) : 10;
  const int moves = argc > 3 ? std::atoi(argv[3]) : 200;
  const fs::path dir = fs::temp_directory_path() / fmt::format("gge-bench-serve-{}", ::getpid());
  fs::create_directories(dir);
  const fs::path db = dir / "gge.db";
  {
    auto store = Store::open(db);
    load_scenario(store, fs::path{GGE_BENCH_SOURCE_DIR} / "examples/gge-2004-2005/scenario.toml");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path{GGE_BENCH_SOURCE_DIR} / "data/holidays"))
      if (e.path().extension() == ".toml") files.push_back(e.path());
    import_holiday_files(store, files);
  }
  bool ok = true;
  {
    Running example(db);
    const int port = example.port;
    httplib::Client probe("127.0.0.1", port);
    const auto first = probe.Get("/feeds/all.ics");
    const std::string etag = first ? first->get_header_value("ETag") : "";
    fmt::print(
        "bench_serve: {} keep-alive clients, {} s each run, feed /feeds/all.ics of {} bytes\n",
        clients, seconds, first ? first->body.size() : 0);
    const auto full = hammer(port, clients, seconds, {}, "/feeds/all.ics", 200);
    fmt::print(
        "feed GET 200:           {:>9.0f} requests/s  p50 {:.2f} ms  p99 {:.2f} ms  failures {}\n",
        static_cast<double>(full.requests) / seconds, percentile(full.latencies_ms, 0.5),
        percentile(full.latencies_ms, 0.99), full.failures);
    const auto cached =
        hammer(port, clients, seconds, {{"If-None-Match", etag}}, "/feeds/all.ics", 304);
    fmt::print(
        "feed GET 304:           {:>9.0f} requests/s  p50 {:.2f} ms  p99 {:.2f} ms  failures {}\n",
        static_cast<double>(cached.requests) / seconds, percentile(cached.latencies_ms, 0.5),
        percentile(cached.latencies_ms, 0.99), cached.failures);
    ok = full.failures == 0 && cached.failures == 0;
    ok = writes_under_reads("example (goal p99 <= 50 ms)", port, clients, moves) && ok;
  }
  const fs::path big = dir / "generated.db";
  {
    auto store = Store::open(big);
    bench::fill_generated_plan(store, 10, 50);
  }
  {
    Running generated(big);
    const auto alone = hammer(generated.port, 1, 2, {}, "/api/sessions", 200);
    fmt::print("10 years x 50 bodies: one reader alone: {:.2f} ms per /api/sessions (p99 {:.2f})\n",
               percentile(alone.latencies_ms, 0.5), percentile(alone.latencies_ms, 0.99));
    ok = writes_under_reads("10 years x 50 bodies (goal p99 <= 200 ms)", generated.port, clients,
                            moves) &&
         ok;
  }
  fs::remove_all(dir);
  return ok ? 0 : 1;
}
