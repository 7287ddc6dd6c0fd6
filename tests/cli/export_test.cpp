// gge export ics and gge feeds through the real binary: the golden calendar of the 2004-2005
// example, real clients (ical.js, python3-icalendar, libical) on every file, scopes, updates
// after a cancellation, and bad input that leaves no file behind.
#include "cli/support.hpp"

#include <catch2/catch.hpp>
#include <date/date.h>
#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using gge::test::bytes_of;
using gge::test::example_scenario;
using gge::test::load_with_holidays;
using gge::test::repo;
using gge::test::golden_diff;
using gge::test::quote;
using gge::test::Scratch;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// A second body meeting in Geneva and Vienna, with an expert who sits on both bodies, so that
/// scopes have something to tell apart.
void add_second_body(const Scratch& s) {
  for (const std::string cmd :
       {"body add OEWG-X --name 'Open-ended working group X' --kind OEWG",
        "session add OEWG-X#1 --first 2005-03-07 --last 2005-03-11 --station GVA",
        "session add OEWG-X#2 --first 2005-10-03 --last 2005-10-04 --station VIE",
        "meeting generate OEWG-X#1", "meeting generate OEWG-X#2",
        "expert add zz-1 --name 'Expert Z' --body OEWG-X --body GGE-ICT-2004",
        "expert add yy-1 --name 'Expert Y' --body OEWG-X", "expert add nn-1 --name 'Expert N'"}) {
    const auto r = s.gge(cmd);
    INFO(cmd << ": " << r.err);
    REQUIRE(r.code == 0);
  }
}

/// One VEVENT: its properties (unfolded, name without parameters -> raw value; the last wins).
struct Event {
  std::map<std::string, std::string> props;
  std::string text;  // the unfolded lines
};

/// Unfolds the content lines of `ics` (CRLF, continuation lines start with a space).
std::vector<std::string> unfold(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    auto end = ics.find("\r\n", pos);
    REQUIRE(end != std::string::npos);  // every line ends with CRLF
    std::string line = ics.substr(pos, end - pos);
    if (!line.empty() && line[0] == ' ') {
      REQUIRE(!lines.empty());
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
    pos = end + 2;
  }
  return lines;
}

/// The VEVENTs of `ics` by UID (VALARM properties are not mixed in).
std::map<std::string, Event> events_of(const std::string& ics) {
  std::map<std::string, Event> out;
  Event cur;
  bool in_event = false, in_alarm = false;
  for (const auto& line : unfold(ics)) {
    if (line == "BEGIN:VEVENT") {
      in_event = true;
      cur = {};
      continue;
    }
    if (line == "END:VEVENT") {
      in_event = false;
      out[cur.props.at("UID")] = cur;
      continue;
    }
    if (!in_event) continue;
    cur.text += line + "\n";
    if (line == "BEGIN:VALARM") in_alarm = true;
    if (line == "END:VALARM") in_alarm = false;
    if (in_alarm) continue;
    const auto colon = line.find(':');
    const auto semi = line.find(';');
    const auto name_end = std::min(colon, semi);
    cur.props[line.substr(0, name_end)] = line.substr(colon + 1);
  }
  return out;
}

std::set<std::string> uids_of(const std::string& ics) {
  std::set<std::string> uids;
  for (const auto& [uid, e] : events_of(ics)) uids.insert(uid);
  return uids;
}

struct Client {
  std::string name, command;
};

std::vector<Client> clients() {
  const std::string tools = GGE_ICAL_TOOLS;
  return {{"ical.js", "'" + std::string(GGE_NODE) + "' '" + tools + "/icaljs_dump.mjs'"},
          {"python3-icalendar", "'" + std::string(GGE_PYTHON3) + "' '" + tools + "/icalendar_dump.py'"},
          {"libical", "'" + std::string(GGE_LIBICAL_CHECK) + "'"}};
}

/// Runs `command` and returns (exit status, stdout+stderr).
std::pair<int, std::string> run(const std::string& command) {
  std::string out;
  std::FILE* p = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

/// Every client parses `file` without error; returns each client's rows by UID.
std::vector<std::map<std::string, json>> parse_with_clients(const fs::path& file) {
  REQUIRE(fs::exists(fs::path(GGE_ICAL_TOOLS) / "node_modules/ical.js"));  // npm ci --prefix tests/ical
  std::vector<std::map<std::string, json>> all;
  for (const auto& c : clients()) {
    const auto [status, out] = run(c.command + " " + quote(file.string()));
    INFO(c.name << " on " << file << ":\n" << out.substr(0, 3000));
    REQUIRE(status == 0);
    std::map<std::string, json> rows;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      const auto row = json::parse(line);
      REQUIRE_FALSE(row.contains("error"));
      rows[row.at("uid").get<std::string>()] = row;
    }
    all.push_back(std::move(rows));
  }
  return all;
}

