#include "web/exchange.hpp"

#include "web/connections.hpp"
#include "web/request_values.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>

namespace gge::web::detail {

StorePool::Lease::~Lease() {
  m_store->set_user({});  // the next request's writes name their own caller
  const std::lock_guard lock(m_pool.m_mutex);
  m_pool.m_free.push_back(std::move(m_store));
}

StorePool::Lease StorePool::lease() {
  GuardedServer::may_block();  // the database is work that may take a while
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

std::string Exchange::cookie(std::string_view name) const {
  const std::string header = req.get_header_value("Cookie");
  std::size_t at = 0;
  while (at < header.size()) {
    while (at < header.size() && (header[at] == ' ' || header[at] == ';')) ++at;
    const std::size_t end = std::min(header.find(';', at), header.size());
    const std::string_view pair = std::string_view{header}.substr(at, end - at);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=')
      return std::string{pair.substr(name.size() + 1)};
    at = end;
  }
  return {};
}

void Exchange::set_cookie(std::string_view name, const std::string& value, std::string_view path,
                          std::optional<int> max_age) {
  std::string c = fmt::format("{}={}; Path={}; HttpOnly; SameSite=Strict", name, value, path);
  if (app.secure_cookies()) c += "; Secure";
  if (max_age) c += fmt::format("; Max-Age={}", *max_age);
  res.set_header("Set-Cookie", c);
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
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
