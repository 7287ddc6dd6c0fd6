// Secret feed tokens of `gge serve` (schema/0008_feed_token.sql): one per feed file name.
#include "store/impl.hpp"

namespace gge {

std::optional<std::string> Store::feed_token(const std::string& feed) const {
  auto& impl = *m_impl;
  return detail::storage_guard(impl.path, "cannot read feed_token", [&] {
    auto q = impl.query("SELECT token FROM feed_token WHERE feed = ?1");
    q->bind(1, feed);
    return q->executeStep() ? std::optional<std::string>{q->getColumn(0).getString()}
                            : std::nullopt;
  });
}

std::map<std::string, std::string> Store::feed_tokens() const {
  auto& impl = *m_impl;
  return detail::storage_guard(impl.path, "cannot read feed_token", [&] {
    std::map<std::string, std::string> out;
    auto q = impl.query("SELECT feed, token FROM feed_token");
    while (q->executeStep()) out[q->getColumn(0).getString()] = q->getColumn(1).getString();
    return out;
  });
}

void Store::set_feed_token(const std::string& feed, const std::string& token) {
  auto& impl = *m_impl;
  impl.require_writable();
  impl.sync_clock();
  detail::storage_guard(impl.path, "cannot write feed_token", [&] {
    auto q = impl.query(
        "INSERT INTO feed_token (feed, token, created) "
        "VALUES (?1, ?2, (SELECT now FROM clock WHERE id = 1)) "
        "ON CONFLICT (feed) DO UPDATE SET token = excluded.token, created = excluded.created");
    q->bind(1, feed);
    q->bind(2, token);
    q->exec();
  });
}

}  // namespace gge
