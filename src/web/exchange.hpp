#pragma once
// What a route handler works with: the request, the response, who asks, the path's parameters,
// and the app's shared state. Private to the web layer (httplib appears only in src/web).
#include "gge/store/store.hpp"
#include "gge/web/serve.hpp"
#include "gge/web/users.hpp"
#include "web/answer_cache.hpp"
#include "web/login_sessions.hpp"

#include <httplib.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gge::web::detail {

/// Open stores, one per concurrent request at most: a handler borrows one and gives it back
/// (SQLite connections are not shared between threads).
class StorePool {
 public:
  explicit StorePool(std::filesystem::path db) : m_db(std::move(db)) {}
  /// A store for the duration of one request. The serving thread gives up polling first
  /// (GuardedServer::may_block): database work may take a while.
  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store)
        : m_pool(pool), m_store(std::move(store)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    Store& operator*() const { return *m_store; }
    Store* operator->() const { return m_store.get(); }

   private:
    StorePool& m_pool;
    std::unique_ptr<Store> m_store;
  };
  Lease lease();

 private:
  std::filesystem::path m_db;
  std::mutex m_mutex;
  std::vector<std::unique_ptr<Store>> m_free;
};

struct AppState {
  ServeOptions options;
  std::vector<User> users;  ///< empty: no login
  StorePool stores;
  LoginSessions sessions;
  AnswerCache answers;  ///< feeds and API reads, until the database changes
  /// Held by every write of the app: its writers queue here, woken in turn, rather than poll
  /// SQLite's lock (whose busy handler sleeps and retries, and can starve one writer past its
  /// timeout: "database is locked"). Reads never take it (WAL).
  std::mutex write_mutex;

  /// After every write of the app: the next cached answer asks the database for its version.
  void database_may_have_changed() { answers.invalidate(); }

  [[nodiscard]] bool login_required() const { return !options.users_file.empty(); }
  /// Cookies carry `Secure`: the app serves TLS, or is reached over https (a reverse proxy).
  [[nodiscard]] bool secure_cookies() const {
    return !options.cert.empty() || options.base_url.rfind("https://", 0) == 0;
  }
};

/// One request in flight.
struct Exchange {
  AppState& app;
  const httplib::Request& req;
  httplib::Response& res;
  std::optional<Caller> caller;     ///< nullopt: not logged in
  std::vector<std::string> params;  ///< the path's variable segments, in order
  /// The engine's field names mapped to this route's form fields ("first day" -> "first").
  std::map<std::string, std::string, std::less<>> fields;
  /// The members of a JSON request body (strings and numbers, as text); empty for forms.
  std::map<std::string, std::string> json_body;

  /// The form or JSON value `name` of the request (body first, then query), checked as
  /// untrusted text (valid UTF-8, no controls, at most k_max_argument_bytes): InputError
  /// naming `name`. nullopt when absent or empty.
  [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
  /// `value(name)`, or InputError "is required".
  [[nodiscard]] std::string required(const std::string& name) const;
  /// True for /api/ routes: errors are JSON.
  [[nodiscard]] bool api() const { return req.path.rfind("/api/", 0) == 0; }
  /// The value of cookie `name` in the request's Cookie header, or "".
  [[nodiscard]] std::string cookie(std::string_view name) const;
  /// Adds a Set-Cookie for `name`: HttpOnly, SameSite=Strict, Secure when the app's cookies
  /// are, on `path`; `max_age` 0 removes it, nullopt makes it last while the browser runs.
  void set_cookie(std::string_view name, const std::string& value, std::string_view path = "/",
                  std::optional<int> max_age = std::nullopt);
};

/// Constant-time equality of two secrets (libsodium); false when either is empty.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace gge::web::detail
