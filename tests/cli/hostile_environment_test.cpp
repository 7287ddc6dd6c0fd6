// Hostile environments: a full stdout, a full disk under -o and under gge feeds, two exports to
// one path at once, a database on a read-only mount, concurrent first use, kill -9 mid-load and
// concurrent writers. Each failure: the documented exit code, one line, nothing changed.
#include "cli/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using gge::test::bytes_of;
using gge::test::example_scenario;
using gge::test::quote;
using gge::test::Run;
using gge::test::Scratch;

namespace {

std::string gge_cmd(const Scratch& s) { return quote(GGE_BINARY) + " --db " + quote(s.db()); }

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

/// Files in `dir` whose names hold "tmp-gge" or "new-gge"/"old-gge" (temporaries and staging).
std::vector<std::string> leftovers(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (name.find("tmp-gge") != std::string::npos || name.find("new-gge") != std::string::npos ||
        name.find("old-gge") != std::string::npos)
      found.push_back(e.path().string());
  }
  return found;
}

/// Whether this process may mount in a private mount namespace (root, or unprivileged user
/// namespaces); the tmpfs tests then use a real full and a real read-only file system.
bool can_mount(const Scratch& s) {
  static const bool ok = [&] {
    return s.shell("unshare -rm sh -c 'mkdir -p m && mount -t tmpfs -o size=64k tmpfs m'").code == 0;
  }();
  return ok;
}

/// Shell text that runs `body` in a private mount namespace with a tmpfs of `kib` KiB at `dir`
/// (the mount vanishes with the namespace).
std::string in_tmpfs(const std::string& dir, int kib, const std::string& body) {
  return "unshare -rm sh -c " +
         quote("mkdir -p " + quote(dir) + " && mount -t tmpfs -o size=" + std::to_string(kib) +
               "k tmpfs " + quote(dir) + " && " + body);
}

}  // namespace

TEST_CASE("a report that cannot be written to stdout is exit 3 with one line, not success",
          "[cli][io]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  const std::string db_before = bytes_of(s.db());
  for (const std::string args :
       {"dump", "timeline", "agenda", "log", "--json log", "--json session list", "session list",
        "--json station list", "--json body list", "export ics", "check", "--help"}) {
    const auto r = s.shell(gge_cmd(s) + " " + args + " >/dev/full");
    INFO(args << ": " << r.err);
    CHECK(r.code == 3);
    CHECK(r.err == "gge: cannot write to stdout: No space left on device; the output is incomplete\n");
  }
  CHECK(bytes_of(s.db()) == db_before);
}

TEST_CASE("a full disk: -o is exit 3, the old file stays, no temporary is left, and feeds swap whole",
          "[cli][io]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  const std::string page = s.gge("timeline").out;
  REQUIRE(page.size() > 24 * 1024);
  const std::string db_before = bytes_of(s.db());
  const std::string disk = (s.dir() / "disk").string();
  const std::string g = gge_cmd(s);
  if (can_mount(s)) {
    // A 16 KiB tmpfs: the old file fits, the timeline page does not.
    const std::string out = disk + "/plan.html";
    const auto r = s.shell(in_tmpfs(disk, 16,
                                    "echo old > " + quote(out) + " && " + g + " timeline -o " + quote(out) +
                                        "; rc=$?; cat " + quote(out) + "; ls -a " + quote(disk) +
                                        " | grep -c gge; exit $rc"));
    INFO(r.err);
    CHECK(r.code == 3);
    CHECK(lines(r.err) == 1);
    CHECK(r.err.find("--output '" + out + "': cannot write: No space left on device") != std::string::npos);
    CHECK(r.out == "old\n0\n");  // the old file intact, no temporary left

    // gge feeds into a full disk: the published folder keeps its old content, whole.
    const std::string pub = disk + "/public";
    const auto f = s.shell(in_tmpfs(disk, 64,
                                     "mkdir " + quote(pub) + " && echo old > " + quote(pub + "/index.html") +
                                         " && head -c 40000 /dev/zero > " + quote(disk + "/filler") + " && " +
                                         g + " feeds " + quote(pub) + "; rc=$?; (cd " + quote(disk) +
                                         " && ls -a . public); cat " + quote(pub + "/index.html") + "; exit $rc"));
    INFO(f.err);
    CHECK(f.code == 3);
    CHECK(lines(f.err) == 1);
    CHECK(f.out.find("gge") == std::string::npos);     // no staging folder, no temporary
    CHECK(f.out.find(".ics") == std::string::npos);    // no feed of the failed run
    CHECK(f.out.find("\nold\n") != std::string::npos);  // the old index, untouched
  } else {
    // No mounts here: a file size limit (EFBIG) stands in for the full disk.
    fs::create_directories(disk);
    const std::string out = disk + "/plan.html";
    s.write("disk/plan.html", "old\n");
    const auto r = s.shell("ulimit -f 16; trap '' XFSZ; " + g + " timeline -o " + quote(out));
    CHECK(r.code == 3);
    CHECK(lines(r.err) == 1);
    CHECK(bytes_of(out) == "old\n");
    CHECK(leftovers(disk).empty());
  }
  CHECK(bytes_of(s.db()) == db_before);
}

