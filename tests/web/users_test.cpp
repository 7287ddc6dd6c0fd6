// The users file: Argon2id hashes, mode 0600, one clear line for each bad line.
#include "gge/web/users.hpp"
#include "cli/support.hpp"
#include "gge/core/error.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace gge::web;

TEST_CASE("add_user writes an Argon2id hash that verify_password accepts", "[web]") {
  gge::test::Scratch s;
  const auto file = s.dir() / "users";
  add_user(file, "ana", Role::planner, "correct horse");
  add_user(file, "vic", Role::viewer, "battery staple");
  const auto users = read_users(file);
  REQUIRE(users.size() == 2);
  CHECK(users[0].name == "ana");
  CHECK(users[0].role == Role::planner);
  CHECK(users[0].hash.rfind("$argon2id$", 0) == 0);
  CHECK(users[0].hash.find("correct") == std::string::npos);
  CHECK(verify_password(users[0], "correct horse"));
  CHECK(!verify_password(users[0], "correct horsE"));
  CHECK(!verify_password(users[1], "correct horse"));
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK_THROWS_WITH(add_user(file, "ana", Role::viewer, "another one"),
                    Catch::Contains("is already a user"));
  CHECK_THROWS_WITH(add_user(file, "a b", Role::viewer, "another one"),
                    Catch::Contains("NAME 'a b'"));
  CHECK_THROWS_WITH(add_user(file, "bo", Role::viewer, "short"), Catch::Contains("5 bytes"));
  CHECK(read_users(file).size() == 2);
}

TEST_CASE("read_users names the file, line and field of a bad line", "[web]") {
  gge::test::Scratch s;
  const std::pair<std::string, std::string> cases[] = {
      {"ana planner\n", ":1: line 'ana planner': expected NAME ROLE HASH"},
      {"# c\nana boss $argon2id$x\n", ":2: role 'boss': expected planner or viewer"},
      {"ana planner plain\n", ":1: hash 'plain': expected an Argon2id hash"},
      {"ana planner $argon2id$x\nana viewer $argon2id$y\n", ":2: name 'ana': appears twice"},
      {"a/b planner $argon2id$x\n", ":1: name 'a/b'"}};
  for (const auto& [text, message] : cases) {
    INFO(text);
    const auto file = s.write("users", text);
    CHECK_THROWS_WITH(read_users(file), Catch::Contains(message));
  }
  CHECK_THROWS_AS(read_users(s.dir() / "absent"), gge::InputError);
}

TEST_CASE("parse_role", "[web]") {
  CHECK(parse_role("planner", "--role") == Role::planner);
  CHECK(parse_role("viewer", "--role") == Role::viewer);
  CHECK_THROWS_WITH(parse_role("admin", "--role"), "--role 'admin': expected planner or viewer");
}
