#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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

ServerFixture::~ServerFixture() {
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

}  // namespace gge::test