TEST_CASE("gge feeds replaces the whole folder: a rerun leaves no stale feed and no staging",
          "[cli][io]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  const auto pub = s.dir() / "public";
  fs::create_directories(pub);
  s.write("public/expert-gone.ics", "stale\n");
  const auto r = s.gge("feeds " + quote(pub.string()));
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(!fs::exists(pub / "expert-gone.ics"));
  CHECK(fs::exists(pub / "index.html"));
  CHECK(leftovers(s.dir()).empty());
}

TEST_CASE("two exports to one path at once: each succeeds and the file is one whole calendar",
          "[cli][io]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  const std::string whole = s.gge("export ics").out;
  const auto out = s.dir() / "plan.ics";
  const std::string one = gge_cmd(s) + " export ics -o " + quote(out.string()) + " >/dev/null";
  for (int round = 0; round < 5; ++round) {
    const auto r = s.shell("for i in 1 2 3 4; do (" + one + " || echo FAILED >&2) & done; wait");
    INFO(r.err);
    CHECK(r.err.empty());
    CHECK(bytes_of(out) == whole);
  }
  CHECK(leftovers(s.dir()).empty());
}

TEST_CASE("a database on a read-only place is read (immutable), writes are refused", "[cli][io]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  const std::string list = s.gge("session list").out;
  const std::string dump = s.gge("dump").out;
  const std::string db_before = bytes_of(s.db());
  const std::string ro = (s.dir() / "ro").string(), db = ro + "/gge.db";
  const std::string g = quote(GGE_BINARY) + " --db " + quote(db);
  // Inside: copy the database in, make the mount read-only, then run gge on it.
  const auto run_ro = [&](const std::string& args) {
    if (can_mount(s))
      return s.shell(in_tmpfs(ro, 4096,
                               "cp " + quote(s.db()) + " " + quote(db) + " && mount -o remount,ro " +
                                   quote(ro) + " && " + g + " " + args));
    // Without mounts (not root): a folder without write permission.
    return s.shell("mkdir -p " + quote(ro) + " && cp " + quote(s.db()) + " " + quote(db) +
                        " && chmod 0555 " + quote(ro) + " && " + g + " " + args + "; rc=$?; chmod 0755 " +
                        quote(ro) + "; exit $rc");
  };
  const auto r = run_ro("session list");
  CHECK(r.code == 0);
  CHECK(r.out == list);
  CHECK(r.err == "gge: note: " + db + " is in a place gge cannot write; read as it is on disk, without locks\n");
  const auto d = run_ro("dump");
  CHECK(d.code == 0);
  CHECK(d.out == dump);
  const auto w = run_ro("session cancel GGE-ICT-2004#2");
  CHECK(w.code == 3);
  CHECK(lines(w.err) == 1);
  CHECK(bytes_of(s.db()) == db_before);
}

TEST_CASE("four processes creating the same new database at once all succeed", "[cli][io]") {
  Scratch s;
  for (int round = 0; round < 10; ++round) {
    const std::string db = (s.dir() / ("new-" + std::to_string(round) + ".db")).string();
    const std::string one = quote(GGE_BINARY) + " --db " + quote(db) + " init >/dev/null";
    const auto r = s.shell("for i in 1 2 3 4; do (" + one + " || echo FAILED >&2) & done; wait");
    INFO(r.err);
    CHECK(r.err.empty());
    SQLite::Database check(db, SQLite::OPEN_READONLY);
    CHECK(check.execAndGet("PRAGMA integrity_check").getString() == "ok");
  }
}

