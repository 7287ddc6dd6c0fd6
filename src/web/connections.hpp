#pragma once
// The web app's connections. cpp-httplib accepts them and hands each to a pool thread; this
// server then runs the connection's requests itself (httplib's `process_request` on a stream of
// its own) so that:
//   - a request has ONE deadline for its head and body together, counted from the moment the
//     thread waits for its first byte: a client that trickles a byte a second is cut at the
//     deadline (httplib's own timeout is per read, which such a client never trips);
//   - while connections wait for a thread (every thread busy), the deadline of a request still
//     being read shrinks to `under_pressure` and idle keep-alive connections are closed, so slow
//     clients cannot starve the ones that send a whole request at once;
//   - a request head is at most `max_head_bytes` (the body's limit is httplib's payload limit);
//   - TLS (OpenSSL, when a context is given) runs on the same stream with the same deadlines.
#include <httplib.h>
#include <openssl/ssl.h>

#include <atomic>
#include <chrono>
#include <cstddef>

namespace gge::web::detail {

struct ConnectionLimits {
  std::chrono::milliseconds request{10'000};      ///< head + body of one request
  std::chrono::milliseconds under_pressure{500};  ///< the same while connections wait
  std::chrono::milliseconds keep_alive{2'000};    ///< idle wait for the next request
  std::chrono::milliseconds write{10'000};        ///< each write of an answer
  std::size_t max_head_bytes = 16 * 1024;         ///< request line and headers
  std::size_t max_requests = 10'000;              ///< per connection, then it is closed
  std::size_t threads = 64;                       ///< connections served at once
};

/// cpp-httplib's server with the connection handling above. `tls` (not owned; may be null for
/// plain HTTP) must outlive the server.
class GuardedServer : public httplib::Server {
 public:
  GuardedServer(const ConnectionLimits& limits, SSL_CTX* tls);

  /// Called on the serving thread once the request's head is read (httplib's pre-routing): the
  /// head limit stops counting.
  static void head_read();
  /// Called on the serving thread once the whole request is read (its handler starts): its
  /// deadline no longer applies (a write in progress is never cut).
  static void request_read();
  /// Called on the serving thread when httplib refused the request itself (400, 413, ...):
  /// the connection closes after the answer (what is left of that request is not read).
  static void close_after_answer();

  /// True while every thread is busy and connections wait for one.
  [[nodiscard]] bool under_pressure() const {
    return m_waiting.load() > 0 && m_busy.load() >= static_cast<int>(m_limits.threads);
  }

 private:
  bool process_and_close_socket(socket_t sock) override;
  [[nodiscard]] bool stopping() const { return svr_sock_ == INVALID_SOCKET; }

  ConnectionLimits m_limits;
  SSL_CTX* m_tls;
  std::atomic<int> m_waiting{0};  ///< connections accepted that no thread serves yet
  std::atomic<int> m_busy{0};     ///< threads serving a connection

  friend class DeadlineStream;
};

}  // namespace gge::web::detail
