// TLS by the app itself (`gge serve --cert --key`, src/web/tls.cpp): https answers with the
// same bytes, cookies are Secure, plain http to the TLS port gets nothing; bad files are refused
// naming their flag. The certificate is made for the test by the openssl command.
#include "gge/core/error.hpp"
#include "web/server_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

using gge::test::ServerFixture;

namespace {

/// A self-signed certificate for 127.0.0.1 and its key, made once per test process.
struct TestCertificate {
  std::filesystem::path cert, key;
};

const TestCertificate& test_certificate() {
  static const TestCertificate k_made = [] {
    const auto dir =
        std::filesystem::temp_directory_path() / ("gge-tls-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    TestCertificate c{dir / "cert.pem", dir / "key.pem"};
    const std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
        "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
        gge::test::quote(c.key.string()) + " -out " + gge::test::quote(c.cert.string()) +
        " 2>/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    return c;
  }();
  return k_made;
}

gge::web::ServeOptions with_tls() {
  gge::web::ServeOptions o;
  o.cert = test_certificate().cert;
  o.key = test_certificate().key;
  return o;
}

}  // namespace

TEST_CASE("serve --cert --key: https with the same answers and Secure cookies", "[web]") {
  ServerFixture app(with_tls());
  httplib::SSLClient c("127.0.0.1", app.port());
  c.set_ca_cert_path(test_certificate().cert.c_str());
  c.enable_server_certificate_verification(true);
  c.set_read_timeout(30, 0);
  const auto me = c.Get("/api/session");
  REQUIRE(me);
  CHECK(me->status == 200);
  const std::string set = me->get_header_value("Set-Cookie");
  CHECK(set.find("; HttpOnly; SameSite=Strict; Secure") != std::string::npos);
  const auto feed = c.Get("/feeds/all.ics");
  REQUIRE(feed);
  CHECK(feed->status == 200);
  CHECK(feed->body == app.scratch().gge("export ics").out);
  // Keep-alive over TLS: several requests on one connection.
  c.set_keep_alive(true);
  for (int i = 0; i < 3; ++i) CHECK(c.Get("/api/sessions")->status == 200);
  // The feeds page links https.
  CHECK(c.Get("/feeds", {{"Cookie", gge::test::session_cookie(me)}})
            ->body.find("https://127.0.0.1:" + std::to_string(app.port()) + "/feeds/all.ics") !=
        std::string::npos);
  // Plain http to the TLS port: no answer.
  httplib::Client plain("127.0.0.1", app.port());
  plain.set_read_timeout(5, 0);
  const auto r = plain.Get("/api/sessions");
  CHECK((!r || r->status != 200));
}

TEST_CASE("serve: cookies are Secure when the base URL is https (TLS by a reverse proxy)",
          "[web]") {
  gge::web::ServeOptions o;
  o.base_url = "https://plan.example.org";
  ServerFixture app(o);
  const auto r = app.client()->Get("/api/session");
  REQUIRE(r);
  CHECK(r->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
}

TEST_CASE("serve --cert --key: bad files are refused naming the flag", "[web]") {
  gge::test::Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  const auto& tc = test_certificate();
  const auto cert = gge::test::quote(tc.cert.string());
  const auto key = gge::test::quote(tc.key.string());
  const auto only_cert = s.gge("serve --listen 127.0.0.1:0 --cert " + cert);
  CHECK(only_cert.code == 2);
  CHECK(only_cert.err == "gge: --key '': TLS needs both a certificate and its key\n");
  const auto no_file = s.gge("serve --listen 127.0.0.1:0 --cert nope.pem --key " + key);
  CHECK(no_file.code == 2);
  CHECK(no_file.err.rfind("gge: --cert 'nope.pem': cannot read a PEM certificate chain", 0) == 0);
  const auto swapped = s.gge("serve --listen 127.0.0.1:0 --cert " + cert + " --key " + cert);
  CHECK(swapped.code == 2);
  CHECK(swapped.err.rfind("gge: --key ", 0) == 0);
  CHECK(std::count(swapped.err.begin(), swapped.err.end(), '\n') == 1);
}