/// The UTC instant (seconds) of a wall-clock "YYYY-MM-DD" "HH:MM" in `zone`, per the tz database.
std::int64_t instant(const std::string& zone, const std::string& day, const std::string& hhmm) {
  date::local_seconds t;
  std::istringstream in(day + " " + hhmm);
  in >> date::parse("%Y-%m-%d %H:%M", t);
  REQUIRE(!in.fail());
  return date::zoned_time<std::chrono::seconds>(zone, t).get_sys_time().time_since_epoch().count();
}

json session_list(const Scratch& s) {
  const auto r = s.gge("--json session list");
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

json meeting_list(const Scratch& s) {
  const auto r = s.gge("--json meeting list");
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

std::string session_key(const json& j) {
  return j.at("body").get<std::string>() + "#" + std::to_string(j.at("session").get<int>());
}

}  // namespace

TEST_CASE("gge export ics writes the golden calendar of the 2004-2005 example, byte for byte",
          "[cli][export]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  const auto a = s.gge("export ics");
  INFO(a.err);
  REQUIRE(a.code == 0);
  CHECK(a.err.empty());
  const auto b = s.gge("export ics");
  REQUIRE(b.code == 0);
  CHECK(a.out == b.out);  // same database, options and SOURCE_DATE_EPOCH: same bytes
  CHECK(golden_diff("gge-2004-2005.ics", a.out) == "");
  // -o writes the same bytes and says what it wrote.
  const auto file = s.dir() / "plan.ics";
  const auto o = s.gge("export ics -o " + quote(file.string()));
  REQUIRE(o.code == 0);
  CHECK(o.out.find("3 sessions") != std::string::npos);
  CHECK(bytes_of(file) == a.out);
  for (const auto& e : fs::directory_iterator(s.dir()))  // no temporary left beside it
    CHECK(e.path().filename().string().find("tmp-gge") == std::string::npos);

  const auto events = events_of(a.out);
  const auto sessions = session_list(s);
  const auto meetings = meeting_list(s);
  REQUIRE(sessions.size() == 3);
  REQUIRE(!meetings.empty());
  for (const auto& ses : sessions) {
    const auto& e = events.at(ses.at("uid").get<std::string>());
    CHECK(e.props.at("SEQUENCE") == std::to_string(ses.at("revision").get<int>()));
    CHECK(e.props.at("DTSTAMP") == "20041109T113320Z");  // SOURCE_DATE_EPOCH=1100000000
    CHECK(e.props.at("LAST-MODIFIED") == "20041109T113320Z");  // change log, same clock
    CHECK(e.text.find("DTSTART;VALUE=DATE:") != std::string::npos);
  }
  for (const auto& m : meetings) {
    const auto& e = events.at(m.at("uid").get<std::string>());
    CHECK(e.props.count("RELATED-TO") == 1);
  }
  CHECK(a.out.find("X-WR-CALNAME:gge: all bodies\r\n") != std::string::npos);
  CHECK(a.out.find("TZID:America/New_York\r\n") != std::string::npos);
  // Deadlines of the mandate (the chain refreshed in every write) are there, transparent.
  CHECK(a.out.find("UID:deadline-58%2F32-GGE/") != std::string::npos);
  CHECK(a.out.find("TRANSP:TRANSPARENT") != std::string::npos);
}

TEST_CASE("ical.js, python3-icalendar and libical read the exported calendar and place every "
          "meeting where the tz database does",
          "[cli][export][clients]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  add_second_body(s);
  const auto file = s.dir() / "all.ics";
  const auto r = s.gge("export ics --alarm 7d -o " + quote(file.string()));
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string ics = bytes_of(file);
  CHECK(ics.find("TRIGGER:-P7D") != std::string::npos);
  std::map<std::string, std::string> zone_of_station;
  const auto stations = json::parse(s.gge("--json station list").out);
  for (const auto& st : stations) zone_of_station[st.at("code")] = st.at("zone");
  std::map<std::string, std::string> zone_of_session;
  for (const auto& ses : session_list(s))
    zone_of_session[ses.at("body").get<std::string>() + "#" + std::to_string(ses.at("number").get<int>())] =
        zone_of_station.at(ses.at("station"));
  const auto meetings = meeting_list(s);
  const auto uids = uids_of(ics);
  REQUIRE(meetings.size() > 20);
  for (const auto& rows : parse_with_clients(file)) {
    CHECK(rows.size() == uids.size());
    for (const auto& m : meetings) {
      const auto& row = rows.at(m.at("uid").get<std::string>());
      const std::string zone = zone_of_session.at(session_key(m));
      INFO(m.dump());
      CHECK(row.at("tzid") == zone);
      CHECK(row.at("start").get<std::int64_t>() == instant(zone, m.at("date"), m.at("start")));
      CHECK(row.at("end").get<std::int64_t>() == instant(zone, m.at("date"), m.at("end")));
    }
  }
}

TEST_CASE("scopes: --body, --mandate, --station, --expert and --from/--to select their items",
          "[cli][export]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  add_second_body(s);
  const auto sessions = session_list(s);
  const auto meetings = meeting_list(s);
  std::map<std::string, std::string> station_of;
  for (const auto& ses : sessions)
    station_of[ses.at("body").get<std::string>() + "#" + std::to_string(ses.at("number").get<int>())] =
        ses.at("station");
  // The expected UIDs of sessions and meetings that pass `keep(body, station, first, last)`.
  const auto expected = [&](auto keep) {
    std::set<std::string> uids;
    for (const auto& ses : sessions)
      if (keep(ses.at("body").get<std::string>(), ses.at("station").get<std::string>(),
               ses.at("first").get<std::string>(), ses.at("last").get<std::string>()))
        uids.insert(ses.at("uid").get<std::string>());
    for (const auto& m : meetings)
      if (keep(m.at("body").get<std::string>(), station_of.at(session_key(m)),
               m.at("date").get<std::string>(), m.at("date").get<std::string>()))
        uids.insert(m.at("uid").get<std::string>());
    return uids;
  };
  const auto exported = [&](const std::string& args) {
    const auto r = s.gge("export ics " + args);
    INFO(args << ": " << r.err);
    REQUIRE(r.code == 0);
    std::set<std::string> uids;
    for (const auto& uid : uids_of(r.out))
      if (uid.rfind("deadline-", 0) != 0) uids.insert(uid);
    return std::pair{uids, r.out};
  };
  const auto no_deadline = [](const std::string& ics) { return ics.find("UID:deadline-") == std::string::npos; };

  SECTION("--body") {
    const auto [uids, ics] = exported("--body OEWG-X");
    CHECK(uids == expected([](auto b, auto, auto, auto) { return b == "OEWG-X"; }));
    CHECK(uids.size() == 2 + 5 * 2 + 2 * 2);  // 2 sessions, 10 + 4 meetings
    CHECK(no_deadline(ics));                    // OEWG-X has no mandate
    CHECK(ics.find("X-WR-CALNAME:OEWG-X\r\n") != std::string::npos);
    const auto [ggeu, ggeics] = exported("--body GGE-ICT-2004");
    CHECK(ggeu == expected([](auto b, auto, auto, auto) { return b == "GGE-ICT-2004"; }));
    CHECK_FALSE(no_deadline(ggeics));
  }
  SECTION("--mandate") {
    const auto [uids, ics] = exported("--mandate 58/32-GGE");
    CHECK(uids == expected([](auto b, auto, auto, auto) { return b == "GGE-ICT-2004"; }));
    CHECK_FALSE(no_deadline(ics));
  }
  SECTION("--station") {
    const auto [gva, gics] = exported("--station GVA");
    CHECK(gva == expected([](auto, auto st, auto, auto) { return st == "GVA"; }));
    CHECK(gics.find("TZID:Europe/Zurich\r\n") != std::string::npos);
    CHECK(gics.find("TZID:America/New_York\r\n") == std::string::npos);  // exactly the zones used
    CHECK(no_deadline(gics));
    const auto [ny, nics] = exported("--station NY");
    CHECK(ny == expected([](auto, auto st, auto, auto) { return st == "NY"; }));
    CHECK(nics.find("TZID:Europe/Zurich\r\n") == std::string::npos);
  }
  SECTION("--expert") {
    const auto [z, zics] = exported("--expert zz-1");
    CHECK(z == expected([](auto, auto, auto, auto) { return true; }));
    const auto [y, yics] = exported("--expert yy-1");
    CHECK(y == expected([](auto b, auto, auto, auto) { return b == "OEWG-X"; }));
    CHECK(yics.find("Expert Y") != std::string::npos);  // the calendar's name
  }
  SECTION("--from/--to, inclusive, with a scope") {
    const auto [uids, ics] = exported("--from 2005-03-09 --to 2005-06-13");
    const auto in = [](auto, auto, auto first, auto last) {
      return std::string(last) >= "2005-03-09" && std::string(first) <= "2005-06-13";
    };
    CHECK(uids == expected(in));
    // GGE#3 starts on the last day (2005-06-13): the session and that day's meetings only.
    CHECK(uids.size() > 3);
    // Deadlines are in when their day is: only latest_end (2005-06-20) of the four in June-July.
    const auto dl = json::parse(s.gge("--json deadlines 58/32-GGE").out);
    REQUIRE(dl.size() == 4);
    const auto r = s.gge("export ics --from 2005-06-14 --to 2005-07-04");
    REQUIRE(r.code == 0);
    std::set<std::string> got, want;
    for (const auto& [uid, e] : events_of(r.out))
      if (uid.rfind("deadline-", 0) == 0) got.insert(e.props.at("DTSTART"));
    for (const auto& d : dl) {
      std::string day = d.at("date");
      day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
      if (day >= "20050614" && day <= "20050704") want.insert(day);
    }
    CHECK(want == std::set<std::string>{"20050620"});
    CHECK(got == want);
    const auto [gva, gics] = exported("--station GVA --to 2005-03-08");
    CHECK(gva == expected([](auto, auto st, auto first, auto) {
            return st == "GVA" && std::string(first) <= "2005-03-08";
          }));
  }
}

TEST_CASE("a cancelled session stays in the feed with STATUS:CANCELLED and a higher SEQUENCE",
          "[cli][export]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  const auto before = events_of(s.gge("export ics --body GGE-ICT-2004").out);
  const auto uid = [&] {
    for (const auto& ses : session_list(s))
      if (ses.at("number") == 3) return ses.at("uid").get<std::string>();
    FAIL("no session 3");
    return std::string{};
  }();
  REQUIRE(s.gge("session cancel GGE-ICT-2004#3").code == 0);
  const auto after_r = s.gge("export ics --body GGE-ICT-2004");
  REQUIRE(after_r.code == 0);
  const auto after = events_of(after_r.out);
  CHECK(after.size() == before.size());
  const auto& b = before.at(uid);
  const auto& a = after.at(uid);
  CHECK(b.props.at("STATUS") == "TENTATIVE");
  CHECK(a.props.at("STATUS") == "CANCELLED");
  CHECK(std::stoi(a.props.at("SEQUENCE")) > std::stoi(b.props.at("SEQUENCE")));
  CHECK(a.props.at("UID") == b.props.at("UID"));
}

TEST_CASE("a deleted meeting stays in the feed as cancelled, and its slot's next meeting gets a new UID",
          "[cli][export]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  const auto before = events_of(s.gge("export ics --body GGE-ICT-2004").out);
  std::set<std::string> removed;
  for (const auto& m : meeting_list(s))
    if (m.at("session") == 1) removed.insert(m.at("uid").get<std::string>());
  REQUIRE(removed.size() == 10);
  REQUIRE(s.gge("meeting clear GGE-ICT-2004#1").code == 0);
  const auto r = s.gge("export ics --body GGE-ICT-2004");
  REQUIRE(r.code == 0);
  const auto after = events_of(r.out);
  CHECK(after.size() == before.size());  // the same events, ten of them now cancelled
  for (const auto& uid : removed) {
    INFO(uid);
    const auto& b = before.at(uid);
    const auto& a = after.at(uid);
    CHECK(a.props.at("STATUS") == "CANCELLED");
    CHECK(std::stoi(a.props.at("SEQUENCE")) == std::stoi(b.props.at("SEQUENCE")) + 1);
    CHECK(a.props.at("DTSTART") == b.props.at("DTSTART"));
  }
  // The standard meetings again, in the same slots: new UIDs, so no calendar mistakes one of
  // them for the cancelled event it replaces.
  REQUIRE(s.gge("meeting generate GGE-ICT-2004#1").code == 0);
  for (const auto& m : meeting_list(s)) CHECK(removed.count(m.at("uid").get<std::string>()) == 0);
  const auto again = events_of(s.gge("export ics --body GGE-ICT-2004").out);
  CHECK(again.size() == before.size() + 10);
  // The three clients read it, cancelled events included.
  const auto file = s.dir() / "removed.ics";
  REQUIRE(s.gge("export ics -o " + quote(file.string())).code == 0);
  for (const auto& rows : parse_with_clients(file)) CHECK(rows.size() == uids_of(bytes_of(file)).size());
}

TEST_CASE("gge feeds writes one feed per body, station and expert and an index of links",
          "[cli][export][clients]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  add_second_body(s);
  const auto dir = s.dir() / "public";
  const auto r = s.gge("feeds " + quote(dir.string()) + " --base-url https://cal.example.org/un/");
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files.insert(e.path().filename().string());
  std::set<std::string> want{"index.html", "body-GGE-ICT-2004.ics", "body-OEWG-X.ics"};
  for (const auto& st : json::parse(s.gge("--json station list").out))
    want.insert("station-" + st.at("code").get<std::string>() + ".ics");
  for (const auto& e : json::parse(s.gge("--json expert list").out))
    want.insert("expert-" + e.at("key").get<std::string>() + ".ics");
  CHECK(files == want);  // no temporary file left either
  const std::string index = bytes_of(dir / "index.html");
  for (const auto& f : want) {
    if (f == "index.html") continue;
    CHECK(index.find("href=\"https://cal.example.org/un/" + f + "\"") != std::string::npos);
    CHECK(index.find("href=\"webcal://cal.example.org/un/" + f + "\"") != std::string::npos);
  }
  // A body's feed is the body's export; an expert with no seat gets a valid empty calendar.
  CHECK(bytes_of(dir / "body-OEWG-X.ics") == s.gge("export ics --body OEWG-X").out);
  CHECK(uids_of(bytes_of(dir / "expert-nn-1.ics")).empty());
  for (const auto& f : want)
    if (f != "index.html") {
      INFO(f);
      const auto rows = parse_with_clients(dir / f);
      for (const auto& client_rows : rows) CHECK(client_rows.size() == uids_of(bytes_of(dir / f)).size());
    }
  // Same database, same SOURCE_DATE_EPOCH: the same bytes again.
  const std::string body_feed = bytes_of(dir / "body-GGE-ICT-2004.ics");
  REQUIRE(s.gge("feeds " + quote(dir.string()) + " --base-url https://cal.example.org/un").code == 0);
  CHECK(bytes_of(dir / "body-GGE-ICT-2004.ics") == body_feed);
  CHECK(bytes_of(dir / "index.html") == index);
}

TEST_CASE("export refuses bad input with exit 2 and leaves no file, and an empty scope is a valid "
          "empty calendar",
          "[cli][export]") {
  Scratch s;
  load_with_holidays(s, example_scenario());
  const auto out = s.dir() / "out.ics";
  const auto no_temporary = [&] {
    for (const auto& e : fs::directory_iterator(s.dir()))
      if (e.path().filename().string().find("tmp-gge") != std::string::npos) return false;
    return true;
  };
  const auto no_file = [&] { return !fs::exists(out) && no_temporary(); };

  SECTION("unknown scope keys") {
    for (const std::string args : {"--body NOPE", "--mandate 99/1-X", "--station XYZ", "--expert nobody"}) {
      const auto r = s.gge("export ics " + args + " -o " + quote(out.string()));
      INFO(args);
      CHECK(r.code == 2);
      CHECK(r.err.find("no such") != std::string::npos);
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
      CHECK(no_file());
    }
  }
  SECTION("an old file survives a refused export") {
    REQUIRE(s.gge("export ics -o " + quote(out.string())).code == 0);
    const std::string old = bytes_of(out);
    CHECK(s.gge("export ics --body NOPE -o " + quote(out.string())).code == 2);
    CHECK(bytes_of(out) == old);
  }
  SECTION("an unwritable output path") {
    const auto bad = s.dir() / "missing-dir" / "x.ics";
    const auto r = s.gge("export ics -o " + quote(bad.string()));
    CHECK(r.code == 2);
    CHECK(r.err.find("cannot write") != std::string::npos);
    CHECK(r.err.find(bad.string()) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(bad.parent_path()));
    // A directory in the way of the final name: the temporary file is removed.
    fs::create_directories(out);
    const auto d = s.gge("export ics -o " + quote(out.string()));
    CHECK(d.code == 2);
    CHECK(no_temporary());
  }
  SECTION("bad --alarm, --from/--to and SOURCE_DATE_EPOCH values") {
    for (const std::string args : {"--alarm 3wd", "--alarm 7", "--alarm -1d", "--alarm 400d", "--alarm x",
                                   "--from 2005-02-30", "--from 2005-06-01 --to 2005-01-01",
                                   "--body GGE-ICT-2004 --station NY"}) {
      const auto r = s.gge("export ics " + args + " -o " + quote(out.string()));
      INFO(args << ": " << r.err);
      CHECK(r.code == 2);
      CHECK(no_file());
    }
    for (const std::string value : {"yesterday", "-5", "1e9", "99999999999999999999"}) {
      const std::string cmd = "cd " + quote(s.dir().string()) + " && SOURCE_DATE_EPOCH=" + quote(value) +
                              " " + quote(GGE_BINARY) + " --db " + quote(s.db()) + " export ics -o " +
                              quote(out.string()) + " 2>&1";
      const auto [status, text] = run(cmd);
      INFO(value << ": " << text);
      CHECK(status == 2);
      CHECK(text.find("SOURCE_DATE_EPOCH") != std::string::npos);
      CHECK(no_file());
      // The store reads it with the same policy: a write is refused, nothing written.
      const std::string before = s.gge("dump").out;
      const auto [write_status, write_text] =
          run("cd " + quote(s.dir().string()) + " && SOURCE_DATE_EPOCH=" + quote(value) + " " + quote(GGE_BINARY) +
              " --db " + quote(s.db()) + " session set-status GGE-ICT-2004#2 confirmed");
      CHECK(write_status == 2);
      CHECK(write_text == "gge: SOURCE_DATE_EPOCH '" + value +
                              "': expected whole seconds since 1970-01-01T00:00:00Z, e.g. 1100000000\n");
      CHECK(s.gge("dump").out == before);
    }
  }
  SECTION("--alarm 1w is a 7-day reminder") {
    const auto r = s.gge("export ics --alarm 1w");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("TRIGGER:-P7D") != std::string::npos);
    CHECK(s.gge("export ics --alarm 1W").out == r.out);  // one span parser: units in either case
    CHECK(s.gge("export ics").out.find("BEGIN:VALARM") == std::string::npos);  // off by default
  }
  SECTION("a scope that matches nothing") {
    const auto r = s.gge("export ics --from 1990-01-01 --to 1990-12-31 -o " + quote(out.string()));
    CHECK(r.code == 0);
    CHECK(r.err.find("note: nothing matches") != std::string::npos);
    const std::string ics = bytes_of(out);
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(ics.find("END:VCALENDAR\r\n") == ics.size() - 15);
    CHECK(ics.find("BEGIN:VEVENT") == std::string::npos);
    CHECK(ics.find("BEGIN:VTIMEZONE") == std::string::npos);
    for (const auto& rows : parse_with_clients(out)) CHECK(rows.empty());
    const auto st = s.gge("export ics --station NBO");  // a station where nobody meets
    CHECK(st.code == 0);
    CHECK(st.err.find("note:") != std::string::npos);
  }
  SECTION("feeds: a bad --base-url or DIR") {
    const auto dir = s.dir() / "feeds";
    for (const std::string url : {"http://insecure.example.org", "example.org/gge", "https://", "https://a b"}) {
      const auto r = s.gge("feeds " + quote(dir.string()) + " --base-url " + quote(url));
      INFO(url);
      CHECK(r.code == 2);
      CHECK(r.err.find("--base-url") != std::string::npos);
      CHECK_FALSE(fs::exists(dir));
    }
    s.write("plain-file", "x");
    const auto r = s.gge("feeds " + quote((s.dir() / "plain-file").string()));
    CHECK(r.code == 2);
    CHECK(r.err.find("DIR") != std::string::npos);
  }
}

TEST_CASE("gge export ics --help and gge feeds --help teach the commands", "[cli][export]") {
  Scratch s;
  const auto e = s.gge("export ics --help");
  CHECK(e.code == 0);
  for (const char* word : {"--body", "--mandate", "--station", "--expert", "--from", "--to", "--alarm",
                           "-o", "SOURCE_DATE_EPOCH", "CANCELLED", "Examples"})
    CHECK(e.out.find(word) != std::string::npos);
  const auto f = s.gge("feeds --help");
  CHECK(f.code == 0);
  for (const char* word : {"DIR", "--base-url", "webcal", "index.html"}) CHECK(f.out.find(word) != std::string::npos);
}
