// bench_check: the conflict checker on a generated calendar (issue 4 "Speed").
//
//   build/bench/bench_check [SCALE] [--no-sql]
//
// SCALE (default 1) multiplies the calendar: 1,000,000 meetings, 100,000 sessions, 200 bodies,
// 50 rooms, 5,000 experts across 4 stations, generated from a fixed seed with planted room, body
// and expert overlaps. Prints: the full check's time on one core (target <= 2 s), the time at
// twice the size and the ratio (target <= 2.2x), then the same room / body / expert overlap
// checks as SQL self-joins run by the sqlite3 shell on a database of the same data, whether both
// find the same overlaps, and the speed ratio (target >= 10x).
#include "gge/model/scenario.hpp"
#include "gge/rules/check/check.hpp"
#include "rules/check/check_context.hpp"  // the checker's phases, timed one by one below

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using namespace gge;
using Clock = std::chrono::steady_clock;

constexpr int k_stations = 4;
constexpr int k_rooms_per_station = 12;  // 48 + 2 = 50 rooms
constexpr int k_week_cycle = 8;          // a body meets every 8 weeks

struct Sizes {
  int sessions = 100'000;
  int bodies = 200;
  int rooms = 50;
  int experts = 5'000;
  int planted = 200;  // of each kind
};

