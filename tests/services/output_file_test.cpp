// AtomicFile and AtomicDirectory: exclusive random temporaries, never a symlink followed, the
// target's mode kept, nothing left behind on failure or on SIGTERM, a folder swapped whole.
#include "gge/services/output_file.hpp"
#include "gge/core/error.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <sstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using gge::AtomicDirectory;
using gge::AtomicFile;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("gge-out-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  [[nodiscard]] std::set<std::string> names() const {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(path)) out.insert(e.path().filename().string());
    return out;
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

/// Runs `start` in a child process that then waits; once it has started, sends it SIGTERM and
/// returns its wait status. `check_while_running` runs in the parent before the signal.
template <typename Start, typename Check>
int terminate_after(Start start, Check check_while_running) {
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipe_fds[0]);
    std::signal(SIGTERM, SIG_DFL);  // as in gge (the test runner has its own handler)
    start();
    const char ready = '1';
    (void)!::write(pipe_fds[1], &ready, 1);
    ::pause();  // until the parent's SIGTERM
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  char ready = 0;
  REQUIRE(::read(pipe_fds[0], &ready, 1) == 1);
  ::close(pipe_fds[0]);
  check_while_running();
  ::kill(child, SIGTERM);
  int status = 0;
  ::waitpid(child, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("AtomicFile: an exclusive temporary with a random name beside the target", "[services]") {
  TempDir dir;
  const auto target = dir.path / "plan.ics";
  std::set<std::string> temporaries;
  for (int i = 0; i < 50; ++i) {
    AtomicFile out(target, "--output");
    const auto tmp = out.temporary();
    CHECK(tmp.parent_path() == dir.path);
    CHECK(tmp.filename().string().rfind(".plan.ics.", 0) == 0);
    CHECK(tmp.extension() == ".tmp-gge");
    struct stat st {};
    REQUIRE(::lstat(tmp.c_str(), &st) == 0);
    CHECK(S_ISREG(st.st_mode));
    temporaries.insert(tmp.string());
  }
  CHECK(temporaries.size() == 50);  // random names, none reused
  CHECK(dir.names().empty());       // each uncommitted temporary removed
}

TEST_CASE("AtomicFile: symlinks at the old fixed name and at the target are never followed",
          "[services]") {
  TempDir dir;
  const auto victim = dir.path / "victim.txt";
  write(victim, "precious\n");
  fs::create_symlink(victim, dir.path / "planted.ics.tmp-gge");  // the name gge once used
  gge::write_file_atomically(dir.path / "planted.ics", "BEGIN:VCALENDAR\n", "--output");
  CHECK(read(victim) == "precious\n");
  CHECK(read(dir.path / "planted.ics") == "BEGIN:VCALENDAR\n");

  // A target that is itself a symlink is replaced by the new file; what it pointed to stays.
  fs::create_symlink(victim, dir.path / "link.ics");
  gge::write_file_atomically(dir.path / "link.ics", "new\n", "--output");
  CHECK(read(victim) == "precious\n");
  CHECK(!fs::is_symlink(dir.path / "link.ics"));
  CHECK(read(dir.path / "link.ics") == "new\n");
}

TEST_CASE("AtomicFile: keeps the mode of the file it replaces, else 0644 less the umask",
          "[services]") {
  TempDir dir;
  const auto target = dir.path / "plan.toml";
  write(target, "old\n");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);  // 0600
  gge::write_file_atomically(target, "new\n", "--output");
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);

  const mode_t old_mask = ::umask(022);
  gge::write_file_atomically(dir.path / "fresh.toml", "x\n", "--output");
  ::umask(old_mask);
  REQUIRE(::stat((dir.path / "fresh.toml").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0644);
}

TEST_CASE("AtomicFile: an unwritable place is bad input, nothing is left", "[services]") {
  TempDir dir;
  CHECK_THROWS_AS(AtomicFile(dir.path / "no-such-dir" / "x.ics", "--output"), gge::InputError);
  CHECK_THROWS_WITH(AtomicFile(dir.path, "--output"),
                    Catch::Contains("--output") && Catch::Contains("Is a directory"));
  CHECK(dir.names().empty());
}

TEST_CASE("AtomicFile: SIGTERM while writing removes the temporary", "[services]") {
  TempDir dir;
  std::optional<AtomicFile> out;  // alive in the child until the signal
  const int status = terminate_after(
      [&] {
        out.emplace(dir.path / "plan.ics", "--output");
        out->write(std::string(1 << 20, 'x'));
      },
      [&] { CHECK(dir.names().size() == 1); });  // the temporary, while the child writes
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);  // the signal keeps its meaning for the parent
  CHECK(dir.names().empty());
}

