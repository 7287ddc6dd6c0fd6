// HTTP tests of the web app (src/web/app.cpp and the routes), on the example database: every
// refusal has its status and names its field, and leaves the database byte-identical; feeds are
// the bytes of `gge export ics` with working validators; the API mirrors the CLI's --json.
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>
#include <vector>

using gge::test::db_bytes;
using gge::test::ServerFixture;
using nlohmann::json;

namespace {

httplib::Headers with(const std::pair<std::string, std::string>& session) {
  return {{"Cookie", session.first}, {"X-CSRF-Token", session.second}};
}

json error_of(const httplib::Result& r) {
  REQUIRE(r);
  INFO(r->body);
  return json::parse(r->body);
}

}  // namespace

TEST_CASE("serve: every answer carries the security headers", "[web]") {
  ServerFixture app;
  auto c = app.client();
  for (const char* path : {"/", "/feeds/all.ics", "/no/such/page", "/api/sessions"}) {
    INFO(path);
    const auto r = c->Get(path);
    REQUIRE(r);
    const auto csp = r->get_header_value("Content-Security-Policy");
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("unsafe-inline'; img") != std::string::npos);  // inline style only, never script
    CHECK(csp.find("script-src 'self' 'unsafe-inline'") == std::string::npos);
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  }
}

TEST_CASE("serve: paths outside the app's routes are 404, traversal in any encoding", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const std::string before = db_bytes(app.db());
  for (const char* path :
       {"/feeds/../gge.db", "/feeds/%2e%2e/gge.db", "/feeds/..%2fgge.db", "/feeds/%2E%2E%2Fgge.db",
        "/feeds/..%5cgge.db", "/%2e%2e/%2e%2e/etc/passwd", "/feeds//all.ics", "/gge.db",
        "/feeds/%252e%252e/gge.db", "/static/../../gge.db", "/feeds/.%2e/gge.db", "/feeds/all.ics/",
        "/feeds/all.ics%00.html", "/api/sessions/GGE-ICT-2004/2/../../../../gge.db"}) {
    INFO(path);
    const auto r = c->Get(path);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(r->body.find("SQLite format") == std::string::npos);
  }
  CHECK(c->Get("/feeds/body-NOPE.ics")->status == 404);
  CHECK(error_of(c->Get("/feeds/body-NOPE.ics")).at("field") == "feed");
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve: a feed is the bytes of gge export ics for the same scope", "[web]") {
  ServerFixture app;
  auto c = app.client();
  // The suite sets SOURCE_DATE_EPOCH, which both use as DTSTAMP.
  const std::pair<const char*, std::string> cases[] = {
      {"/feeds/all.ics", ""},
      {"/feeds/body-GGE-ICT-2004.ics", "--body GGE-ICT-2004"},
      {"/feeds/station-GVA.ics", "--station GVA"},
      {"/feeds/expert-br-1.ics", "--expert br-1"}};
  for (const auto& [path, flags] : cases) {
    INFO(path);
    const auto r = c->Get(path);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "text/calendar; charset=utf-8");
    const auto cli = app.scratch().gge("export ics " + flags);
    REQUIRE(cli.code == 0);
    CHECK(r->body == cli.out);
    CHECK(r->body.find("BEGIN:VEVENT") != std::string::npos);
  }
}

TEST_CASE("serve: feeds answer 304 to If-None-Match and If-Modified-Since, HEAD too", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto first = c->Get("/feeds/body-GGE-ICT-2004.ics");
  REQUIRE(first);
  const std::string etag = first->get_header_value("ETag");
  const std::string modified = first->get_header_value("Last-Modified");
  REQUIRE(etag.size() == 34);
  REQUIRE(modified.find(" GMT") != std::string::npos);

  const auto same = c->Get("/feeds/body-GGE-ICT-2004.ics", {{"If-None-Match", etag}});
  CHECK(same->status == 304);
  CHECK(same->body.empty());
  CHECK(same->get_header_value("ETag") == etag);
  CHECK(c->Get("/feeds/body-GGE-ICT-2004.ics", {{"If-None-Match", "\"other\", " + etag}})->status ==
        304);
  CHECK(c->Get("/feeds/body-GGE-ICT-2004.ics", {{"If-None-Match", "\"other\""}})->status == 200);
  CHECK(c->Get("/feeds/body-GGE-ICT-2004.ics", {{"If-Modified-Since", modified}})->status == 304);
  CHECK(c->Get("/feeds/body-GGE-ICT-2004.ics",
               {{"If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"}})
            ->status == 200);
  // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
  CHECK(c->Get("/feeds/body-GGE-ICT-2004.ics",
               {{"If-None-Match", "\"other\""}, {"If-Modified-Since", modified}})
            ->status == 200);

  const auto head = c->Head("/feeds/body-GGE-ICT-2004.ics");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  CHECK(head->get_header_value("ETag") == etag);
  CHECK(c->Head("/feeds/body-GGE-ICT-2004.ics", {{"If-None-Match", etag}})->status == 304);

  // A move changes the feed: the old tag no longer matches, and the new bytes are the CLI's.
  const auto session = app.local_session();
  const auto moved = c->Post("/api/sessions/GGE-ICT-2004/2/move", with(session),
                             R"({"first": "2005-04-18", "revision": 0})", "application/json");
  REQUIRE(moved);
  REQUIRE(moved->status == 200);
  const auto after = c->Get("/feeds/body-GGE-ICT-2004.ics", {{"If-None-Match", etag}});
  CHECK(after->status == 200);
  CHECK(after->get_header_value("ETag") != etag);
  CHECK(after->body == app.scratch().gge("export ics --body GGE-ICT-2004").out);
}