/// The generated calendar. Base plan: every week 25 bodies meet Monday-Friday, each in its own
/// room (rooms alternate weeks), ten 3-hour meetings each; experts sit on one body, half of them
/// also on a body meeting four weeks apart. Then: meetings moved into another session's room
/// (room overlaps), extra planned one-day sessions of a body during its own session (body
/// overlaps), and experts added to a body meeting the same weeks (expert overlaps).
Scenario generate(int scale) {
  Sizes z;
  z.sessions *= scale;
  z.planted *= scale;
  Scenario sc;
  const char* codes[k_stations] = {"NY", "GVA", "VIE", "NBO"};
  const char* zones[k_stations] = {"America/New_York", "Europe/Zurich", "Europe/Vienna",
                                   "Africa/Nairobi"};
  for (int s = 0; s < k_stations; ++s) sc.stations.push_back({codes[s], codes[s], zones[s]});
  std::vector<int> room_station;
  for (int r = 0; r < z.rooms; ++r) {
    const int st = r < k_stations * k_rooms_per_station ? r / k_rooms_per_station : r % k_stations;
    sc.rooms.push_back({codes[st], fmt::format("R{}", r), 100});
    room_station.push_back(st);
  }
  for (int b = 0; b < z.bodies; ++b) {
    sc.bodies.push_back({fmt::format("B{}", b), "", BodyKind::gge, 15, 0});
    Mandate m;
    m.key = fmt::format("M{}", b);
    m.body = sc.bodies.back().symbol;
    m.resolution = "1/1";
    m.start = Date{date::year{1949} / 1 / 1};
    m.report_to_session = 300;
    sc.mandates.push_back(m);
  }
  sc.resolutions.push_back({"1/1", Date{date::year{1946} / 1 / 1}, 1, "", ""});

  std::mt19937_64 rng{20041203};
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const int per_week = z.bodies / k_week_cycle;  // 25 sessions a week
  const int weeks = z.sessions / per_week;
  const Date monday0 = Date{date::year{1950} / 1 / 2};  // a Monday
  std::vector<int> number(static_cast<std::size_t>(z.bodies), 0);
  sc.sessions.reserve(static_cast<std::size_t>(z.sessions + 2 * z.planted));
  sc.meetings.reserve(static_cast<std::size_t>(z.sessions) * 10 + static_cast<std::size_t>(z.planted) * 2);
  for (int w = 0; w < weeks; ++w) {
    const Date mon = monday0 + date::days{7 * w};
    // Rooms used this week: those with (r + w) even, rotated so bodies change station.
    std::vector<int> used;
    for (int r = 0; r < z.rooms; ++r)
      if ((r + w) % 2 == 0) used.push_back(r);
    for (int i = 0; i < per_week; ++i) {
      const int b = i * k_week_cycle + w % k_week_cycle;
      const int room = used[static_cast<std::size_t>((i + w / k_week_cycle) % static_cast<int>(used.size()))];
      Session s;
      s.body = sc.bodies[static_cast<std::size_t>(b)].symbol;
      s.number = ++number[static_cast<std::size_t>(b)];
      s.first = mon;
      s.last = mon + date::days{4};
      s.station = codes[room_station[static_cast<std::size_t>(room)]];
      s.room = sc.rooms[static_cast<std::size_t>(room)].name;
      const int roll = pick(100);
      s.status = roll < 80 ? SessionStatus::confirmed
               : roll < 95 ? SessionStatus::planned
               : roll < 98 ? SessionStatus::cancelled : SessionStatus::postponed;
      sc.sessions.push_back(s);
      for (int d = 0; d < 5; ++d)
        for (auto [a, e] : {std::pair{k_morning_start, k_morning_end}, std::pair{k_afternoon_start, k_afternoon_end}}) {
          Meeting m;
          m.body = s.body;
          m.session = s.number;
          m.date = mon + date::days{d};
          m.start = a;
          m.end = e;
          sc.meetings.push_back(m);
        }
    }
  }
  // Experts: one body each, half also on a body meeting four weeks apart.
  for (int e = 0; e < z.experts; ++e) {
    sc.experts.push_back({fmt::format("x{}", e), "", ""});
    const int b1 = e % z.bodies;
    sc.memberships.push_back({sc.experts.back().key, sc.bodies[static_cast<std::size_t>(b1)].symbol, ""});
    if (e % 2 == 0) {
      const int b2 = (b1 + 4 + k_week_cycle * pick(z.bodies / k_week_cycle)) % z.bodies;
      if (b2 != b1)
        sc.memberships.push_back({sc.experts.back().key, sc.bodies[static_cast<std::size_t>(b2)].symbol, ""});
    }
  }
  // Planted overlaps.
  const std::size_t base_sessions = sc.sessions.size();
  for (int k = 0; k < z.planted; ++k) {
    // Room: a meeting of one session moved into the room of another session that week.
    const std::size_t si = static_cast<std::size_t>(pick(static_cast<int>(base_sessions)));
    const auto& s = sc.sessions[si];
    const std::size_t week_start = si - si % static_cast<std::size_t>(per_week);
    for (std::size_t o = week_start; o < week_start + static_cast<std::size_t>(per_week); ++o)
      if (o != si && sc.sessions[o].station == s.station) {
        sc.meetings[si * 10 + static_cast<std::size_t>(pick(10))].room = sc.sessions[o].room;
        break;
      }
    // Body: a planned one-day session of the same body in the middle of one of its sessions.
    const auto& t = sc.sessions[static_cast<std::size_t>(pick(static_cast<int>(base_sessions)))];
    Session extra;
    extra.body = t.body;
    extra.number = 100'000 + k;
    extra.first = extra.last = t.first + date::days{2};
    extra.station = t.station;
    extra.status = SessionStatus::planned;
    sc.sessions.push_back(extra);
    for (auto [a, e] : {std::pair{k_morning_start, k_morning_end}, std::pair{k_afternoon_start, k_afternoon_end}}) {
      Meeting m;
      m.body = extra.body;
      m.session = extra.number;
      m.date = extra.first;
      m.start = a;
      m.end = e;
      sc.meetings.push_back(m);
    }
    // Expert: a planned one-day session of a body sharing an expert with the body of a
    // session, in the middle of that session, at the same station.
    const int e = 2 * pick(z.experts / 2);  // even experts sit on two bodies
    const auto& pair = sc.memberships;
    std::vector<std::string> two;
    for (const auto& m : pair)
      if (m.expert == sc.experts[static_cast<std::size_t>(e)].key) two.push_back(m.body);
    if (two.size() >= 2) {
      const std::size_t b1 = static_cast<std::size_t>(std::stoi(two[0].substr(1)));
      // A base session of the first body (bodies meet in weeks b % 8, session n in week
      // (n-1)*8 + b % 8, the i-th of that week for i = b / 8).
      const int n = 1 + pick(z.sessions / z.bodies - 1);
      const std::size_t at = static_cast<std::size_t>(((n - 1) * k_week_cycle + static_cast<int>(b1) % k_week_cycle) * per_week) + b1 / k_week_cycle;
      const auto& u = sc.sessions[at];
      Session x;
      x.body = two[1];
      x.number = 200'000 + k;
      x.first = x.last = u.first + date::days{1};
      x.station = u.station;
      x.status = SessionStatus::planned;
      sc.sessions.push_back(x);
      Meeting m;
      m.body = x.body;
      m.session = x.number;
      m.date = x.first;
      m.start = k_morning_start;
      m.end = k_morning_end;
      sc.meetings.push_back(m);
    }
  }
  // Closures: New Year's Day and Christmas at every station, every year.
  const int years = weeks / 52 + 2;
  for (int y = 1950; y < 1950 + years; ++y)
    for (const char* st : codes) {
      sc.holidays.push_back({st, Date{date::year{y} / 1 / 1}, "New Year's Day", HolidayStatus::confirmed});
      sc.holidays.push_back({st, Date{date::year{y} / 12 / 25}, "Christmas Day", HolidayStatus::confirmed});
    }
  return sc;
}

