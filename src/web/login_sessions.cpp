#include "web/login_sessions.hpp"

#include <sodium.h>

#include <algorithm>

namespace gge::web::detail {

std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

std::string LoginSessions::create(const std::string& user, Role role) {
  std::string token = random_token();
  const auto now = Clock::now();
  const std::lock_guard lock(m_mutex);
  // Forget the ended sessions first, then the oldest live one if still full.
  std::erase_if(m_order, [&](const std::string& t) {
    const auto it = m_by_token.find(t);
    if (it == m_by_token.end()) return true;
    if (!ended(it->second, now)) return false;
    m_by_token.erase(it);
    return true;
  });
  if (m_order.size() >= k_max_sessions) {
    m_by_token.erase(m_order.front());
    m_order.erase(m_order.begin());
  }
  m_by_token[token] = Entry{Caller{user, role, random_token()}, now, now};
  m_order.push_back(token);
  return token;
}

void LoginSessions::wrote(const std::string& token) {
  const auto now = Clock::now();
  const std::lock_guard lock(m_mutex);
  if (const auto it = m_by_token.find(token); it != m_by_token.end())
    it->second.caller.wrote_at = now;
}

std::optional<Caller> LoginSessions::find(const std::string& token) {
  const auto now = Clock::now();
  const std::lock_guard lock(m_mutex);
  const auto it = m_by_token.find(token);
  if (it == m_by_token.end()) return std::nullopt;
  if (ended(it->second, now)) {
    m_by_token.erase(it);
    std::erase(m_order, token);
    return std::nullopt;
  }
  it->second.seen = now;
  return it->second.caller;
}

void LoginSessions::erase(const std::string& token) {
  const std::lock_guard lock(m_mutex);
  m_by_token.erase(token);
  std::erase(m_order, token);
}

}  // namespace gge::web::detail
