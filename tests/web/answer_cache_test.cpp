// The answer cache (src/web/answer_cache.hpp): one render per answer and database version, a
// version read again after the app writes (and never kept when a write ended while it was read),
// bounded size; and over HTTP, that a cached API read shows the app's own write at once and a
// write of another process (the CLI) within the recheck time.
#include "web/answer_cache.hpp"
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>
#include <vector>

using gge::test::ServerFixture;
using gge::web::detail::AnswerCache;
using gge::web::detail::DatabaseVersion;
using gge::web::detail::k_recheck;

namespace {

AnswerCache::Answer answer(const DatabaseVersion& v, std::string body, int status = 200) {
  return {v, status, {}, std::move(body), "\"tag\"", {}, ""};
}

}  // namespace

TEST_CASE("answer cache: one render per key and version, none kept but 200s", "[web]") {
  AnswerCache cache;
  const DatabaseVersion v1{1, "2005-01-01T00:00:00Z"}, v2{2, "2005-01-02T00:00:00Z"};
  int renders = 0;
  const auto render = [&](const DatabaseVersion& v) {
    return [&, v] {
      ++renders;
      return answer(v, "body " + std::to_string(v.id));
    };
  };
  CHECK(cache.get("/a", v1, render(v1))->body == "body 1");
  CHECK(cache.get("/a", v1, render(v1))->body == "body 1");
  CHECK(renders == 1);
  CHECK(cache.get("/a", v2, render(v2))->body == "body 2");  // the database changed
  CHECK(renders == 2);
  CHECK(cache.get("/b", v2, render(v2))->body == "body 2");  // another target
  CHECK(renders == 3);

  int errors = 0;
  const auto not_found = [&] {
    ++errors;
    return answer(v2, "no such thing", 404);
  };
  CHECK(cache.get("/c", v2, not_found)->status == 404);
  CHECK(cache.get("/c", v2, not_found)->status == 404);
  CHECK(errors == 2);  // never kept
}

TEST_CASE("answer cache: past its bound every answer is dropped", "[web]") {
  AnswerCache cache;
  const DatabaseVersion v{1, "2005-01-01T00:00:00Z"};
  int renders = 0;
  const auto render = [&] {
    ++renders;
    return answer(v, "x");
  };
  for (std::size_t i = 0; i < AnswerCache::k_max_answers; ++i)
    (void)cache.get("/k" + std::to_string(i), v, render);
  (void)cache.get("/k0", v, render);
  CHECK(renders == static_cast<int>(AnswerCache::k_max_answers));  // all still kept
  (void)cache.get("/one-more", v, render);                         // over the bound: dropped
  (void)cache.get("/k0", v, render);
  CHECK(renders == static_cast<int>(AnswerCache::k_max_answers) + 2);
}

TEST_CASE("answer cache: concurrent askers of a missing answer wait for one render", "[web]") {
  AnswerCache cache;
  const DatabaseVersion v{7, "2005-01-01T00:00:00Z"};
  std::atomic<int> renders{0};
  std::vector<std::thread> askers;
  std::atomic<int> right{0};
  for (int i = 0; i < 8; ++i)
    askers.emplace_back([&] {
      const auto a = cache.get("/slow", v, [&] {
        ++renders;
        std::this_thread::sleep_for(std::chrono::milliseconds{100});
        return answer(v, "slow");
      });
      if (a->body == "slow") ++right;
    });
  for (auto& t : askers) t.join();
  CHECK(renders == 1);
  CHECK(right == 8);
}

TEST_CASE("answer cache: while a new version renders, others get the one before, a writer waits",
          "[web]") {
  using Clock = std::chrono::steady_clock;
  AnswerCache cache;
  const DatabaseVersion v1{1, "2005-01-01T00:00:00Z", Clock::now()};
  (void)cache.get("/list", v1, [&] { return answer(v1, "one"); });
  const auto wrote = Clock::now();  // a planner's write ends: version 2
  const DatabaseVersion v2{2, "2005-01-02T00:00:00Z", Clock::now()};
  std::atomic<bool> rendering{false};
  std::thread renderer([&] {
    (void)cache.get("/list", v2, [&] {
      rendering = true;
      std::this_thread::sleep_for(std::chrono::milliseconds{60});
      return answer(v2, "two");
    });
  });
  while (!rendering) std::this_thread::yield();
  const auto never = [&]() -> AnswerCache::Answer {
    FAIL("rendered twice");
    return {};
  };
  CHECK(cache.get("/list", v2, never)->body == "one");         // another reader: the version before
  CHECK(cache.get("/list", v2, never, wrote)->body == "two");  // the writer: waits for its write
  renderer.join();
  CHECK(cache.get("/list", v2, never)->body == "two");

  // The version before is given only while it is recent.
  const DatabaseVersion v3{3, "2005-01-03T00:00:00Z", Clock::now()};
  std::this_thread::sleep_for(gge::web::detail::k_stale);
  rendering = false;
  std::thread late([&] {
    (void)cache.get("/list", v3, [&] {
      rendering = true;
      std::this_thread::sleep_for(std::chrono::milliseconds{60});
      return answer(v3, "three");
    });
  });
  while (!rendering) std::this_thread::yield();
  CHECK(cache.get("/list", v3, never)->body == "three");
  late.join();
}