TEST_CASE("serve: API reads mirror the CLI's --json", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const std::pair<const char*, const char*> cases[] = {
      {"/api/sessions", "session list"},
      {"/api/sessions?body=GGE-ICT-2004&status=planned",
       "session list --body GGE-ICT-2004 --status planned"},
      {"/api/sessions/GGE-ICT-2004/2", "session show GGE-ICT-2004#2"},
      {"/api/check", "check"},
      {"/api/mandates", "mandate list"},
      {"/api/log?limit=5", "log -n 5"}};
  for (const auto& [path, args] : cases) {
    INFO(path);
    const auto r = c->Get(path);
    REQUIRE(r);
    CHECK(r->status == 200);
    const auto cli = app.scratch().gge(std::string{"--json "} + args);
    CHECK(json::parse(r->body) == json::parse(cli.out));
    CHECK(r->body == cli.out);  // the same bytes: one text for both (report/json.hpp)
  }
  const auto mandates = json::parse(c->Get("/api/mandates")->body);
  REQUIRE(!mandates.empty());
  const std::string key = mandates.front().at("key");
  CHECK(json::parse(c->Get(("/api/deadlines/" + key).c_str())->body) ==
        json::parse(app.scratch().gge("--json deadlines " + gge::test::quote(key)).out));
}