std::vector<Blackout> high_level_weeks(const Scenario& sc) {
  std::vector<Blackout> out;
  const Date last = sc.sessions.empty() ? Date{} : sc.sessions.back().last;
  for (int y = 1950; y <= static_cast<int>(date::year_month_day{last}.year()); ++y) {
    // Third Tuesday of September and the six days after: a stand-in for the GA calendar.
    const Date tue = Date{date::year{y} / date::September / date::Tuesday[3]};
    out.push_back({"NY", tue, tue + date::days{6}, fmt::format("GA {} high-level week", y - 1945),
                   Severity::error});
  }
  return out;
}

struct Counts {
  long room = 0, body = 0, expert = 0;
  friend bool operator==(const Counts&, const Counts&) = default;
};

Counts count(const std::vector<Finding>& findings) {
  Counts c;
  for (const auto& f : findings) {
    const std::string& family = f.code == "tentative-overlap" ? f.rule : f.code;
    c.room += family == "room-double-booked";
    c.body += family == "body-overlap";
    c.expert += family == "expert-double-booked";
  }
  return c;
}

struct Timed {
  double seconds = 1e300;
  std::vector<Finding> findings;
};

Timed time_check(const Scenario& sc, int runs) {
  Timed best;
  const auto hlw = high_level_weeks(sc);
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    auto f = check_plan(CheckInput{sc, hlw});
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    if (s < best.seconds) {
      best.seconds = s;
      best.findings = std::move(f);
    }
  }
  return best;
}

/// The checker's phases on one core: interning the plan into integer arrays (what the SQL side
/// gets for free: its database is written with integer ids and UTC instants before the clock
/// starts), then the room / body / expert overlap family alone, the best of `runs`.
struct Phases {
  double prepare = 1e300, overlaps = 1e300;
};

Phases time_phases(const Scenario& sc, int runs) {
  Phases best;
  const auto hlw = high_level_weeks(sc);
  const CheckInput input{sc, hlw};
  for (int i = 0; i < runs; ++i) {
    detail::Context c{input};
    const auto t0 = Clock::now();
    detail::build_context(c);
    const auto t1 = Clock::now();
    detail::check_overlaps(c);
    const auto t2 = Clock::now();
    best.prepare = std::min(best.prepare, std::chrono::duration<double>(t1 - t0).count());
    best.overlaps = std::min(best.overlaps, std::chrono::duration<double>(t2 - t1).count());
  }
  return best;
}

// --- SQLite ---------------------------------------------------------------------------------

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(msg);
  }
}

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s); }
  void row(std::initializer_list<long long> values) {
    int i = 1;
    for (long long v : values) {
      if (v == k_null) sqlite3_bind_null(s, i++);
      else sqlite3_bind_int64(s, i++, v);
    }
    if (sqlite3_step(s) != SQLITE_DONE) throw std::runtime_error("insert failed");
    sqlite3_reset(s);
  }
  static constexpr long long k_null = -(1LL << 62);
};