TEST_CASE("AtomicDirectory: the folder's whole content is swapped, or left as it was",
          "[services]") {
  TempDir dir;
  const auto feeds = dir.path / "public";
  fs::create_directories(feeds);
  write(feeds / "old.ics", "old\n");
  write(feeds / "index.html", "old index\n");
  {
    AtomicDirectory staged(feeds, "DIR");
    gge::write_file_atomically(staged.staging() / "index.html", "half\n", "DIR");
    // destroyed uncommitted, as when an exception stops the feeds half way
  }
  CHECK(dir.names() == std::set<std::string>{"public"});
  CHECK(read(feeds / "index.html") == "old index\n");
  CHECK(read(feeds / "old.ics") == "old\n");

  AtomicDirectory staged(feeds, "DIR");
  gge::write_file_atomically(staged.staging() / "index.html", "new index\n", "DIR");
  gge::write_file_atomically(staged.staging() / "new.ics", "new\n", "DIR");
  staged.commit();
  CHECK(dir.names() == std::set<std::string>{"public"});  // the old content and staging gone
  CHECK(read(feeds / "index.html") == "new index\n");
  CHECK(read(feeds / "new.ics") == "new\n");
  CHECK(!fs::exists(feeds / "old.ics"));

  AtomicDirectory fresh(dir.path / "made" / "here", "DIR");  // a folder that does not exist yet
  gge::write_file_atomically(fresh.staging() / "index.html", "x\n", "DIR");
  fresh.commit();
  CHECK(read(dir.path / "made" / "here" / "index.html") == "x\n");
}

TEST_CASE("AtomicDirectory: SIGTERM while filling removes the staging folder", "[services]") {
  TempDir dir;
  const auto feeds = dir.path / "public";
  fs::create_directories(feeds);
  write(feeds / "index.html", "old index\n");
  std::optional<AtomicDirectory> staged;  // alive in the child until the signal
  std::optional<AtomicFile> half;
  const int status = terminate_after(
      [&] {
        staged.emplace(feeds, "DIR");
        for (int i = 0; i < 40; ++i)
          gge::write_file_atomically(staged->staging() / ("f" + std::to_string(i) + ".ics"), "x\n",
                                     "DIR");
        half.emplace(staged->staging() / "index.html", "DIR");  // one file still being written
        half->write("half");
      },
      [&] { CHECK(dir.names().size() == 2); });  // public and the staging folder
  CHECK(WIFSIGNALED(status));
  CHECK(dir.names() == std::set<std::string>{"public"});
  CHECK(read(feeds / "index.html") == "old index\n");
}

TEST_CASE("AtomicDirectory: a link to a folder stays a link, the folder it names is replaced",
          "[services]") {
  TempDir dir;
  const auto real = dir.path / "srv-feeds";
  fs::create_directories(real);
  write(real / "old.ics", "old\n");
  fs::create_directory_symlink("srv-feeds", dir.path / "public");
  AtomicDirectory staged(dir.path / "public", "DIR");
  gge::write_file_atomically(staged.staging() / "index.html", "new index\n", "DIR");
  staged.commit();
  CHECK(fs::is_symlink(dir.path / "public"));
  CHECK(read(dir.path / "public" / "index.html") == "new index\n");
  CHECK(!fs::exists(real / "old.ics"));
  CHECK(dir.names() == std::set<std::string>{"public", "srv-feeds"});
}
