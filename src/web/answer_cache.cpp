#include "web/answer_cache.hpp"

#include "gge/core/parse.hpp"
#include "web/connections.hpp"
#include "web/exchange.hpp"

#include <date/date.h>
#include <fmt/format.h>
#include <sodium.h>

#include <optional>
#include <sstream>
#include <string_view>

namespace gge::web::detail {
namespace {

using Clock = std::chrono::steady_clock;

std::string etag_of(std::string_view body) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()),
                     body.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return fmt::format("\"{}\"", hex);
}

/// RFC 9110 13.1.2: If-None-Match matches when it is "*" or lists the tag (weak comparison).
bool none_match_hits(const std::string& header, const std::string& etag) {
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = std::min(header.find(',', at), header.size());
    std::string_view tag = std::string_view{header}.substr(at, end - at);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    at = end + 1;
  }
  return false;
}

using Seconds = date::sys_seconds;

constexpr const char* k_http_date = "%a, %d %b %Y %H:%M:%S GMT";  // RFC 9110 5.6.7

/// An HTTP date (If-Modified-Since); nullopt when it is not one.
std::optional<Seconds> parse_http_date(const std::string& text) {
  std::istringstream in(text);
  Seconds t{};
  in >> date::parse(k_http_date, t);
  if (in.fail()) return std::nullopt;
  return t;
}

/// True when `a` is `b` or a later version (change-log ids only grow): an answer that new serves
/// an asker of `b`, and a render for an older version never replaces it.
bool at_least(const DatabaseVersion& a, const DatabaseVersion& b) { return a == b || a.id > b.id; }

/// The newest change of the database `ex`'s app serves.
DatabaseVersion read_version(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const auto newest = store->changes(1);
  if (newest.empty()) return {0, "1970-01-01T00:00:00Z"};
  return {newest.front().id, newest.front().at};
}

}  // namespace

DatabaseVersion AnswerCache::version(const std::function<DatabaseVersion()>& read,
                                     Clock::time_point fresh_after) {
  std::unique_lock reading(m_reading, std::defer_lock);
  {
    const std::shared_lock lock(m_version_mutex);
    const auto age = Clock::now() - m_version.read_at;
    if (m_valid && age < k_recheck) return m_version;
    // Aged, or the app wrote since: one thread reads it again; meanwhile the others keep the
    // last one, unless the app wrote since and it is old or predates their own write.
    const bool usable =
        m_valid || (m_version.id >= 0 && age < k_stale && m_version.read_at > fresh_after);
    if (usable && !reading.try_lock()) return m_version;
  }
  // Waiting for another thread's read, or reading: give up polling meanwhile.
  GuardedServer::may_block();
  if (!reading.owns_lock()) reading.lock();
  unsigned long long generation = 0;
  {
    const std::shared_lock lock(m_version_mutex);
    if (m_valid && Clock::now() - m_version.read_at < k_recheck)
      return m_version;  // read meanwhile
    generation = m_generation;
  }
  const auto started = Clock::now();
  DatabaseVersion v = read();
  v.read_at = started;
  const std::unique_lock lock(m_version_mutex);
  m_version = v;
  m_valid = m_generation == generation;  // no write of the app ended while it was read
  return v;
}

void AnswerCache::invalidate() {
  const std::unique_lock lock(m_version_mutex);
  m_valid = false;
  ++m_generation;
}

std::shared_ptr<const AnswerCache::Answer> AnswerCache::get(const std::string& key,
                                                            const DatabaseVersion& v,
                                                            const std::function<Answer()>& render,
                                                            Clock::time_point fresh_after) {
  std::shared_ptr<Slot> slot;
  {
    const std::shared_lock lock(m_slots_mutex);
    if (const auto it = m_slots.find(key); it != m_slots.end()) {
      slot = it->second;
      if (slot->answer && at_least(slot->answer->version, v)) return slot->answer;
    }
  }
  if (!slot) {
    const std::unique_lock lock(m_slots_mutex);
    if (m_slots.size() >= k_max_answers || m_bytes > k_max_bytes) {
      m_slots.clear();
      m_bytes = 0;
    }
    slot = m_slots.try_emplace(key, std::make_shared<Slot>()).first->second;
  }
  std::unique_lock rendering(slot->rendering, std::try_to_lock);
  if (!rendering) {
    // Being rendered: the version before will do, if it is recent and the asker's own write is
    // in it.
    std::shared_ptr<const Answer> before;
    {
      const std::shared_lock lock(m_slots_mutex);
      before = slot->answer;
    }
    if (before && before->version.read_at > fresh_after &&
        Clock::now() - before->version.read_at < k_stale)
      return before;
    GuardedServer::may_block();
    rendering.lock();
  }
  {
    const std::shared_lock lock(m_slots_mutex);
    if (slot->answer && at_least(slot->answer->version, v)) return slot->answer;  // meanwhile
  }
  auto answer = std::make_shared<const Answer>(render());  // leases a store: may_block
  if (answer->status == 200) {
    const std::unique_lock lock(m_slots_mutex);
    if (const auto it = m_slots.find(key); it != m_slots.end() && it->second == slot) {
      m_bytes = m_bytes - (slot->answer ? slot->answer->body.size() : 0) + answer->body.size();
      slot->answer = answer;
    }
  }
  return answer;
}

void answer_cached(Exchange& ex, const std::string& key,
                   const std::function<void(Exchange&)>& handler) {
  auto& cache = ex.app.answers;
  const auto fresh_after = ex.caller ? ex.caller->wrote_at : Clock::time_point{};
  const DatabaseVersion v = cache.version([&] { return read_version(ex); }, fresh_after);
  const auto answer = cache.get(
      key, v,
      [&] {
        // A fresh response: what admit() set (a login cookie) must never be kept for others.
        httplib::Response fresh;
        Exchange inner{ex.app, ex.req, fresh, ex.caller, ex.params, ex.fields, ex.json_body};
        try {
          handler(inner);
        } catch (...) {
          ex.fields = std::move(inner.fields);  // an error names the route's form fields
          throw;
        }
        const int status = fresh.status == -1 ? 200 : fresh.status;  // httplib's "not set": 200
        const Seconds modified = parse_instant(v.at, "change_log.at");
        std::string etag = etag_of(fresh.body);
        return AnswerCache::Answer{v,
                                   status,
                                   std::move(fresh.headers),
                                   std::move(fresh.body),
                                   std::move(etag),
                                   modified,
                                   date::format(k_http_date, modified)};
      },
      fresh_after);
  for (const auto& [name, value] : answer->headers) ex.res.headers.erase(name);
  for (const auto& header : answer->headers) ex.res.headers.insert(header);
  ex.res.status = answer->status;
  if (answer->status != 200) {
    ex.res.body = answer->body;
    return;
  }
  ex.res.set_header("ETag", answer->etag);
  ex.res.set_header("Last-Modified", answer->last_modified);
  bool not_modified = false;
  if (const std::string inm = ex.req.get_header_value("If-None-Match"); !inm.empty())
    not_modified = none_match_hits(inm, answer->etag);
  else if (const auto ims = parse_http_date(ex.req.get_header_value("If-Modified-Since")))
    not_modified = answer->modified <= *ims;
  if (not_modified) {
    ex.res.status = 304;
    return;
  }
  ex.res.body = answer->body;
}

}  // namespace gge::web::detail
