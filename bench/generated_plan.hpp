#pragma once
// A generated plan for the benchmarks (bench_timeline, bench_serve): NY, GVA and VIE with the
// bundled holiday calendars (data/holidays/), BODIES bodies, each with a mandate and 3 five-day
// sessions a year for YEARS years from 2025, spread over the stations and the statuses held,
// confirmed, planned and cancelled; deadline chains derived. Needs GGE_BENCH_SOURCE_DIR.
#include "gge/services/holidays.hpp"
#include "gge/services/stored_deadlines.hpp"
#include "gge/services/transaction.hpp"
#include "gge/store/store.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <vector>

namespace gge::bench {

using namespace date::literals;

inline void fill_generated_plan(Store& store, int years, int bodies) {
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
  in_transaction(store, [](WriteTx&) {});  // the deadline chains, as every write leaves them
}

}  // namespace gge::bench