TEST_CASE("answer cache: the version is read again after a write, and at most every recheck",
          "[web]") {
  AnswerCache cache;
  int reads = 0;
  long long newest = 1;
  const auto read = [&] {
    ++reads;
    return DatabaseVersion{newest, "2005-01-01T00:00:00Z"};
  };
  CHECK(cache.version(read).id == 1);
  CHECK(cache.version(read).id == 1);
  CHECK(reads == 1);  // trusted for k_recheck

  newest = 2;  // another process wrote: seen once the recheck time has passed
  std::this_thread::sleep_for(k_recheck + std::chrono::milliseconds{20});
  CHECK(cache.version(read).id == 2);
  CHECK(reads == 2);

  newest = 3;  // the app wrote: seen at once
  cache.invalidate();
  CHECK(cache.version(read).id == 3);
  CHECK(reads == 3);

  // A write of the app that ends while the version is being read: that read is answered but not
  // trusted, since it may predate the write.
  cache.invalidate();
  const auto racing = [&] {
    ++reads;
    const DatabaseVersion before{newest, "2005-01-01T00:00:00Z"};
    newest = 4;
    cache.invalidate();
    return before;
  };
  CHECK(cache.version(racing).id == 3);
  CHECK(cache.version(read).id == 4);
  CHECK(reads == 5);
}

TEST_CASE("serve: cached API reads show the app's writes at once, the CLI's within the recheck",
          "[web]") {
  ServerFixture app;
  auto c = app.client();
  const auto first_of = [&](const httplib::Result& r) {
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return nlohmann::json::parse(r->body).at("session").at("first").get<std::string>();
  };
  const char* path = "/api/sessions/GGE-ICT-2004/2";
  const auto before = c->Get(path);
  const std::string etag = before->get_header_value("ETag");
  REQUIRE(etag.size() == 34);
  CHECK(c->Get(path, {{"If-None-Match", etag}})->status == 304);
  CHECK(c->Get(path)->get_header_value("Set-Cookie").empty());

  const auto [cookie, csrf] = app.local_session();
  const auto moved =
      c->Post("/api/sessions/GGE-ICT-2004/2/move", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
              R"({"first": "2005-04-18", "revision": 0})", "application/json");
  REQUIRE(moved);
  REQUIRE(moved->status == 200);
  CHECK(first_of(c->Get(path)) == "2005-04-18");  // the very next read
  CHECK(c->Get(path, {{"If-None-Match", etag}})->status == 200);

  REQUIRE(app.scratch().gge("session move GGE-ICT-2004#2 --first 2005-05-02").code == 0);
  std::this_thread::sleep_for(k_recheck + std::chrono::milliseconds{50});
  CHECK(first_of(c->Get(path)) == "2005-05-02");
}

TEST_CASE("answer cache: after a write, others keep the last version while it is read again",
          "[web]") {
  using Clock = std::chrono::steady_clock;
  AnswerCache cache;
  const auto one = [] { return DatabaseVersion{1, "2005-01-01T00:00:00Z"}; };
  CHECK(cache.version(one).id == 1);
  cache.invalidate();  // a planner's write ends
  const auto wrote = Clock::now();
  std::atomic<bool> reading{false};
  std::thread reader([&] {
    (void)cache.version([&] {
      reading = true;
      std::this_thread::sleep_for(std::chrono::milliseconds{60});
      return DatabaseVersion{2, "2005-01-02T00:00:00Z"};
    });
  });
  while (!reading) std::this_thread::yield();
  const auto never = []() -> DatabaseVersion {
    FAIL("read twice");
    return {};
  };
  CHECK(cache.version(never).id == 1);  // another planner: the last version, at once
  const auto writer = cache.version(
      [] {
        return DatabaseVersion{2, "2005-01-02T00:00:00Z"};
      },
      wrote);
  CHECK(writer.id == 2);  // the writer: waits for it
  reader.join();
}
