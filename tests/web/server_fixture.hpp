#pragma once
// An in-process `gge serve` on the example database, on a free loopback port, for HTTP tests;
// and the file-level fingerprint of a database that proves a refused request wrote nothing.
#include "cli/support.hpp"
#include "gge/web/serve.hpp"

#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

namespace gge::test {

/// The database file and its WAL, byte for byte (the -shm index is not data and changes on reads).
std::string db_bytes(const std::string& db);

class ServerFixture {
 public:
  /// Loads the example scenario and holidays into a scratch database and serves it with
  /// `options` (db and listen are filled in).
  explicit ServerFixture(web::ServeOptions options = {});
  ~ServerFixture();
  ServerFixture(const ServerFixture&) = delete;
  ServerFixture& operator=(const ServerFixture&) = delete;

  [[nodiscard]] const Scratch& scratch() const { return m_scratch; }
  [[nodiscard]] std::string db() const { return m_scratch.db(); }
  [[nodiscard]] int port() const { return m_port; }
  /// A new client for the app (no cookies kept: pass them in headers).
  [[nodiscard]] std::unique_ptr<httplib::Client> client() const;
  /// Stops the app (as SIGTERM does) and waits until it has stopped; the destructor then
  /// does nothing more.
  void stop();
  /// The cookie and CSRF token of a fresh login session of the local planner (no users file).
  [[nodiscard]] std::pair<std::string, std::string> local_session() const;

 private:
  Scratch m_scratch;
  std::unique_ptr<web::App> m_app;
  std::thread m_thread;
  int m_port = 0;
};

/// "gge_session=TOKEN" from a response's Set-Cookie, or "".
std::string session_cookie(const httplib::Result& r);

/// A users file for the login tests (made once per test process): ana, a planner, password
/// "correct horse"; vic, a viewer, "battery staple".
std::filesystem::path test_users_file();
/// Options serving with `test_users_file()`.
web::ServeOptions with_test_users(bool public_feeds = false);

/// The login form's cookie ("gge_login=...") and its csrf field, from GET /login.
std::pair<std::string, std::string> login_form(httplib::Client& c);
/// POST /login as the login form sends it (its cookie and csrf field).
httplib::Result post_login(httplib::Client& c, const std::string& name,
                           const std::string& password);
/// Logs in through the form; returns the session cookie and the session's CSRF token.
std::pair<std::string, std::string> log_in(httplib::Client& c, const std::string& name,
                                           const std::string& password);

}  // namespace gge::test
