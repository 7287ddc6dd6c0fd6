#pragma once
// The web app's connections. cpp-httplib accepts them; this server then keeps them in one epoll
// set and runs their requests itself (httplib's `process_request` on a stream of its own):
//   - a few threads (as many as cores) poll the set and answer a ready request at once on the
//     thread that saw it, so a cached answer costs no hand-over between threads; before work
//     that may block (a render, a write, a slow client) a thread gives up polling to a parked
//     one (`may_block`), so the set is always polled;
//   - a request is read into the connection's buffer while it arrives: a client sending its head
//     slowly holds no thread, only a buffer, and a thread takes the request once its head is
//     whole. Idle keep-alive connections hold no thread either;
//   - a request has ONE deadline for its head and body together, counted from its first byte:
//     a client that trickles a byte a second is cut at the deadline (httplib's own timeout is
//     per read, which such a client never trips);
//   - while more requests are being read than there are threads, that deadline shrinks to
//     `under_pressure`, so slow clients cannot starve the ones that send a request at once;
//   - a request head is at most `max_head_bytes` (the body's limit is httplib's payload limit);
//   - TLS (OpenSSL, when a context is given) runs on the same stream with the same deadlines.
#include <httplib.h>
#include <openssl/ssl.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>

namespace gge::web::detail {

struct ConnectionLimits {
  std::chrono::milliseconds request{10'000};      ///< head + body of one request
  std::chrono::milliseconds under_pressure{500};  ///< the same while requests outnumber threads
  std::chrono::milliseconds keep_alive{2'000};    ///< idle wait for the next request
  std::chrono::milliseconds write{10'000};        ///< each write of an answer
  std::size_t max_head_bytes = 16 * 1024;         ///< request line and headers
  std::size_t max_requests = 10'000;              ///< per connection, then it is closed
  std::size_t threads = 64;                       ///< requests run at once
  std::size_t pollers = 0;                        ///< threads polling at once; 0: one per core
};

class ConnectionLoop;

/// cpp-httplib's server with the connection handling above. `tls` (not owned; may be null for
/// plain HTTP) must outlive the server.
class GuardedServer : public httplib::Server {
 public:
  GuardedServer(const ConnectionLimits& limits, SSL_CTX* tls);
  ~GuardedServer() override;

  /// Called on the serving thread once the whole request is read (its handler starts): its
  /// deadline no longer applies (a write in progress is never cut).
  static void request_read();
  /// Called on the serving thread when httplib refused the request itself (400, 413, ...):
  /// the connection closes after the answer (what is left of that request is not read).
  static void close_after_answer();
  /// Called on a serving thread before work that may take a while or wait (a render, a
  /// database write, a lock another thread holds): if the thread polls, a parked thread polls
  /// in its place. Cheap when the thread does not poll; a no-op outside the server's threads.
  static void may_block();

  /// True while more requests are being read than there are threads.
  [[nodiscard]] bool under_pressure() const;

  /// After binding: lets the kernel queue up to `n` connections not yet accepted (httplib
  /// listens with 5, so a burst of clients saw their connects dropped and retried a second
  /// later). False when the socket refuses.
  bool set_listen_backlog(int n);

 private:
  bool process_and_close_socket(socket_t sock) override;
  [[nodiscard]] bool stopping() const { return svr_sock_ == INVALID_SOCKET; }

  ConnectionLimits m_limits;
  SSL_CTX* m_tls;
  std::atomic<ConnectionLoop*> m_loop{nullptr};  ///< while listening

  friend class ConnectionLoop;
  friend class DeadlineStream;
};

}  // namespace gge::web::detail