/// The same plan as plain integers: meeting times as local and UTC minutes since 1970.
void write_database(const Scenario& sc, const std::string& path, int& max_session_days) {
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
           "CREATE TABLE session(id INTEGER PRIMARY KEY, body INT, number INT, first INT, last INT,"
           " station INT, room INT, active INT);"
           "CREATE TABLE meeting(id INTEGER PRIMARY KEY, session INT, room INT, lstart INT, lend INT,"
           " ustart INT, uend INT);"
           "CREATE TABLE membership(expert INT, body INT);"
           "BEGIN;");
  std::map<std::string, int> station, body, expert;
  std::map<std::pair<std::string, std::string>, int> room;
  std::vector<const date::time_zone*> zone;
  for (const auto& s : sc.stations) {
    station.emplace(s.code, static_cast<int>(zone.size()));
    zone.push_back(date::locate_zone(s.zone));
  }
  for (const auto& b : sc.bodies) body.emplace(b.symbol, static_cast<int>(body.size()));
  for (const auto& r : sc.rooms) room.emplace(std::pair{r.station, r.name}, static_cast<int>(room.size()));
  for (const auto& e : sc.experts) expert.emplace(e.key, static_cast<int>(expert.size()));
  std::unordered_map<std::string, std::unordered_map<int, std::pair<long long, const Session*>>> session_id;
  {
    Stmt ins(db, "INSERT INTO session VALUES(?,?,?,?,?,?,?,?)");
    long long id = 0;
    max_session_days = 1;
    for (const auto& s : sc.sessions) {
      const bool active = s.status != SessionStatus::cancelled && s.status != SessionStatus::postponed;
      const long long r = s.room.empty() ? Stmt::k_null : room.at({s.station, s.room});
      ins.row({++id, body.at(s.body), s.number, s.first.time_since_epoch().count(),
               s.last.time_since_epoch().count(), station.at(s.station), r, active ? 1 : 0});
      session_id[s.body][s.number] = {id, &s};
      max_session_days = std::max(max_session_days, static_cast<int>((s.last - s.first).count()) + 1);
    }
  }
  {
    Stmt ins(db, "INSERT INTO meeting VALUES(?,?,?,?,?,?,?)");
    long long id = 0;
    for (const auto& m : sc.meetings) {
      const auto [sid, s] = session_id.at(m.body).at(m.session);
      const auto& z = *zone[static_cast<std::size_t>(station.at(s->station))];
      const std::string& rn = m.room.empty() ? s->room : m.room;
      const long long r = rn.empty() ? Stmt::k_null : room.at({s->station, rn});
      const auto local = [&](Minutes t) {
        return local_days{m.date.time_since_epoch()} + t;
      };
      const auto utc = [&](Minutes t) {
        return std::chrono::floor<std::chrono::minutes>(
                   z.to_sys(local(t), date::choose::earliest).time_since_epoch()).count();
      };
      const long long day = m.date.time_since_epoch().count() * 1440LL;
      ins.row({++id, sid, r, day + m.start.count(), day + m.end.count(), utc(m.start), utc(m.end)});
    }
  }
  {
    Stmt ins(db, "INSERT INTO membership VALUES(?,?)");
    for (const auto& m : sc.memberships) ins.row({expert.at(m.expert), body.at(m.body)});
  }
  exec(db, "COMMIT;"
           "CREATE INDEX meeting_room ON meeting(room, lstart, lend, session);"
           "CREATE INDEX meeting_session ON meeting(session, ustart, uend);"
           "CREATE INDEX session_body ON session(body, first, last, active);"
           "CREATE INDEX membership_expert ON membership(expert, body);"
           "ANALYZE;");
  sqlite3_close(db);
}

/// The three overlap checks as SQL self-joins; each selects one count.
std::string overlap_queries(int max_session_days) {
  return fmt::format(R"(
-- Join order is forced with CROSS JOIN: left to itself, SQLite's planner drives the room
-- self-join from the wrong side and ran for more than 14 minutes on the 1M-meeting database.
-- Rooms: meeting pairs in one room, found from the earlier start with an index range scan on
-- (room, lstart); reported per (room, pair of sessions) of different bodies, as gge check does.
SELECT COUNT(*) FROM (SELECT DISTINCT a.room, MIN(a.session, b.session), MAX(a.session, b.session)
  FROM meeting a
  CROSS JOIN meeting b ON b.room = a.room AND b.lstart >= a.lstart AND b.lstart < a.lend
                AND (b.lstart > a.lstart OR b.id > a.id)
  CROSS JOIN session sa ON sa.id = a.session CROSS JOIN session sb ON sb.id = b.session
  WHERE a.room IS NOT NULL AND a.session <> b.session AND sa.active AND sb.active
    AND sa.body <> sb.body);
-- Bodies: pairs of active sessions of one body whose days overlap.
SELECT COUNT(*) FROM session a
  CROSS JOIN session b ON b.body = a.body AND b.first >= a.first AND b.first <= a.last
                AND (b.first > a.first OR b.id > a.id) AND b.id <> a.id
  WHERE a.active AND b.active;
-- Experts: pairs of active sessions of two bodies sharing an expert, within a day of each other
-- (sessions last at most {0} days), with meetings overlapping in UTC.
CREATE TEMP TABLE body_pair(x INT, y INT, PRIMARY KEY(x, y)) WITHOUT ROWID;
INSERT INTO body_pair SELECT DISTINCT m1.body, m2.body FROM membership m1
  JOIN membership m2 ON m2.expert = m1.expert AND m2.body > m1.body;
SELECT COUNT(*) FROM session sa
  CROSS JOIN body_pair p ON p.x = sa.body
  CROSS JOIN session sb ON sb.body = p.y AND sb.first <= sa.last + 1 AND sb.first >= sa.first - {0} - 1
                 AND sb.last >= sa.first - 1
  WHERE sa.active AND sb.active AND EXISTS (
    SELECT 1 FROM meeting a CROSS JOIN meeting b ON b.session = sb.id AND b.ustart < a.uend
                                          AND b.uend > a.ustart
    WHERE a.session = sa.id);
)",
                     max_session_days);
}

