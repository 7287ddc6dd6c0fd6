#pragma once
// Login sessions of `gge serve`: a random 256-bit token (the `gge_session` cookie) names a caller
// and the CSRF token of its writes. In memory only, by decision: a restart logs everyone out
// (logins are cheap; no session secret is ever written to disk). A session ends after
// `idle` without a request and `max` after its login, whichever comes first, and at logout.
#include "gge/web/users.hpp"

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gge::web::detail {

/// Who sends a request. Without a users file every caller is "local", a planner.
struct Caller {
  std::string user;
  Role role = Role::viewer;
  std::string csrf;  ///< the token every write of this login session must carry
  /// When this login session's last write in the app ended (steady clock): its reads never get
  /// an answer of the database from before (answer_cache.hpp).
  std::chrono::steady_clock::time_point wrote_at{};
};

/// 32 random bytes (libsodium) as 64 lowercase hex digits.
std::string random_token();

class LoginSessions {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::size_t k_max_sessions = 10'000;  ///< the oldest is dropped past this

  LoginSessions(std::chrono::seconds idle, std::chrono::seconds max) : m_idle(idle), m_max(max) {}

  /// A new session for `user` in `role`; returns its token.
  std::string create(const std::string& user, Role role);
  /// The caller of a live session (its idle time starts again); nullopt for an unknown or
  /// ended one (an ended one is forgotten).
  [[nodiscard]] std::optional<Caller> find(const std::string& token);
  void erase(const std::string& token);
  /// Notes that session `token` (if live) has just written.
  void wrote(const std::string& token);

 private:
  struct Entry {
    Caller caller;
    Clock::time_point created, seen;
  };
  [[nodiscard]] bool ended(const Entry& e, Clock::time_point now) const {
    return now - e.seen >= m_idle || now - e.created >= m_max;
  }

  std::chrono::seconds m_idle, m_max;
  std::mutex m_mutex;
  std::map<std::string, Entry> m_by_token;
  std::vector<std::string> m_order;  ///< tokens, oldest first
};

}  // namespace gge::web::detail
