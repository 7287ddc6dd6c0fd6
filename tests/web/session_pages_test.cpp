// A session's page and its actions over HTTP: the preview (page and API) writes nothing and names
// the findings a move would cause with a one-click fix; generating and clearing meetings.
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

using gge::test::db_bytes;
using gge::test::ServerFixture;
using nlohmann::json;

TEST_CASE("session pages: a preview writes nothing, fixes are forms, meetings generate and clear",
          "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto s = app.local_session();
  const httplib::Headers cookie{{"Cookie", s.first}};
  const std::string before = db_bytes(app.db());
  // Session 3 (NY, 13 to 17 June 2005) three weeks later: Independence Day and past the latest end.
  const auto api = c->Get("/api/sessions/GGE-ICT-2004/3/preview?first=2005-07-04", cookie);
  REQUIRE(api);
  REQUIRE(api->status == 200);
  const auto p = json::parse(api->body);
  CHECK(p.at("after").at("last") == "2005-07-08");
  std::set<std::string> codes;
  for (const auto& f : p.at("added")) codes.insert(f.at("code").get<std::string>());
  CHECK(codes == std::set<std::string>{"after-latest-end", "holiday"});
  CHECK(p.at("added").at(0).at("fix_move").at("session") == "GGE-ICT-2004#3");
  const auto page = c->Post("/sessions/GGE-ICT-2004/3/preview", cookie,
                            "first=2005-07-04&revision=0", "application/x-www-form-urlencoded");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("data-code=\"holiday\"") != std::string::npos);
  CHECK(page->body.find(
            "<form class=\"fix\" method=\"post\" action=\"/sessions/GGE-ICT-2004/3/move\">") !=
        std::string::npos);
  CHECK(page->body.find("Save this move") != std::string::npos);
  // A bad date is 400 naming the field; a stale revision 409.
  CHECK(c->Get("/api/sessions/GGE-ICT-2004/3/preview?first=2005-02-30", cookie)->status == 400);
  CHECK(
      c->Get("/api/sessions/GGE-ICT-2004/3/preview?first=2005-07-04&revision=7", cookie)->status ==
      409);
  CHECK(db_bytes(app.db()) == before);

  const httplib::Headers write{{"Cookie", s.first}, {"X-CSRF-Token", s.second}};
  const auto gen = c->Post("/sessions/GGE-ICT-2004/3/meetings/generate", write, "", "");
  REQUIRE(gen);
  CHECK(gen->status == 303);
  CHECK(json::parse(c->Get("/api/sessions/GGE-ICT-2004/3", cookie)->body).at("meetings").size() ==
        10);
  CHECK(c->Post("/sessions/GGE-ICT-2004/3/meetings/clear", write, "", "")->status == 303);
  CHECK(json::parse(c->Get("/api/sessions/GGE-ICT-2004/3", cookie)->body).at("meetings").empty());
}

TEST_CASE("session pages: generate and clear from a stale revision are 409, nothing written",
          "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto alice = app.local_session();
  const auto bob = app.local_session();
  const httplib::Headers cookie{{"Cookie", bob.first}};
  const auto meetings = [&] {
    return json::parse(c->Get("/api/sessions/GGE-ICT-2004/3", cookie)->body).at("meetings").size();
  };
  // The page's meetings forms carry the revision it shows.
  const auto page = c->Get("/sessions/GGE-ICT-2004/3", cookie);
  REQUIRE(page);
  CHECK(page->body.find("action=\"/sessions/GGE-ICT-2004/3/meetings/generate\"><input "
                        "type=\"hidden\" name=\"csrf\"") != std::string::npos);
  CHECK(page->body.find("<input type=\"hidden\" name=\"revision\" value=\"0\"><button>Generate "
                        "meetings</button>") != std::string::npos);
  CHECK(page->body.find("<input type=\"hidden\" name=\"revision\" value=\"0\"><button>Clear "
                        "meetings</button>") != std::string::npos);
  // Both loaded revision 0; Alice confirms the session first.
  const auto ok = c->Post("/api/sessions/GGE-ICT-2004/3/status",
                          {{"Cookie", alice.first}, {"X-CSRF-Token", alice.second}},
                          R"({"status": "confirmed", "revision": 0})", "application/json");
  REQUIRE(ok);
  REQUIRE(ok->status == 200);
  const auto post = [&](const std::string& action, int revision) {
    const auto r = c->Post("/sessions/GGE-ICT-2004/3/meetings/" + action, cookie,
                           "revision=" + std::to_string(revision) + "&csrf=" + bob.second,
                           "application/x-www-form-urlencoded");
    REQUIRE(r);
    return *r;
  };
  // From revision 0 the session has changed: 409 with the page saying so, nothing written.
  const auto refused = [&](const std::string& action) {
    const std::string before = db_bytes(app.db());
    const auto r = post(action, 0);
    CHECK(r.status == 409);
    CHECK(r.body.find("Changed by someone else") != std::string::npos);
    CHECK(db_bytes(app.db()) == before);
  };
  refused("generate");
  CHECK(meetings() == 0);
  // From the revision now stored it runs; a stale clear then removes nothing.
  CHECK(post("generate", 1).status == 303);
  CHECK(meetings() == 10);
  refused("clear");
  CHECK(meetings() == 10);
  CHECK(post("clear", 1).status == 303);
  CHECK(meetings() == 0);
}
