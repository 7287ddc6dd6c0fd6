// Logins (--users FILE): 401 without a login, 303 to the login page for pages, viewers read
// only (403), planners write and the change log names them; wrong passwords are refused.
#include "gge/web/users.hpp"
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

using gge::test::db_bytes;
using gge::test::log_in;
using gge::test::login_form;
using gge::test::post_login;
using gge::test::ServerFixture;
using nlohmann::json;

namespace {

gge::web::ServeOptions with_users(bool public_feeds = false) {
  return gge::test::with_test_users(public_feeds);
}

}  // namespace

TEST_CASE("serve --users: nothing without a login", "[web]") {
  ServerFixture app(with_users());
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
  CHECK(post_login(*c, "ana", "wrong horse")->status == 401);
  CHECK(post_login(*c, "nobody", "correct horse")->status == 401);
  CHECK(c->Get("/api/sessions", {{"Cookie", "gge_session=" + std::string(64, '0')}})->status ==
        401);
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve --users: cookies are HttpOnly and SameSite=Strict", "[web]") {
  ServerFixture app(with_users());
  auto c = app.client();
  const auto r = post_login(*c, "ana", "correct horse");
  REQUIRE(r);
  const auto set = r->get_header_value("Set-Cookie");
  CHECK(set.rfind("gge_session=", 0) == 0);
  CHECK(set.find("; Path=/; HttpOnly; SameSite=Strict") != std::string::npos);
  CHECK(set.find("Secure") == std::string::npos);   // plain http on loopback
  CHECK(set.find("Max-Age") == std::string::npos);  // ends with the browser, or the session
}

TEST_CASE("serve --users: a login needs the login form's CSRF token", "[web]") {
  ServerFixture app(with_users());
  auto c = app.client();
  const std::string before = db_bytes(app.db());
  const auto [cookie, csrf] = login_form(*c);
  const httplib::Params good{{"name", "ana"}, {"password", "correct horse"}, {"csrf", csrf}};
  // No cookie (a cross-site post: SameSite=Strict keeps it home), no field, another value.
  const auto no_cookie = c->Post("/login", good);
  REQUIRE(no_cookie);
  CHECK(no_cookie->status == 403);
  CHECK(gge::test::session_cookie(no_cookie).empty());
  const auto no_field = c->Post("/login", {{"Cookie", cookie}},
                                httplib::Params{{"name", "ana"}, {"password", "correct horse"}});
  CHECK(no_field->status == 403);
  CHECK(gge::test::session_cookie(no_field).empty());
  const auto other = c->Post("/login", {{"Cookie", "gge_login=" + std::string(64, 'a')}}, good);
  CHECK(other->status == 403);
  // A JSON login must be JSON: a form post to /api/login (possible cross-site) is refused.
  const auto api_form =
      c->Post("/api/login", httplib::Params{{"name", "ana"}, {"password", "correct horse"}});
  CHECK(api_form->status == 403);
  CHECK(json::parse(api_form->body).at("field") == "Content-Type");
  const auto api_json =
      c->Post("/api/login", R"({"name": "ana", "password": "correct horse"})", "application/json");
  CHECK(api_json->status == 303);
  CHECK(!gge::test::session_cookie(api_json).empty());
  // The form's own post works, and clears the form's cookie.
  const auto ok = c->Post("/login", {{"Cookie", cookie}}, good);
  CHECK(ok->status == 303);
  CHECK(!gge::test::session_cookie(ok).empty());
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve --users: login sessions end when idle, and at their maximum age", "[web]") {
  auto options = with_users();
  options.session_idle_seconds = 1;
  options.session_max_seconds = 2;
  ServerFixture app(options);
  auto c = app.client();
  const auto ana = log_in(*c, "ana", "correct horse");
  CHECK(c->Get("/api/sessions", {{"Cookie", ana.first}})->status == 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1300));
  CHECK(c->Get("/api/sessions", {{"Cookie", ana.first}})->status == 401);
  // Kept busy (a request every 0.3 s, never idle for 1 s), it still ends 2 s after its login.
  const auto bo = log_in(*c, "ana", "correct horse");
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i <= 8; ++i) {
    std::this_thread::sleep_until(t0 + std::chrono::milliseconds(300 * i));
    const int status = c->Get("/api/session", {{"Cookie", bo.first}})->status;
    INFO(i);
    if (i <= 5) CHECK(status == 200);
    if (i == 8) CHECK(status == 401);
  }
}

TEST_CASE("serve --users: a viewer reads but cannot write", "[web]") {
  ServerFixture app(with_users());
  auto c = app.client();
  const auto vic = log_in(*c, "vic", "battery staple");
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
  ServerFixture app(with_users());
  auto c = app.client();
  const auto ana = log_in(*c, "ana", "correct horse");
  const auto r = c->Post("/api/sessions/GGE-ICT-2004/2/status",
                         {{"Cookie", ana.first}, {"X-CSRF-Token", ana.second}},
                         R"({"status": "confirmed", "revision": 0})", "application/json");
  REQUIRE(r);
  CHECK(r->status == 200);
  const auto log = json::parse(app.scratch().gge("--json log --table session").out);
  CHECK(log.back().at("user") == "ana");
  // Logging out needs the CSRF token too; then the cookie is worth nothing.
  CHECK(c->Post("/logout", {{"Cookie", ana.first}}, "", "application/x-www-form-urlencoded")
            ->status == 403);
  CHECK(c->Get("/api/sessions", {{"Cookie", ana.first}})->status == 200);
  const auto out = c->Post("/logout", {{"Cookie", ana.first}}, "csrf=" + ana.second,
                           "application/x-www-form-urlencoded");
  CHECK(out->status == 303);
  CHECK(out->get_header_value("Set-Cookie").find("gge_session=; Path=/;") == 0);
  CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
  CHECK(c->Get("/api/sessions", {{"Cookie", ana.first}})->status == 401);
}

TEST_CASE("serve --users --public-feeds: feeds without a login, nothing else", "[web]") {
  ServerFixture app(with_users(true));
  auto c = app.client();
  CHECK(c->Get("/feeds/all.ics")->status == 200);
  CHECK(c->Get("/api/sessions")->status == 401);
}
