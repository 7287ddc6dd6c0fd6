#pragma once
/// `gge serve`: the planners' web app on one database (README "gge serve"). A front-end like the
/// CLI: it parses requests and presents HTML and JSON; every answer comes from the services.
///
/// Safety defaults: loopback only unless a users file is given; only the app's routes are
/// served (anything else, traversal in any encoding included, is 404); bodies over
/// `max_body_bytes` are 413; every response carries a Content-Security-Policy without inline
/// script, `X-Content-Type-Options: nosniff` and `frame-ancestors 'none'`.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace gge::web {

/// The names this front-end's engine-side options carry in InputError::field(); the CLI maps
/// them to its flags.
inline constexpr const char* k_field_listen = "listen address";
inline constexpr const char* k_field_users = "users file";
inline constexpr const char* k_field_base_url = "base URL";
inline constexpr const char* k_field_cert = "TLS certificate";
inline constexpr const char* k_field_key = "TLS key";

/// Where the app listens.
struct ListenAddress {
  std::string host = "127.0.0.1";  ///< an IPv4 or IPv6 literal (no brackets) or "localhost"
  int port = 8080;                 ///< 1..65535; 0 = any free port (tests)
  /// True for 127.0.0.0/8, ::1 and "localhost": only this machine can connect.
  [[nodiscard]] bool loopback() const;
};

/// "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080", "0.0.0.0:8080"); InputError naming `field`.
ListenAddress parse_listen_address(std::string_view text, std::string_view field);

struct ServeOptions {
  std::filesystem::path db;  ///< the database (opened read-write, migrated)
  ListenAddress listen;
  std::filesystem::path users_file;  ///< empty: no login, every caller is the local planner
  std::string base_url;       ///< where clients reach the app (feed links); "" = http://listen
  bool public_feeds = false;  ///< feeds readable without login
  std::size_t max_body_bytes = 64 * 1024;  ///< larger request bodies get 413
  /// A request's head and body must arrive within this many seconds of the first byte awaited
  /// (0.5 s while more requests are being read than there are threads); each write of an answer
  /// has as long.
  int timeout_seconds = 10;
  std::size_t threads = 64;  ///< requests run at once; idle and half-sent ones hold no thread
  /// TLS by the app itself: a PEM certificate chain and its unencrypted key (both or neither).
  /// Cookies are `Secure` with TLS, and when `base_url` is https (TLS by a reverse proxy).
  std::filesystem::path cert, key;
  /// Login sessions end after this long without a request, and this long after the login.
  int session_idle_seconds = 2 * 3600;
  int session_max_seconds = 12 * 3600;
};

/// One running web app. Not copyable; `stop` may be called from any thread.
class App {
 public:
  /// Checks the options and opens the database and the users file. InputError (field
  /// k_field_listen) for a non-loopback address without a users file; InputError naming the
  /// file for a bad users file (field k_field_users); StorageError when the database cannot
  /// be opened.
  explicit App(ServeOptions options);
  App(const App&) = delete;
  App& operator=(const App&) = delete;
  ~App();

  /// Binds the listening socket; returns the port (the one chosen when 0 was asked).
  /// StorageError when the address cannot be bound.
  int bind();
  /// Serves until `stop`; requests in flight finish first (a write commits or rolls back).
  void run();
  /// Stops `run` from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// Runs `app` (bound already) until SIGTERM or SIGINT: both are blocked in the calling thread
/// before the server's threads start (they inherit the mask), and a waiting thread stops the
/// app when one arrives, so the process exits 0 after the requests in flight are done.
void run_until_signal(App& app);

}  // namespace gge::web
