#include "web/server_fixture.hpp"

#include "gge/web/users.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

namespace gge::test {

std::string db_bytes(const std::string& db) {
  return bytes_of(db) + "\n--wal--\n" + bytes_of(db + "-wal");
}

ServerFixture::ServerFixture(web::ServeOptions options) {
  load_with_holidays(m_scratch, example_scenario());
  options.db = m_scratch.db();
  options.listen = web::ListenAddress{"127.0.0.1", 0};
  m_app = std::make_unique<web::App>(options);
  m_port = m_app->bind();
  m_thread = std::thread([this] { m_app->run(); });
}

ServerFixture::~ServerFixture() { stop(); }

void ServerFixture::stop() {
  if (!m_thread.joinable()) return;
  m_app->stop();
  m_thread.join();
}

std::unique_ptr<httplib::Client> ServerFixture::client() const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", m_port);
  c->set_read_timeout(30, 0);
  return c;
}

std::string session_cookie(const httplib::Result& r) {
  if (!r) return {};
  const std::string set = r->get_header_value("Set-Cookie");
  const auto end = set.find(';');
  return set.rfind("gge_session=", 0) == 0 ? set.substr(0, end) : std::string{};
}

std::pair<std::string, std::string> ServerFixture::local_session() const {
  auto c = client();
  const auto r = c->Get("/api/session");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  const auto cookie = session_cookie(r);
  REQUIRE(!cookie.empty());
  return {cookie, nlohmann::json::parse(r->body).at("csrf").get<std::string>()};
}

std::filesystem::path test_users_file() {
  static const auto k_path = [] {
    const auto p =
        std::filesystem::temp_directory_path() / ("gge-users-test-" + std::to_string(::getpid()));
    std::filesystem::remove(p);
    web::add_user(p, "ana", web::Role::planner, "correct horse");
    web::add_user(p, "vic", web::Role::viewer, "battery staple");
    return p;
  }();
  return k_path;
}

web::ServeOptions with_test_users(bool public_feeds) {
  web::ServeOptions o;
  o.users_file = test_users_file();
  o.public_feeds = public_feeds;
  return o;
}

std::pair<std::string, std::string> login_form(httplib::Client& c) {
  const auto r = c.Get("/login");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  const std::string set = r->get_header_value("Set-Cookie");
  REQUIRE(set.rfind("gge_login=", 0) == 0);
  CHECK(set.find("Path=/login; HttpOnly; SameSite=Strict") != std::string::npos);
  const std::string field = "name=\"csrf\" value=\"";
  const auto at = r->body.find(field);
  REQUIRE(at != std::string::npos);
  const std::string token = r->body.substr(at + field.size(), 64);
  CHECK(set.substr(0, set.find(';')) == "gge_login=" + token);
  return {set.substr(0, set.find(';')), token};
}

httplib::Result post_login(httplib::Client& c, const std::string& name,
                           const std::string& password) {
  const auto [cookie, csrf] = login_form(c);
  return c.Post("/login", {{"Cookie", cookie}},
                httplib::Params{{"name", name}, {"password", password}, {"csrf", csrf}});
}

std::pair<std::string, std::string> log_in(httplib::Client& c, const std::string& name,
                                           const std::string& password) {
  const auto r = post_login(c, name, password);
  REQUIRE(r);
  REQUIRE(r->status == 303);
  const auto cookie = session_cookie(r);
  REQUIRE(!cookie.empty());
  const auto me = c.Get("/api/session", {{"Cookie", cookie}});
  REQUIRE(me->status == 200);
  const auto j = nlohmann::json::parse(me->body);
  CHECK(j.at("user") == name);
  return {cookie, j.at("csrf").get<std::string>()};
}

}  // namespace gge::test