TEST_CASE("serve: bad values are 400 naming the form field, nothing written", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto session = app.local_session();
  const std::string before = db_bytes(app.db());
  struct Case {
    const char* path;
    const char* body;
    const char* field;
  };
  const Case cases[] = {
      {"/api/sessions/GGE-ICT-2004/2/move", R"({"first": "2005-02-30", "revision": 0})", "first"},
      {"/api/sessions/GGE-ICT-2004/2/move",
       R"({"first": "2005-04-18", "last": "yesterday", "revision": 0})", "last"},
      {"/api/sessions/GGE-ICT-2004/2/move", R"({"first": "2005-04-18"})", "revision"},
      {"/api/sessions/GGE-ICT-2004/2/move", R"({"first": "2005-04-18", "revision": "x"})",
       "revision"},
      {"/api/sessions/GGE-ICT-2004/2/move", R"({"revision": 0})", "first"},
      {"/api/sessions/GGE-ICT-2004/2/move",
       R"({"first": "2005-04-18", "station": "XX", "revision": 0})", "station"},
      {"/api/sessions/GGE-ICT-2004/2/move", R"({"first": "2005-04-18\u001b[2J", "revision": 0})",
       "first"},
      {"/api/sessions/GGE-ICT-2004/2/status", R"({"status": "finished", "revision": 0})", "status"},
      {"/api/sessions/GGE-ICT-2004/2/status", R"({"status": [1], "revision": 0})", "status"},
      {"/api/sessions/GGE-ICT-2004/2/status", R"([1, 2])", "body"},
  };
  for (const auto& k : cases) {
    INFO(k.path << " " << k.body);
    const auto r = c->Post(k.path, with(session), k.body, "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    const auto e = error_of(r);
    CHECK(e.at("field") == k.field);
    CHECK(!e.at("problem").get<std::string>().empty());
    CHECK(e.contains("value"));
  }
  // A form post (the HTML pages) names the same fields.
  const auto form = c->Post("/sessions/GGE-ICT-2004/2/move", with(session),
                            "first=2005-13-01&revision=0", "application/x-www-form-urlencoded");
  REQUIRE(form);
  CHECK(form->status == 400);
  CHECK(form->body.find("first &#39;2005-13-01&#39;") != std::string::npos);
  // Reads too.
  CHECK(error_of(c->Get("/api/sessions?from=2005-01-01&to=2004-01-01")).at("field") == "to");
  CHECK(error_of(c->Get("/api/sessions?body=NOPE")).at("field") == "body");
  CHECK(c->Get("/api/sessions?body=NOPE")->status == 400);
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve: unknown sessions are 404, other methods 405, nothing written", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto session = app.local_session();
  const std::string before = db_bytes(app.db());
  const auto r = c->Post("/api/sessions/GGE-ICT-2004/9/move", with(session),
                         R"({"first": "2005-04-18", "revision": 0})", "application/json");
  REQUIRE(r);
  CHECK(r->status == 404);
  CHECK(error_of(r).at("field") == "session");
  CHECK(c->Get("/api/sessions/NOPE/1")->status == 404);
  CHECK(c->Get("/api/mandates/nope")->status == 404);
  CHECK(c->Delete("/api/sessions/GGE-ICT-2004/2")->status == 405);
  CHECK(c->Get("/api/sessions/GGE-ICT-2004/2/move")->status == 405);
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve: a body over the limit is 413, nothing written", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto session = app.local_session();
  const std::string before = db_bytes(app.db());
  const std::string big =
      R"({"first": "2005-04-18", "revision": 0, "pad": ")" + std::string(100 * 1024, 'x') + "\"}";
  const auto r =
      c->Post("/api/sessions/GGE-ICT-2004/2/move", with(session), big, "application/json");
  REQUIRE(r);
  CHECK(r->status == 413);
  CHECK(error_of(r).at("field") == "body");
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve: a write without the CSRF token is 403, nothing written", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto session = app.local_session();
  const std::string before = db_bytes(app.db());
  const std::string body = R"({"first": "2005-04-18", "revision": 0})";
  const auto none = c->Post("/api/sessions/GGE-ICT-2004/2/move", {{"Cookie", session.first}}, body,
                            "application/json");
  CHECK(none->status == 403);
  CHECK(error_of(none).at("field") == "csrf");
  const auto wrong = c->Post("/api/sessions/GGE-ICT-2004/2/move",
                             {{"Cookie", session.first}, {"X-CSRF-Token", std::string(64, 'a')}},
                             body, "application/json");
  CHECK(wrong->status == 403);
  // Another login session's token does not do either.
  const auto other = app.local_session();
  CHECK(c->Post("/api/sessions/GGE-ICT-2004/2/move",
                {{"Cookie", session.first}, {"X-CSRF-Token", other.second}}, body,
                "application/json")
            ->status == 403);
  const auto form = c->Post("/sessions/GGE-ICT-2004/2/status", {{"Cookie", session.first}},
                            "status=held&revision=0", "application/x-www-form-urlencoded");
  CHECK(form->status == 403);
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve: a stale revision is 409 with what changed, nothing written", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto alice = app.local_session();
  const auto bob = app.local_session();
  // Both loaded revision 0; Alice saves first.
  const auto ok = c->Post("/api/sessions/GGE-ICT-2004/2/status", with(alice),
                          R"({"status": "confirmed", "revision": 0})", "application/json");
  REQUIRE(ok->status == 200);
  CHECK(json::parse(ok->body).at("revision") == 1);
  const std::string before = db_bytes(app.db());
  const auto stale = c->Post("/api/sessions/GGE-ICT-2004/2/move", with(bob),
                             R"({"first": "2005-04-18", "revision": 0})", "application/json");
  REQUIRE(stale);
  CHECK(stale->status == 409);
  const auto e = error_of(stale);
  CHECK(e.at("field") == "revision");
  CHECK(e.at("value") == "0");
  CHECK(e.at("current").at("status") == "confirmed");
  REQUIRE(e.at("changes").size() == 1);
  CHECK(e.at("changes")[0].at("after").at("status") == "confirmed");
  CHECK(e.at("changes")[0].at("user") == "local");
  // The HTML form gets a page saying so.
  const auto page = c->Post("/sessions/GGE-ICT-2004/2/move", {{"Cookie", bob.first}},
                            "first=2005-04-18&revision=0&csrf=" + bob.second,
                            "application/x-www-form-urlencoded");
  CHECK(page->status == 409);
  CHECK(page->body.find("Changed by someone else") != std::string::npos);
  CHECK(db_bytes(app.db()) == before);
}

TEST_CASE("serve: a write is one transaction, logged with its user, and the form redirects",
          "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto s = app.local_session();
  const auto r =
      c->Post("/sessions/GGE-ICT-2004/2/move", {{"Cookie", s.first}},
              "first=2005-04-18&revision=0&csrf=" + s.second, "application/x-www-form-urlencoded");
  REQUIRE(r);
  CHECK(r->status == 303);
  CHECK(r->get_header_value("Location") == "/sessions/GGE-ICT-2004/2");
  const auto shown = json::parse(app.scratch().gge("--json session show GGE-ICT-2004#2").out);
  CHECK(shown.at("session").at("first") == "2005-04-18");
  CHECK(shown.at("session").at("revision") == 1);
  const auto log = json::parse(app.scratch().gge("--json log --table session").out);
  REQUIRE(!log.empty());
  CHECK(log.back().at("user") == "local");
  // The CLI's own writes record no user.
  REQUIRE(app.scratch().gge("session set-status GGE-ICT-2004#3 confirmed").code == 0);
  CHECK(!json::parse(app.scratch().gge("--json log --table session").out).back().contains("user"));
}

TEST_CASE("serve: without logins, only its own Host names are answered", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto r = c->Get("/api/sessions", {{"Host", "evil.example:8080"}});
  REQUIRE(r);
  CHECK(r->status == 421);
  CHECK(c->Get("/api/sessions", {{"Host", "localhost:" + std::to_string(app.port())}})->status ==
        200);
}

TEST_CASE("serve: pages render without JavaScript", "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto s = app.local_session();
  const httplib::Headers cookie{{"Cookie", s.first}};
  for (const char* path : {"/", "/sessions/GGE-ICT-2004/2", "/check", "/history", "/timeline",
                           "/holidays", "/feeds", "/holidays?station=NY&year=2005"}) {
    INFO(path);
    const auto r = c->Get(path, cookie);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
    // No inline script anywhere; the timeline loads its one script file (drag and preview),
    // which the page does not need to show the plan.
    std::string body = r->body;
    const std::string script = "<script src=\"/static/timeline.js\" defer></script>";
    if (std::string{path} == "/timeline") {
      const auto at = body.find(script);
      CHECK(at != std::string::npos);
      if (at != std::string::npos) body.erase(at, script.size());
    }
    CHECK(body.find("<script") == std::string::npos);
  }
  const auto session = c->Get("/sessions/GGE-ICT-2004/2", cookie)->body;
  CHECK(session.find("name=\"csrf\" value=\"" + s.second + "\"") != std::string::npos);
  CHECK(session.find("name=\"revision\" value=\"0\"") != std::string::npos);
  const auto overview = c->Get("/", cookie)->body;
  CHECK(overview.find("GA 60") != std::string::npos);  // a deadline explanation
  CHECK(c->Get("/holidays?year=abc", cookie)->status == 400);
}

TEST_CASE("serve: a stop answers the writes in flight and cuts the rest, none half done", "[web]") {
  ServerFixture app;
  const auto s = app.local_session();
  // One planner per planned session, each toggling its status.
  const auto sessions = json::parse(app.client()->Get("/api/sessions?status=planned")->body);
  const std::size_t n = sessions.size();
  REQUIRE(n >= 2);
  std::atomic<bool> going{true};
  std::atomic<int> refused{0};  // Catch's macros are not for other threads: count, check after
  std::vector<long long> saved(n, 0), start(n, 0);
  std::vector<std::thread> planners;
  for (std::size_t p = 0; p < n; ++p) {
    start[p] = sessions[p].at("revision");
    planners.emplace_back([&, p] {
      auto c = app.client();
      const auto& session = sessions[p];
      const std::string path = "/api/sessions/" + session.at("body").get<std::string>() + "/" +
                               std::to_string(session.at("number").get<int>()) + "/status";
      long long revision = start[p];
      // Toggle its status, each write from the revision the last one answered; at most 30 s.
      for (int i = 0; going && i < 3000; ++i) {
        const json body = {{"status", i % 2 ? "planned" : "confirmed"}, {"revision", revision}};
        const auto r = c->Post(path.c_str(), with(s), body.dump(), "application/json");
        if (!r) break;  // the server has stopped
        if (r->status != 200) {
          ++refused;
          break;
        }
        revision = json::parse(r->body).at("revision");
        ++saved[p];
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  app.stop();
  going = false;
  for (auto& t : planners) t.join();
  CHECK(refused == 0);
  // Every answered write is stored, and nothing more: a write cut by the stop left no trace.
  for (std::size_t p = 0; p < n; ++p) {
    INFO(sessions[p].dump());
    CHECK(saved[p] > 0);
    const auto shown =
        json::parse(app.scratch()
                        .gge("--json session show " + sessions[p].at("body").get<std::string>() +
                             "#" + std::to_string(sessions[p].at("number").get<int>()))
                        .out);
    CHECK(shown.at("session").at("revision") == start[p] + saved[p]);
  }
  CHECK(app.scratch()
            .shell("sqlite3 " + gge::test::quote(app.db()) + " 'PRAGMA integrity_check'")
            .out == "ok\n");
}
