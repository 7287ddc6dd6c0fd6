// The plan page over HTTP: proposals for the form's options, a bad option is 400 naming its form
// field, and applying a rank whose plan changed since the page was made is 409; none writes.
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>

using gge::test::db_bytes;
using gge::test::ServerFixture;

TEST_CASE("plan page: proposals, 400 per bad field, 409 for a stale rank, nothing written",
          "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto s = app.local_session();
  const httplib::Headers cookie{{"Cookie", s.first}};
  const auto page = c->Get(
      "/plan?mandate=58/"
      "32-GGE&venues=NY,GVA,NY&min_gap=8w&avoid=aug&from=2005-01-01&timing=earliest&top=2",
      cookie);
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("data-rank=\"2\" data-score=\"542\"") != std::string::npos);  // README
  CHECK(page->body.find("<svg class=\"plan-timeline\"") != std::string::npos);
  const std::string before = db_bytes(app.db());
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"mandate=58/32-GGE&min_gap=8x", "min_gap"},
           {"mandate=58/32-GGE&avoid=augx", "avoid"},
           {"mandate=58/32-GGE&top=0", "top"},
           {"mandate=58/32-GGE&from=2005-02-30", "from"},
           {"mandate=58/32-GGE&timing=soon", "timing"},
           {"mandate=58/32-GGE&min_gap=8w&max_gap=4w", "max_gap"},  // core/plan_parse, as the CLI
           {"mandate=58/32-GGE&experts=maybe", "experts"},
           {"mandate=NOPE", "mandate"}}) {
    INFO(query);
    const auto r = c->Get("/plan?" + query, cookie);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->body.find("<p class=\"error\" role=\"alert\">" + field + " &#39;") !=
          std::string::npos);
  }
  // Apply rank 1 with a plan the page did not show: the proposals changed, 409.
  const auto stale = c->Post("/plan/apply", cookie,
                             "mandate=58%2F32-GGE&rank=1&expect=something-else&csrf=" + s.second,
                             "application/x-www-form-urlencoded");
  REQUIRE(stale);
  CHECK(stale->status == 409);
  // Without the CSRF token: 403.
  CHECK(c->Post("/plan/apply", cookie, "mandate=58%2F32-GGE&rank=1",
                "application/x-www-form-urlencoded")
            ->status == 403);
  CHECK(db_bytes(app.db()) == before);
}
