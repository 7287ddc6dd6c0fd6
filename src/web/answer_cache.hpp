#pragma once
// Answers of read routes that depend only on the database — not on the caller, the clock or
// anything else (feeds, the JSON API's reads) — kept until the database changes, and served with
// validators (ETag, Last-Modified) and 304 answers.
//
// The database's version is its newest change (change-log id and time, UTC). It is read again
// after every write of the app (`invalidate`), and otherwise at most every `k_recheck`: a change
// made by another process (the CLI) shows within that time. One thread renders a missing answer;
// the others asking for the same one meanwhile wait for it rather than render it again, or, when
// an answer of the version before is recent (`k_stale`) and they did not write since, get that:
// a planner always sees their own writes, and others' within a second even while writes keep
// the renders busy.
#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace gge::web::detail {

struct Exchange;

/// How long a read of the database's version is trusted when the app itself did not write.
inline constexpr std::chrono::milliseconds k_recheck{100};
/// How old the version of an answer given while its next version renders may be: under load,
/// one planner sees another's change within this time (never later than the render that brings
/// it in), and every write of its own at once.
inline constexpr std::chrono::milliseconds k_stale{1'000};

struct DatabaseVersion {
  long long id = -1;  ///< newest change-log id; 0 for an empty log
  std::string at;     ///< its time, "YYYY-MM-DDTHH:MM:SSZ" (UTC); the epoch for an empty log
  /// When it was read (steady clock): the database was at this version then, or later.
  std::chrono::steady_clock::time_point read_at{};
  bool operator==(const DatabaseVersion& o) const { return id == o.id && at == o.at; }
};

class AnswerCache {
 public:
  /// A rendered answer: what the route's handler set, and the strong ETag of its body.
  struct Answer {
    DatabaseVersion version;
    int status = 200;
    httplib::Headers headers;
    std::string body;
    std::string etag;  ///< quoted
    std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds> modified{};
    std::string last_modified;  ///< `modified` as an HTTP-date: the version's time
  };

  /// The database's version: the last one read while it is trusted (see above), else `read()`
  /// (called by one thread at a time; while one reads, the others keep the last one if it is
  /// trusted, or, after a write of the app, if it is younger than `k_stale` and was read after
  /// `fresh_after`, their own last write).
  DatabaseVersion version(const std::function<DatabaseVersion()>& read,
                          std::chrono::steady_clock::time_point fresh_after = {});

  /// The app wrote: the next `version` reads the database.
  void invalidate();

  /// The answer under `key` rendered at version `v`, else `render()`'s, kept when its status is
  /// 200. While another thread renders it, the answer of the version before is given instead
  /// when that version was read less than `k_stale` ago and after `fresh_after` (the asker's
  /// own last write): an asker sees its own writes at once, others' within k_stale. At most
  /// `k_max_answers` answers and `k_max_bytes` of bodies are kept: past either, all are dropped
  /// (keys are request targets, which a client chooses).
  std::shared_ptr<const Answer> get(const std::string& key, const DatabaseVersion& v,
                                    const std::function<Answer()>& render,
                                    std::chrono::steady_clock::time_point fresh_after = {});

  static constexpr std::size_t k_max_answers = 1'000;
  static constexpr std::size_t k_max_bytes = 64u << 20;

 private:
  using Clock = std::chrono::steady_clock;
  struct Slot {
    std::mutex rendering;                  ///< held by the thread rendering this answer
    std::shared_ptr<const Answer> answer;  ///< guarded by m_slots_mutex
  };

  std::shared_mutex m_version_mutex;  ///< guards the three below
  DatabaseVersion m_version;
  bool m_valid = false;
  unsigned long long m_generation = 0;  ///< counts invalidations: a read begun before one is stale
  std::mutex m_reading;                 ///< held by the thread reading the version

  std::shared_mutex m_slots_mutex;
  std::unordered_map<std::string, std::shared_ptr<Slot>> m_slots;
  std::size_t m_bytes = 0;
};

/// Answers `ex` with `handler`'s answer for `key` from the app's cache (rendered by `handler`
/// on a fresh response when missing), adds ETag and Last-Modified to a 200, and answers 304 to
/// a matching If-None-Match (or, without one, If-Modified-Since). Exceptions of `handler`
/// propagate and nothing is kept.
void answer_cached(Exchange& ex, const std::string& key,
                   const std::function<void(Exchange&)>& handler);

}  // namespace gge::web::detail