TEST_CASE("kill -9 during a load: the database is intact and holds all of the load or none",
          "[cli][io]") {
  Scratch s;
  // The example plus 20,000 one-day sessions: a load long enough to be killed in the middle.
  std::string text = bytes_of(example_scenario());
  int sessions_in_file = 0;
  for (const auto& line : {std::string{"[[session]]"}}) {
    for (std::size_t at = text.find(line); at != std::string::npos; at = text.find(line, at + 1))
      ++sessions_in_file;
  }
  constexpr int k_extra = 20000;
  for (int i = 0; i < k_extra; ++i) {
    const int year = 1950 + i / 300, day_of_year = i % 300;
    const int month = 1 + day_of_year / 28, day = 1 + day_of_year % 28;
    text += fmt::format("\n[[session]]\nbody = \"GGE-ICT-2004\"\nnumber = {}\nfirst = {:04}-{:02}-{:02}\n"
                        "last = {:04}-{:02}-{:02}\nstation = \"GVA\"\nstatus = \"held\"\n",
                        100 + i, year, month, day, year, month, day);
  }
  const std::string big = s.write("big.toml", text);
  const int all = sessions_in_file + k_extra;
  const auto load = [&](const std::string& db) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      if (!std::freopen("/dev/null", "w", stdout)) ::_exit(126);
      ::execl(GGE_BINARY, "gge", "--db", db.c_str(), "load", big.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    return child;
  };
  // How long a whole load takes here, so that the kills land inside one.
  const auto started = std::chrono::steady_clock::now();
  int status = 0;
  ::waitpid(load((s.dir() / "whole.db").string()), &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  const auto whole_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started).count();
  std::mt19937 rng(14);
  int killed_mid_load = 0;
  for (int kill = 0; kill < 10; ++kill) {
    const std::string db = (s.dir() / ("k" + std::to_string(kill) + ".db")).string();
    const pid_t child = load(db);
    const auto delay = std::uniform_int_distribution<long long>(whole_ms / 10, whole_ms * 9 / 10)(rng);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
    if (WIFSIGNALED(status)) ++killed_mid_load;
    if (!fs::exists(db)) continue;
    SQLite::Database check(db, SQLite::OPEN_READWRITE);  // recovers the WAL as gge would
    CHECK(check.execAndGet("PRAGMA integrity_check").getString() == "ok");
    const bool has_table =
        check.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'session'").getInt() == 1;
    const int count = has_table ? check.execAndGet("SELECT count(*) FROM session").getInt() : 0;
    INFO("kill " << kill << " after " << delay << " ms of " << whole_ms << ": " << count << " sessions");
    CHECK((count == 0 || count == all));
  }
  CHECK(killed_mid_load >= 5);  // the kills really interrupted loads
}

TEST_CASE("four writers, 50 commands each: nothing lost, never 'database is locked'", "[cli][io]") {
  Scratch s;
  REQUIRE(s.gge("load " + quote(example_scenario())).code == 0);
  std::string script;
  for (int w = 0; w < 4; ++w) {
    std::string loop = "for i in $(seq 0 49); do " + gge_cmd(s) + " session add GGE-ICT-2004#$((" +
                       std::to_string(500 + w * 100) + " + i)) --first 2006-0" + std::to_string(w + 1) +
                       "-01 --last 2006-0" + std::to_string(w + 1) + "-02 --station GVA >/dev/null || echo FAILED >&2; done";
    script += "(" + loop + ") & ";
  }
  const auto r = s.shell(script + "wait");
  INFO(r.err);
  CHECK(r.err.find("locked") == std::string::npos);
  CHECK(r.err.find("FAILED") == std::string::npos);
  SQLite::Database check(s.db(), SQLite::OPEN_READONLY);
  CHECK(check.execAndGet("SELECT count(*) FROM session WHERE number >= 500").getInt() == 200);
  CHECK(check.execAndGet("PRAGMA integrity_check").getString() == "ok");
}