Counts run_sqlite(const std::string& db, const std::string& dir, int max_days, double& seconds) {
  const std::string sql = dir + "/bench_check_queries.sql", out = dir + "/bench_check_out.txt";
  std::ofstream(sql) << overlap_queries(max_days);
  const std::string cmd = fmt::format("/usr/bin/sqlite3 '{}' < '{}' > '{}'", db, sql, out);
  const auto t0 = Clock::now();
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("sqlite3 failed: " + cmd);
  seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  Counts c;
  std::ifstream in(out);
  in >> c.room >> c.body >> c.expert;
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  int scale = 1;
  bool sql = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-sql") sql = false;
    else scale = std::max(1, std::atoi(argv[i]));
  }
  try {
    auto sc = generate(scale);
    fmt::print("calendar: {} meetings, {} sessions, {} bodies, {} rooms, {} experts, {} stations\n",
               sc.meetings.size(), sc.sessions.size(), sc.bodies.size(), sc.rooms.size(),
               sc.experts.size(), sc.stations.size());
    const auto n = time_check(sc, 2);
    const Counts ours = count(n.findings);
    std::size_t errors = 0;
    for (const auto& f : n.findings) errors += f.severity == Severity::error;
    fmt::print("check_plan (N):  {:.3f} s on one core (target <= 2 s): {} findings ({} errors); "
               "overlaps: {} room, {} body, {} expert\n",
               n.seconds, n.findings.size(), errors, ours.room, ours.body, ours.expert);

    if (const char* show = std::getenv("BENCH_SHOW")) {  // BENCH_SHOW=code: a few examples
      int shown = 0;
      for (const auto& f : n.findings)
        if ((f.code == show || f.rule == show) && shown++ < 5)
          fmt::print("  {} {}#{}: {} -> {}\n", f.code, f.body, f.session, f.reason, f.fix);
    }
    if (sql) {
      const std::string dir = std::filesystem::temp_directory_path().string();
      const std::string db = dir + "/bench_check.sqlite";
      int max_days = 1;
      const auto t0 = Clock::now();
      write_database(sc, db, max_days);
      fmt::print("sqlite database written in {:.1f} s: {}\n",
                 std::chrono::duration<double>(Clock::now() - t0).count(), db);
      double sql_seconds = 0;
      const Counts theirs = run_sqlite(db, dir, max_days, sql_seconds);
      fmt::print("sqlite3 shell, room/body/expert self-joins: {:.3f} s; overlaps: {} room, {} body, "
                 "{} expert -> {}\n",
                 sql_seconds, theirs.room, theirs.body, theirs.expert,
                 theirs == ours ? "same as check_plan" : "MISMATCH");
      fmt::print("ratio sqlite3 / check_plan (whole check): {:.1f}x (target >= 10x)\n",
                 sql_seconds / n.seconds);
      const Phases p = time_phases(sc, 2);
      fmt::print("check_plan phases: interning the plan {:.3f} s; room/body/expert overlaps {:.3f} s\n",
                 p.prepare, p.overlaps);
      fmt::print("ratio sqlite3 / the same overlap checks on interned data: {:.1f}x (target >= 10x)\n",
                 sql_seconds / p.overlaps);
      if (!(theirs == ours)) return 1;
    }

    sc = Scenario{};
    auto sc2 = generate(2 * scale);
    const auto n2 = time_check(sc2, 2);
    fmt::print("check_plan (2N): {:.3f} s for {} meetings, {} sessions; scaling {:.2f}x "
               "(target <= 2.2x)\n",
               n2.seconds, sc2.meetings.size(), sc2.sessions.size(), n2.seconds / n.seconds);
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench_check: {}\n", e.what());
    return 3;
  }
  return 0;
}
