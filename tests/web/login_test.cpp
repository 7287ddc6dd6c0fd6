// Logins (--users FILE): 401 without a login, 303 to the login page for pages, viewers read
// only (403), planners write and the change log names them; wrong passwords are refused.
#include "gge/web/users.hpp"
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using gge::test::db_bytes;
using gge::test::ServerFixture;
using nlohmann::json;

namespace {

gge::web::ServeOptions with_users(const std::filesystem::path& file, bool public_feeds = false) {
  gge::web::ServeOptions o;
  o.users_file = file;
  o.public_feeds = public_feeds;
  return o;
}

std::filesystem::path users_file() {
  static const auto k_path = [] {
    const auto p =
        std::filesystem::temp_directory_path() / ("gge-users-test-" + std::to_string(::getpid()));
    std::filesystem::remove(p);
    gge::web::add_user(p, "ana", gge::web::Role::planner, "correct horse");
    gge::web::add_user(p, "vic", gge::web::Role::viewer, "battery staple");
    return p;
  }();
  return k_path;
}

/// Logs in; returns the cookie and the CSRF token.
std::pair<std::string, std::string> login(httplib::Client& c, const std::string& name,
                                          const std::string& password) {
  const auto r = c.Post("/login", httplib::Params{{"name", name}, {"password", password}});
  REQUIRE(r);
  REQUIRE(r->status == 303);
  const auto cookie = gge::test::session_cookie(r);
  REQUIRE(!cookie.empty());
  const auto me = c.Get("/api/session", {{"Cookie", cookie}});
  REQUIRE(me->status == 200);
  const auto j = json::parse(me->body);
  CHECK(j.at("user") == name);
  return {cookie, j.at("csrf").get<std::string>()};
}

}  // namespace

TEST_CASE("serve --users: nothing without a login", "[web]") {
  ServerFixture app(with_users(users_file()));
  auto c = app.client();
  const std::string before = db_bytes(app.db());
  CHECK(c->Get("/api/sessions")->status == 401);
  CHECK(c->Get("/feeds/all.ics")->status == 401);
  const auto page = c->Get("/");
  CHECK(page->status == 303);
  CHECK(page->get_header_value("Location") == "/login");
  CHECK(c->Get("/login")->status == 200);
  CHECK(c->Get("/static/app.css")->status == 200);
  const auto write = c->Post("/api/sessions/GGE-ICT-2004/2/move",
                             R"({"first": "2005-04-18", "revision": 0})", "application/json");
  CHECK(write->status == 401);
  CHECK(c->Post("/login", httplib::Params{{"name", "ana"}, {"password", "wrong horse"}})->status ==
        401);
  CHECK(c->Post("/login", httplib::Params{{"name", "nobody"}, {"password", "correct horse"}})
            ->status == 401);
  CHECK(c->Get("/api/sessions", {{"Cookie", "gge_session=" + std::string(64, '0')}})->status ==
        401);
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve --users: cookies are HttpOnly and SameSite=Strict", "[web]") {
  ServerFixture app(with_users(users_file()));
  auto c = app.client();
  const auto r = c->Post("/login", httplib::Params{{"name", "ana"}, {"password", "correct horse"}});
  REQUIRE(r);
  const auto set = r->get_header_value("Set-Cookie");
  CHECK(set.find("HttpOnly") != std::string::npos);
  CHECK(set.find("SameSite=Strict") != std::string::npos);
}

TEST_CASE("serve --users: a viewer reads but cannot write", "[web]") {
  ServerFixture app(with_users(users_file()));
  auto c = app.client();
  const auto vic = login(*c, "vic", "battery staple");
  CHECK(c->Get("/api/sessions", {{"Cookie", vic.first}})->status == 200);
  CHECK(c->Get("/", {{"Cookie", vic.first}})->status == 200);
  const std::string before = db_bytes(app.db());
  const auto r = c->Post("/api/sessions/GGE-ICT-2004/2/move",
                         {{"Cookie", vic.first}, {"X-CSRF-Token", vic.second}},
                         R"({"first": "2005-04-18", "revision": 0})", "application/json");
  REQUIRE(r);
  CHECK(r->status == 403);
  CHECK(json::parse(r->body).at("field") == "role");
  // The session page offers a viewer no forms.
  CHECK(c->Get("/sessions/GGE-ICT-2004/2", {{"Cookie", vic.first}})
            ->body.find("<form method=\"post\" action=\"/sessions") == std::string::npos);
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve --users: a planner's write is logged with the planner's name", "[web]") {
  ServerFixture app(with_users(users_file()));
  auto c = app.client();
  const auto ana = login(*c, "ana", "correct horse");
  const auto r = c->Post("/api/sessions/GGE-ICT-2004/2/status",
                         {{"Cookie", ana.first}, {"X-CSRF-Token", ana.second}},
                         R"({"status": "confirmed", "revision": 0})", "application/json");
  REQUIRE(r);
  CHECK(r->status == 200);
  const auto log = json::parse(app.scratch().gge("--json log --table session").out);
  CHECK(log.back().at("user") == "ana");
  // Logged out, the cookie is worth nothing.
  CHECK(c->Post("/logout", {{"Cookie", ana.first}}, "csrf=" + ana.second,
                "application/x-www-form-urlencoded")
            ->status == 303);
  CHECK(c->Get("/api/sessions", {{"Cookie", ana.first}})->status == 401);
}

TEST_CASE("serve --users --public-feeds: feeds without a login, nothing else", "[web]") {
  ServerFixture app(with_users(users_file(), true));
  auto c = app.client();
  CHECK(c->Get("/feeds/all.ics")->status == 200);
  CHECK(c->Get("/api/sessions")->status == 401);
}
