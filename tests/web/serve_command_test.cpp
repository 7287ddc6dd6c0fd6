// The `gge serve` and `gge user add` commands as a user runs them: the refusal to serve other
// machines without logins (exit 2, one line), a clean stop on SIGTERM, passwords from stdin.
#include "cli/support.hpp"

#include <httplib.h>
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <cstdio>

using gge::test::quote;
using gge::test::Scratch;

TEST_CASE("gge serve refuses a non-loopback address without --users", "[web]") {
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  const std::string before = gge::test::bytes_of(s.db());
  const std::pair<const char*, const char*> cases[] = {
      {"0.0.0.0:0", "0.0.0.0"}, {"[::]:0", "::"}, {"192.0.2.1:8080", "192.0.2.1"}};
  for (const auto& [listen, host] : cases) {
    INFO(listen);
    const auto r = s.gge(std::string{"serve --listen "} + quote(listen));
    CHECK(r.code == 2);
    CHECK(r.err ==
          std::string{"gge: --listen '"} + host +
              "': is not a loopback address; serving other machines needs --users FILE (logins)\n");
    CHECK(r.out.empty());
  }
  const auto bad = s.gge("serve --listen nonsense");
  CHECK(bad.code == 2);
  CHECK(bad.err.rfind("gge: --listen 'nonsense': ", 0) == 0);
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
  CHECK(gge::test::bytes_of(s.db()) == before);
}

TEST_CASE("gge serve stops cleanly on SIGTERM", "[web]") {
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    const std::string db = s.db();
    ::execl(GGE_BINARY, "gge", "--db", db.c_str(), "serve", "--listen", "127.0.0.1:0",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string text;
  char buf[512];
  while (text.find('\n') == std::string::npos) {
    const auto n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  INFO(text);
  const auto at = text.find("http://127.0.0.1:");
  REQUIRE(at != std::string::npos);
  const int port = std::stoi(text.substr(at + 17));
  httplib::Client c("127.0.0.1", port);
  const auto r = c.Get("/feeds/all.ics");
  REQUIRE(r);
  CHECK(r->status == 200);
  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  while (true) {
    const auto n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  CHECK(text.find("gge: stopped\n") != std::string::npos);
}

TEST_CASE("gge user add reads the password from stdin and refuses bad input", "[web]") {
  Scratch s;
  const auto ok = s.shell(std::string{"printf 'correct horse\\n' | "} + GGE_BINARY +
                          " user add ana --role planner --users users");
  INFO(ok.err);
  CHECK(ok.code == 0);
  CHECK(ok.out == "added planner user ana to users\n");
  const std::string file = gge::test::bytes_of(s.dir() / "users");
  CHECK(file.find("ana planner $argon2id$") != std::string::npos);
  const auto again = s.shell(std::string{"printf 'correct horse\\n' | "} + GGE_BINARY +
                             " user add ana --role viewer --users users");
  CHECK(again.code == 2);
  CHECK(again.err == "gge: users: NAME 'ana': is already a user\n");
  const auto role = s.shell(std::string{"printf 'correct horse\\n' | "} + GGE_BINARY +
                            " user add bo --role boss --users users");
  CHECK(role.code == 2);
  CHECK(role.err == "gge: --role 'boss': expected planner or viewer\n");
  CHECK(gge::test::bytes_of(s.dir() / "users") == file);
}
