#include "web/connections.hpp"

#include <openssl/err.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <utility>

namespace gge::web::detail {

using Clock = std::chrono::steady_clock;

namespace {

/// How long one wait lasts at most before the deadline, the pressure and a stop are looked at
/// again.
constexpr std::chrono::milliseconds k_slice{50};

/// The state of the request a thread is reading now.
struct RequestState {
  Clock::time_point start;
  bool reading = false;    ///< the deadline applies
  bool head_done = false;  ///< the head limit no longer applies
  std::size_t head_bytes = 0;
  bool cut = false;  ///< its deadline or head limit was reached: close after the answer
};

thread_local RequestState* t_request = nullptr;

/// httplib's pool, counting the connections that wait for a thread and the threads busy.
class CountingPool : public httplib::TaskQueue {
 public:
  CountingPool(std::size_t threads, std::atomic<int>& waiting, std::atomic<int>& busy)
      : m_pool(threads), m_waiting(waiting), m_busy(busy) {}
  void enqueue(std::function<void()> fn) override {
    ++m_waiting;
    m_pool.enqueue([this, fn = std::move(fn)] {
      ++m_busy;
      --m_waiting;
      fn();
      --m_busy;
    });
  }
  void shutdown() override { m_pool.shutdown(); }

 private:
  httplib::ThreadPool m_pool;
  std::atomic<int>& m_waiting;
  std::atomic<int>& m_busy;
};

/// poll() on one socket for `events`, at most `wait`; true when ready (or in error: the next
/// read or write says which).
bool ready(int fd, short events, std::chrono::milliseconds wait) {
  pollfd p{fd, events, 0};
  const int n = ::poll(&p, 1, static_cast<int>(std::max<long long>(0, wait.count())));
  return n > 0;
}

std::string address_of(const sockaddr_storage& a, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (a.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(a);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (a.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(a);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  return text;
}

}  // namespace

/// A connection's bytes, plain or TLS, on a non-blocking socket: every read waits at most until
/// the request's deadline, every write at most `limits.write`.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(GuardedServer& server, int sock, SSL* ssl, RequestState& request)
      : m_server(server), m_sock(sock), m_ssl(ssl), m_request(request) {}

  [[nodiscard]] bool buffered() const { return m_off < m_len || (m_ssl && SSL_pending(m_ssl) > 0); }

  /// When the request being read must be complete.
  [[nodiscard]] Clock::time_point deadline() const {
    const auto& l = m_server.m_limits;
    return m_request.start + (m_server.under_pressure() ? l.under_pressure : l.request);
  }

  /// Waits for `events` until the request's deadline (reading) or `until`; false on time out,
  /// a stop of the server, or a request over its head limit.
  bool wait(short events, Clock::time_point until, bool reading) const {
    while (true) {
      const auto end = reading && m_request.reading ? std::min(until, deadline()) : until;
      const auto now = Clock::now();
      if (now >= end) return false;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - now);
      if (ready(m_sock, events, std::min(left + std::chrono::milliseconds{1}, k_slice)))
        return true;
      if (m_server.stopping() && m_request.reading) return false;
    }
  }

  /// Performs the TLS handshake within the request deadline.
  bool handshake() {
    while (true) {
      const int r = SSL_accept(m_ssl);
      if (r == 1) return true;
      const int e = SSL_get_error(m_ssl, r);
      if (e == SSL_ERROR_WANT_READ) {
        if (!wait(POLLIN, Clock::time_point::max(), true)) return false;
      } else if (e == SSL_ERROR_WANT_WRITE) {
        if (!wait(POLLOUT, Clock::time_point::max(), true)) return false;
      } else {
        ERR_clear_error();
        return false;
      }
    }
  }

  bool is_readable() const override {
    return buffered() || wait(POLLIN, Clock::time_point::max(), true);
  }
  bool is_writable() const override {
    return wait(POLLOUT, Clock::now() + m_server.m_limits.write, false);
  }

  ssize_t read(char* ptr, size_t size) override {
    if (m_off == m_len) {
      const ssize_t n = fill();
      if (n <= 0) return n;
    }
    const std::size_t n = std::min(size, m_len - m_off);
    std::memcpy(ptr, m_buf.data() + m_off, n);
    m_off += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    const auto until = Clock::now() + m_server.m_limits.write;
    std::size_t done = 0;
    while (done < size) {
      const std::size_t chunk = std::min<std::size_t>(size - done, 1 << 20);
      if (m_ssl) {
        const int r = SSL_write(m_ssl, ptr + done, static_cast<int>(chunk));
        if (r > 0) {
          done += static_cast<std::size_t>(r);
          continue;
        }
        const int e = SSL_get_error(m_ssl, r);
        const short ev = e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT;
        if ((e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) || !wait(ev, until, false)) {
          ERR_clear_error();
          return -1;
        }
      } else {
        const ssize_t r = ::send(m_sock, ptr + done, chunk, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (r > 0) {
          done += static_cast<std::size_t>(r);
          continue;
        }
        if (r < 0 && errno == EINTR) continue;
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && wait(POLLOUT, until, false))
          continue;
        return -1;
      }
    }
    return static_cast<ssize_t>(done);
  }

