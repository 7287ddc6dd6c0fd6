// Scenario TOML throughput: write and read a scenario of 10,000 sessions and 100,000 meetings.
// Run by hand: build/bench/bench_scenario_toml. Prints rows per second for each direction.
#include "gge/formats/scenario/scenario_toml.hpp"

#include <fmt/format.h>

#include <chrono>

int main() {
  using namespace gge;
  using Clock = std::chrono::steady_clock;
  Scenario s;
  s.stations.push_back({"NY", "New York", "America/New_York"});
  s.rooms.push_back({"NY", "Conference Room 4", 180});
  const int bodies = 100, sessions_per_body = 100, meetings_per_session = 10;
  const Date start = Date{date::year{2005} / 1 / 3};
  for (int b = 0; b < bodies; ++b) {
    const std::string body = fmt::format("B-{:03}", b);
    s.bodies.push_back({body, "Body " + body, BodyKind::gge, 15, 0});
    for (int n = 1; n <= sessions_per_body; ++n) {
      const Date first = start + date::days{7 * n};
      s.sessions.push_back({body, n, first, first + date::days{4}, "NY", "Conference Room 4",
                            SessionStatus::planned, fmt::format("s-{}-{}@gge", b, n), 1});
      for (int m = 0; m < meetings_per_session; ++m)
        s.meetings.push_back({body, n, first + date::days{m / 2},
                              Minutes{m % 2 ? 15 * 60 : 10 * 60}, Minutes{m % 2 ? 18 * 60 : 13 * 60},
                              "", "plenary", m + 1, fmt::format("m-{}-{}-{}@gge", b, n, m), 0});
    }
  }
  const double rows = static_cast<double>(s.sessions.size() + s.meetings.size());

  auto t0 = Clock::now();
  const std::string text = write_scenario(s);
  auto t1 = Clock::now();
  const Scenario back = read_scenario(text, "bench.toml");
  auto t2 = Clock::now();

  const auto secs = [](auto d) { return std::chrono::duration<double>(d).count(); };
  fmt::print("scenario: {} sessions, {} meetings, {:.1f} MB of TOML\n", s.sessions.size(),
             s.meetings.size(), static_cast<double>(text.size()) / 1e6);
  fmt::print("write: {:.3f} s ({:.0f} rows/s)\n", secs(t1 - t0), rows / secs(t1 - t0));
  fmt::print("read:  {:.3f} s ({:.0f} rows/s)\n", secs(t2 - t1), rows / secs(t2 - t1));
  return back.meetings.size() == s.meetings.size() ? 0 : 1;
}
