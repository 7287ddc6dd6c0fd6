#include "web/exchange.hpp"

#include "web/request_values.hpp"

#include "gge/core/error.hpp"

#include <sodium.h>

#include <algorithm>

namespace gge::web::detail {

StorePool::Lease::~Lease() {
  m_store->set_user({});  // the next request's writes name their own caller
  const std::lock_guard lock(m_pool.m_mutex);
  m_pool.m_free.push_back(std::move(m_store));
}

StorePool::Lease StorePool::lease() {
  {
    const std::lock_guard lock(m_mutex);
    if (!m_free.empty()) {
      auto store = std::move(m_free.back());
      m_free.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  return Lease(*this, std::make_unique<Store>(Store::open(m_db)));
}

namespace {
std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}
}  // namespace

std::string LoginSessions::create(const std::string& user, Role role) {
  std::string token = random_token();
  const std::lock_guard lock(m_mutex);
  if (m_order.size() >= k_max_sessions) {
    m_by_token.erase(m_order.front());
    m_order.erase(m_order.begin());
  }
  m_by_token[token] = Caller{user, role, random_token()};
  m_order.push_back(token);
  return token;
}

std::optional<Caller> LoginSessions::find(const std::string& token) const {
  const std::lock_guard lock(m_mutex);
  const auto it = m_by_token.find(token);
  if (it == m_by_token.end()) return std::nullopt;
  return it->second;
}

void LoginSessions::erase(const std::string& token) {
  const std::lock_guard lock(m_mutex);
  m_by_token.erase(token);
  std::erase(m_order, token);
}

std::optional<std::string> Exchange::value(const std::string& name) const {
  if (const auto it = json_body.find(name); it != json_body.end())
    return checked_value(name, it->second);
  if (req.has_param(name.c_str())) return checked_value(name, req.get_param_value(name.c_str()));
  return std::nullopt;
}

std::string Exchange::required(const std::string& name) const {
  auto v = value(name);
  if (!v) throw InputError({}, name, "", "is required");
  return *v;
}

}  // namespace gge::web::detail