  // httplib asks for both addresses on every request: read once per connection.
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    if (!m_remote) m_remote = address(::getpeername);
    ip = m_remote->first;
    port = m_remote->second;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    if (!m_local) m_local = address(::getsockname);
    ip = m_local->first;
    port = m_local->second;
  }
  socket_t socket() const override { return m_sock; }

 private:
  using Address = std::pair<std::string, int>;
  Address address(int (*name)(int, sockaddr*, socklen_t*)) const {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    Address out{"", 0};
    if (name(m_sock, reinterpret_cast<sockaddr*>(&a), &len) == 0)
      out.first = address_of(a, out.second);
    return out;
  }

  /// Reads what is there into the buffer; -1 past the deadline or the head limit, 0 at EOF.
  ssize_t fill() {
    if (m_request.reading && !m_request.head_done &&
        m_request.head_bytes >= m_server.m_limits.max_head_bytes) {
      m_request.cut = true;
      return -1;
    }
    m_off = m_len = 0;
    while (true) {
      ssize_t n = 0;
      short want = POLLIN;
      if (m_ssl) {
        const int r = SSL_read(m_ssl, m_buf.data(), static_cast<int>(m_buf.size()));
        if (r > 0) {
          n = r;
        } else {
          const int e = SSL_get_error(m_ssl, r);
          if (e == SSL_ERROR_ZERO_RETURN) return 0;
          if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
            ERR_clear_error();
            return -1;
          }
          if (e == SSL_ERROR_WANT_WRITE) want = POLLOUT;
        }
      } else {
        n = ::recv(m_sock, m_buf.data(), m_buf.size(), MSG_DONTWAIT);
        if (n == 0) return 0;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
      }
      if (n > 0) {
        m_len = static_cast<std::size_t>(n);
        if (!m_request.head_done) m_request.head_bytes += m_len;
        return n;
      }
      if (!wait(want, Clock::time_point::max(), true)) {
        m_request.cut = true;
        return -1;
      }
    }
  }

  GuardedServer& m_server;
  int m_sock;
  SSL* m_ssl;
  RequestState& m_request;
  std::array<char, 16 * 1024> m_buf{};
  std::size_t m_off = 0, m_len = 0;
  mutable std::optional<Address> m_remote, m_local;
};

GuardedServer::GuardedServer(const ConnectionLimits& limits, SSL_CTX* tls)
    : m_limits(limits), m_tls(tls) {
  new_task_queue = [this] { return new CountingPool(m_limits.threads, m_waiting, m_busy); };
  set_keep_alive_max_count(m_limits.max_requests);
  // Only for the Keep-Alive header of answers: the wait itself is process_and_close_socket's.
  set_keep_alive_timeout(
      std::chrono::duration_cast<std::chrono::seconds>(m_limits.keep_alive).count());
}

void GuardedServer::head_read() {
  if (t_request) t_request->head_done = true;
}

void GuardedServer::request_read() {
  if (t_request) {
    t_request->head_done = true;
    t_request->reading = false;
  }
}

void GuardedServer::close_after_answer() {
  if (t_request) t_request->cut = true;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
  // An answer is written as head, then body: without TCP_NODELAY the body waits for the
  // client's delayed ACK of the head (40 ms on Linux) on every keep-alive request.
  const int on = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  RequestState request{Clock::now(), true, false, 0, false};
  t_request = &request;
  SSL* ssl = nullptr;
  bool ok = true;
  if (m_tls) {
    ssl = SSL_new(m_tls);
    ok = ssl && SSL_set_fd(ssl, sock) == 1;
  }
  {
    DeadlineStream stream(*this, sock, ssl, request);
    if (ok && ssl) ok = stream.handshake();
    for (std::size_t n = 0; ok && n < m_limits.max_requests && !stopping(); ++n) {
      if (n > 0) {
        // Idle between requests: wait for the next one, but give the thread up when another
        // connection waits for one, or when the server stops.
        request = RequestState{Clock::now(), false, false, 0, false};
        bool next = stream.buffered();
        const auto until = Clock::now() + m_limits.keep_alive;
        while (!next && Clock::now() < until && !under_pressure() && !stopping())
          next = ready(sock, POLLIN, k_slice);
        if (!next) break;
      }
      request = RequestState{Clock::now(), true, false, 0, false};
      bool closed = false;
      const bool last = n + 1 == m_limits.max_requests || stopping();
      ok = process_request(stream, last, closed, nullptr) && !closed && !request.cut;
    }
  }
  t_request = nullptr;
  if (ssl) {
    SSL_shutdown(ssl);  // one try: the socket is non-blocking, and the peer may be gone
    SSL_free(ssl);
    ERR_clear_error();
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return true;
}

}  // namespace gge::web::detail
