// The router: which paths the app could serve at all, and matching by segments.
#include "web/routes.hpp"
#include "gge/core/error.hpp"
#include "gge/web/serve.hpp"

#include <catch2/catch.hpp>

using namespace gge::web;
using namespace gge::web::detail;

TEST_CASE("is_app_path refuses traversal, odd bytes and long paths", "[web]") {
  for (const char* good :
       {"/", "/feeds/all.ics", "/api/sessions/GGE-ICT-2004/2", "/feeds/expert-a_2Eb.ics"})
    CHECK(is_app_path(good));
  for (const char* bad : {"", "feeds", "/..", "/feeds/../gge.db", "/feeds/./all.ics", "//", "/a//b",
                          "/a/", "/a\\b", "/a%2e", "/a b", "/a\nb", "/\xc3\xa9"})
    CHECK_FALSE(is_app_path(bad));
  CHECK(is_app_path("/" + std::string(511, 'a')));
  CHECK_FALSE(is_app_path("/" + std::string(512, 'a')));
}

TEST_CASE("match_route matches segment by segment", "[web]") {
  std::vector<Route> routes{{"GET", "/api/sessions/*/*", Access::read, {}},
                            {"POST", "/api/sessions/*/*/move", Access::write, {}}};
  std::vector<std::string> params;
  bool other = false;
  const Route* r = match_route(routes, "GET", "/api/sessions/B/2", params, other);
  REQUIRE(r == &routes[0]);
  CHECK(params == std::vector<std::string>{"B", "2"});
  CHECK(match_route(routes, "HEAD", "/api/sessions/B/2", params, other) == &routes[0]);
  CHECK(match_route(routes, "POST", "/api/sessions/B/2", params, other) == nullptr);
  CHECK(other);
  CHECK(match_route(routes, "GET", "/api/sessions/B", params, other) == nullptr);
  CHECK_FALSE(other);
  CHECK(match_route(routes, "POST", "/api/sessions/B/2/move", params, other) == &routes[1]);
  const std::vector<Route> rest{{"GET", "/api/deadlines/**", Access::read, {}}};
  REQUIRE(match_route(rest, "GET", "/api/deadlines/58/32-GGE", params, other) == &rest[0]);
  CHECK(params == std::vector<std::string>{"58/32-GGE"});
  CHECK(match_route(rest, "GET", "/api/deadlines", params, other) == nullptr);
}

TEST_CASE("parse_listen_address and loopback", "[web]") {
  const auto a = parse_listen_address("127.0.0.1:8080", "--listen");
  CHECK(a.host == "127.0.0.1");
  CHECK(a.port == 8080);
  CHECK(a.loopback());
  CHECK(parse_listen_address("[::1]:80", "--listen").loopback());
  CHECK(parse_listen_address("localhost:0", "--listen").loopback());
  CHECK(parse_listen_address("127.1.2.3:1", "--listen").loopback());
  CHECK_FALSE(parse_listen_address("0.0.0.0:8080", "--listen").loopback());
  CHECK_FALSE(parse_listen_address("[::]:8080", "--listen").loopback());
  CHECK_FALSE(parse_listen_address("192.168.1.2:8080", "--listen").loopback());
  for (const char* bad : {"8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1",
                          "example.org:80", "[::1:80", "[zz]:80", "1.2.3.4:8x"})
    CHECK_THROWS_AS(parse_listen_address(bad, "--listen"), gge::InputError);
  CHECK_THROWS_WITH(parse_listen_address("8080", "--listen"),
                    Catch::StartsWith("--listen '8080': "));
}
