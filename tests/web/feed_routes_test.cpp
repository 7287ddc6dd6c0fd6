// Secret feed links (src/web/feed_routes.cpp): a feed's token URL serves it without a login, a
// planner rotates the token and the old link stops working; every refusal leaves the database
// byte-identical.
#include "gge/store/store.hpp"
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using gge::test::db_bytes;
using gge::test::log_in;
using gge::test::ServerFixture;
using nlohmann::json;

namespace {

httplib::Headers as(const std::pair<std::string, std::string>& session) {
  return {{"Cookie", session.first}, {"X-CSRF-Token", session.second}};
}

/// The path of a URL of the app ("http://127.0.0.1:PORT/feeds/..." -> "/feeds/...").
std::string path_of(const std::string& url) {
  return url.substr(url.find('/', url.find("://") + 3));
}

}  // namespace

TEST_CASE("serve --users: a feed's secret link works without a login, until rotated", "[web]") {
  ServerFixture app(gge::test::with_test_users());
  auto c = app.client();
  const auto ana = log_in(*c, "ana", "correct horse");
  CHECK(c->Get("/feeds/body-GGE-ICT-2004.ics")->status == 401);
  const auto listed = json::parse(c->Get("/api/feeds", {{"Cookie", ana.first}})->body);
  REQUIRE(listed.size() > 3);
  for (const auto& f : listed) CHECK(f.at("secret_url").is_null());

  const auto made =
      c->Post("/api/feeds/body-GGE-ICT-2004.ics/rotate", as(ana), "{}", "application/json");
  REQUIRE(made);
  REQUIRE(made->status == 200);
  const std::string url = json::parse(made->body).at("secret_url");
  const std::string path = path_of(url);
  INFO(path);
  REQUIRE(path.size() == std::string{"/feeds/"}.size() + 64 + 1 + 21);
  const std::string token = path.substr(7, 64);

  // No cookie: the token is the key. The bytes are the CLI's, with working validators.
  const auto feed = c->Get(path);
  REQUIRE(feed);
  CHECK(feed->status == 200);
  CHECK(feed->body == app.scratch().gge("export ics --body GGE-ICT-2004").out);
  CHECK(gge::test::session_cookie(feed).empty());
  CHECK(c->Get(path, {{"If-None-Match", feed->get_header_value("ETag")}})->status == 304);
  CHECK(c->Head(path)->status == 200);
  // The token is in the database (links survive a restart), and the listing shows it.
  CHECK(gge::Store::open(app.db()).feed_token("body-GGE-ICT-2004.ics") == token);
  const auto again = json::parse(c->Get("/api/feeds", {{"Cookie", ana.first}})->body);
  const auto it = std::find_if(again.begin(), again.end(), [](const json& f) {
    return f.at("feed") == "body-GGE-ICT-2004.ics";
  });
  REQUIRE(it != again.end());
  CHECK(it->at("secret_url") == url);

  // Wrong tokens, another feed's name, traversal after a token: 404, nothing else said.
  const std::string before = db_bytes(app.db());
  std::string flipped = token;
  flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
  for (const std::string& bad :
       {"/feeds/" + flipped + "/body-GGE-ICT-2004.ics", "/feeds/" + token + "/all.ics",
        "/feeds/" + token.substr(0, 63) + "/body-GGE-ICT-2004.ics",
        "/feeds/" + token + "x/body-GGE-ICT-2004.ics",
        std::string{"/feeds/x/body-GGE-ICT-2004.ics"}, "/feeds/" + token + "/../../gge.db",
        "/feeds/" + token + "/%2e%2e%2fgge.db", "/feeds/" + token + "/..%5cgge.db"}) {
    INFO(bad);
    const auto r = c->Get(bad);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(r->body.find("BEGIN:VCALENDAR") == std::string::npos);
  }
  CHECK(db_bytes(app.db()) == before);

  // Rotated: the old link is dead, the new one works.
  const auto rotated = c->Post("/feeds/body-GGE-ICT-2004.ics/rotate", {{"Cookie", ana.first}},
                               "csrf=" + ana.second, "application/x-www-form-urlencoded");
  REQUIRE(rotated);
  CHECK(rotated->status == 303);
  CHECK(rotated->get_header_value("Location") == "/feeds");
  CHECK(c->Get(path)->status == 404);
  const auto now = gge::Store::open(app.db()).feed_token("body-GGE-ICT-2004.ics");
  REQUIRE(now);
  CHECK(*now != token);
  CHECK(c->Get("/feeds/" + *now + "/body-GGE-ICT-2004.ics")->status == 200);
  // A rotation is not a change of the plan: the feed's validators stay.
  CHECK(c->Get("/feeds/" + *now + "/body-GGE-ICT-2004.ics")->get_header_value("ETag") ==
        feed->get_header_value("ETag"));
}

TEST_CASE("serve --users: only a planner with the CSRF token rotates a feed's link", "[web]") {
  ServerFixture app(gge::test::with_test_users());
  auto c = app.client();
  const auto ana = log_in(*c, "ana", "correct horse");
  const auto vic = log_in(*c, "vic", "battery staple");
  const std::string before = db_bytes(app.db());
  const char* rotate = "/api/feeds/all.ics/rotate";
  const auto anonymous = c->Post(rotate, "{}", "application/json");
  CHECK(anonymous->status == 401);
  const auto viewer = c->Post(rotate, as(vic), "{}", "application/json");
  CHECK(viewer->status == 403);
  CHECK(json::parse(viewer->body).at("field") == "role");
  const auto no_csrf = c->Post(rotate, {{"Cookie", ana.first}}, "{}", "application/json");
  CHECK(no_csrf->status == 403);
  CHECK(json::parse(no_csrf->body).at("field") == "csrf");
  const auto form = c->Post("/feeds/all.ics/rotate", {{"Cookie", ana.first}}, "",
                            "application/x-www-form-urlencoded");
  CHECK(form->status == 403);
  const auto unknown =
      c->Post("/api/feeds/body-NOPE.ics/rotate", as(ana), "{}", "application/json");
  CHECK(unknown->status == 404);
  CHECK(json::parse(unknown->body).at("field") == "feed");
  CHECK(db_bytes(app.db()) == before);
  // The feeds page offers the planner the button, the viewer only the links.
  CHECK(c->Get("/feeds", {{"Cookie", ana.first}})->body.find("/feeds/all.ics/rotate") !=
        std::string::npos);
  CHECK(c->Get("/feeds", {{"Cookie", vic.first}})->body.find("/rotate") == std::string::npos);
}
