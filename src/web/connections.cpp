#include "web/connections.hpp"

#include <openssl/err.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gge::web::detail {

using Clock = std::chrono::steady_clock;

namespace {

/// How long a poll or a wait lasts at most before deadlines, the pressure and a stop are looked
/// at again.
constexpr std::chrono::milliseconds k_slice{50};

/// The state of a connection's current request.
struct RequestState {
  Clock::time_point start;  ///< its first byte came (or, for a new connection, was awaited)
  bool reading = false;     ///< not read whole yet: the deadline applies
  bool cut = false;         ///< its deadline was reached: close after the answer
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

/// What a connection's buffer holds after reading what has come.
enum class Intake {
  head,    ///< a whole request head (and maybe more)
  more,    ///< part of a head: the rest has not come yet
  closed,  ///< the peer closed, or the connection failed
  over,    ///< a head larger than max_head_bytes
};

}  // namespace

/// A connection's bytes, plain or TLS, on a non-blocking socket, through one buffer: a request
/// head is gathered there without waiting (`take_in`); a read past it (a body) waits at most
/// until the request's deadline, every write at most `limits.write`.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(GuardedServer& server, int sock, SSL* ssl, RequestState& request)
      : m_server(server),
        m_sock(sock),
        m_ssl(ssl),
        m_request(request),
        m_buf(std::max<std::size_t>(server.m_limits.max_head_bytes, 4096)) {}

  [[nodiscard]] bool buffered() const { return m_off < m_len || (m_ssl && SSL_pending(m_ssl) > 0); }
  /// The last read took everything the socket had: bytes that come later raise an event
  /// (edge-triggered epoll); until then there is nothing to read.
  [[nodiscard]] bool drained() const { return m_drained; }

  /// Reads what has come, without waiting, until the buffer holds a whole request head.
  Intake take_in() {
    while (!head_whole()) {
      if (m_len - m_off >= m_server.m_limits.max_head_bytes) return Intake::over;
      if (m_len == m_buf.size()) {
        std::memmove(m_buf.data(), m_buf.data() + m_off, m_len - m_off);
        m_len -= m_off;
        m_scanned -= std::min(m_scanned, m_off);
        m_off = 0;
      }
      const ssize_t n = receive(m_buf.data() + m_len, m_buf.size() - m_len);
      if (n > 0) {
        m_len += static_cast<std::size_t>(n);
        continue;
      }
      if (n == 0) return Intake::closed;
      if (n == k_later) return Intake::more;
      if (n == k_later_write) {  // TLS wants to write first: rare, and worth a wait
        GuardedServer::may_block();
        if (!wait(POLLOUT, Clock::time_point::max(), true)) return Intake::closed;
        continue;
      }
      return Intake::closed;
    }
    return Intake::head;
  }

  /// One step of the TLS handshake: head when done, more when it needs the client's next bytes.
  Intake handshake_step() {
    while (true) {
      const int r = SSL_accept(m_ssl);
      if (r == 1) return Intake::head;
      const int e = SSL_get_error(m_ssl, r);
      if (e == SSL_ERROR_WANT_READ) return Intake::more;
      if (e != SSL_ERROR_WANT_WRITE) break;
      GuardedServer::may_block();
      if (!wait(POLLOUT, Clock::time_point::max(), true)) break;
    }
    ERR_clear_error();
    return Intake::closed;
  }

  /// When the request being read must be complete.
  [[nodiscard]] Clock::time_point deadline() const {
    const auto& l = m_server.m_limits;
    return m_request.start + (m_server.under_pressure() ? l.under_pressure : l.request);
  }

  bool is_readable() const override {
    if (buffered()) return true;
    GuardedServer::may_block();
    return wait(POLLIN, Clock::time_point::max(), true);
  }
  bool is_writable() const override {
    GuardedServer::may_block();
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
      short want = POLLOUT;
      if (m_ssl) {
        const int r = SSL_write(m_ssl, ptr + done, static_cast<int>(chunk));
        if (r > 0) {
          done += static_cast<std::size_t>(r);
          continue;
        }
        const int e = SSL_get_error(m_ssl, r);
        if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
          ERR_clear_error();
          return -1;
        }
        if (e == SSL_ERROR_WANT_READ) want = POLLIN;
      } else {
        const ssize_t r = ::send(m_sock, ptr + done, chunk, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (r > 0) {
          done += static_cast<std::size_t>(r);
          continue;
        }
        if (r < 0 && errno == EINTR) continue;
        if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) return -1;
      }
      GuardedServer::may_block();  // a slow reader: wait off the polling role
      if (!wait(want, until, false)) {
        ERR_clear_error();
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
  static constexpr ssize_t k_later = -2;        ///< nothing to read now
  static constexpr ssize_t k_later_write = -3;  ///< TLS must write before it can read

  /// True when the unread bytes begin with a whole request head (up to its blank line).
  bool head_whole() {
    constexpr std::string_view end = "\r\n\r\n";
    const std::string_view unread(m_buf.data() + m_off, m_len - m_off);
    const std::size_t from = std::max(m_scanned, m_off) - m_off;
    const std::size_t at = unread.find(end, from >= 3 ? from - 3 : 0);
    // Found: the next head (pipelined) is searched from its own start.
    m_scanned = at == std::string_view::npos ? m_len : m_off;
    return at != std::string_view::npos;
  }

  /// One non-blocking read into `into`: >0 bytes read, 0 at EOF, -1 on error, k_later or
  /// k_later_write when it must wait.
  ssize_t receive(char* into, std::size_t size) {
    m_drained = false;
    if (m_ssl) {
      const int r = SSL_read(m_ssl, into, static_cast<int>(size));
      if (r > 0) return r;
      const int e = SSL_get_error(m_ssl, r);
      if (e == SSL_ERROR_ZERO_RETURN) return 0;
      m_drained = e == SSL_ERROR_WANT_READ;
      if (e == SSL_ERROR_WANT_READ) return k_later;
      if (e == SSL_ERROR_WANT_WRITE) return k_later_write;
      ERR_clear_error();
      return -1;
    }
    while (true) {
      const ssize_t n = ::recv(m_sock, into, size, MSG_DONTWAIT);
      // A TCP read shorter than asked took all there was.
      if (n >= 0) m_drained = n > 0 && static_cast<std::size_t>(n) < size;
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      m_drained = errno == EAGAIN || errno == EWOULDBLOCK;
      return m_drained ? k_later : -1;
    }
  }

  /// Waits for `events` until the request's deadline (reading) or `until`; false on time out,
  /// or a stop of the server while the request is still being read.
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

  /// Refills the (consumed) buffer, waiting until the request's deadline; -1 past it or on
  /// error, 0 at EOF.
  ssize_t fill() {
    m_off = m_len = m_scanned = 0;
    while (true) {
      const ssize_t n = receive(m_buf.data(), m_buf.size());
      if (n > 0) {
        m_len = static_cast<std::size_t>(n);
        return n;
      }
      if (n == 0 || n == -1) return n;
      GuardedServer::may_block();
      if (!wait(n == k_later_write ? POLLOUT : POLLIN, Clock::time_point::max(), true)) {
        m_request.cut = true;
        return -1;
      }
    }
  }

  using Address = std::pair<std::string, int>;
  Address address(int (*name)(int, sockaddr*, socklen_t*)) const {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    Address out{"", 0};
    if (name(m_sock, reinterpret_cast<sockaddr*>(&a), &len) == 0)
      out.first = address_of(a, out.second);
    return out;
  }

  GuardedServer& m_server;
  int m_sock;
  SSL* m_ssl;
  RequestState& m_request;
  std::vector<char> m_buf;
  std::size_t m_off = 0, m_len = 0;  ///< the unread bytes are [m_off, m_len)
  std::size_t m_scanned = 0;         ///< bytes before this were searched for a head's end
  bool m_drained = false;            ///< see drained()
  mutable std::optional<Address> m_remote, m_local;
};

/// One client connection, in the epoll set (edge-triggered) from its accept to its close. At any
/// time it is either waiting (only the sweeper may touch it, under the table's mutex) or taken
/// by exactly one thread.
struct Connection {
  Connection(GuardedServer& server, std::uint64_t key, int socket_fd, SSL* tls)
      : id(key), sock(socket_fd), ssl(tls), stream(server, socket_fd, tls, request) {}
  ~Connection() {
    if (ssl) {
      SSL_shutdown(ssl);  // one try: the socket is non-blocking, and the peer may be gone
      SSL_free(ssl);
      ERR_clear_error();
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  std::uint64_t id;
  int sock;
  SSL* ssl;
  bool handshaken = false;
  bool taken = false;  ///< a thread serves it
  bool again = false;  ///< an event came while taken: the thread looks once more
  RequestState request;
  Clock::time_point idle_since;  ///< when its last answer was written (while not reading)
  std::size_t served = 0;        ///< requests answered
  DeadlineStream stream;
};

/// The epoll set of a listening server and the threads that serve it (see connections.hpp).
class ConnectionLoop {
 public:
  explicit ConnectionLoop(GuardedServer& server)
      : m_server(server),
        m_limits(server.m_limits),
        m_epoll(::epoll_create1(EPOLL_CLOEXEC)),
        m_threads_max(std::max<std::size_t>(1, m_limits.threads)),
        m_pollers_max(std::clamp<std::size_t>(
            m_limits.pollers ? m_limits.pollers : std::thread::hardware_concurrency(), 1,
            m_threads_max)) {
    for (std::size_t i = 0; i < m_threads_max; ++i) m_threads.emplace_back([this] { run(); });
  }
  ~ConnectionLoop() { stop(); }
  ConnectionLoop(const ConnectionLoop&) = delete;
  ConnectionLoop& operator=(const ConnectionLoop&) = delete;

  /// Takes in an accepted connection.
  void add(int sock) {
    ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
    // An answer is written as head, then body: without TCP_NODELAY the body waits for the
    // client's delayed ACK of the head (40 ms on Linux) on every keep-alive request.
    const int on = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    SSL* ssl = nullptr;
    if (m_server.m_tls && (!(ssl = SSL_new(m_server.m_tls)) || SSL_set_fd(ssl, sock) != 1)) {
      if (ssl) SSL_free(ssl);
      ERR_clear_error();
      ::close(sock);
      return;
    }
    const std::lock_guard lock(m_table_mutex);
    const std::uint64_t id = m_next_id++;
    auto& c =
        *m_table.emplace(id, std::make_unique<Connection>(m_server, id, sock, ssl)).first->second;
    // Its first request's deadline counts from now: a client that connects and says nothing
    // is closed then.
    c.request.start = Clock::now();
    set_reading(c, true);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLET;
    ev.data.u64 = id;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, sock, &ev) != 0) drop(id);
  }

  /// Stops: threads finish the request they run (a request still being read is cut), then
  /// every connection is closed.
  void stop() {
    {
      const std::lock_guard lock(m_role_mutex);
      if (m_stop) return;
      m_stop = true;
    }
    m_role_free.notify_all();
    for (auto& t : m_threads) t.join();
    const std::lock_guard lock(m_table_mutex);
    m_table.clear();
    ::close(m_epoll);
  }

  [[nodiscard]] bool under_pressure() const {
    return m_reading.load(std::memory_order_relaxed) > static_cast<int>(m_threads_max);
  }

  /// Marks whether `c`'s request is being read (its deadline applies), counting those that are.
  void set_reading(Connection& c, bool reading) {
    if (c.request.reading == reading) return;
    c.request.reading = reading;
    m_reading.fetch_add(reading ? 1 : -1, std::memory_order_relaxed);
  }

  /// Gives up this thread's polling role, and the events it has not served yet, to the others.
  void may_block() {
    if (!t_polling) return;
    t_polling = false;
    if (t_batch.next < t_batch.count) {
      const std::lock_guard lock(m_handed_mutex);
      for (int i = t_batch.next; i < t_batch.count; ++i) m_handed.push_back(t_batch.events[i]);
      m_handed_count = m_handed.size();
      t_batch.count = t_batch.next;
    }
    {
      const std::lock_guard lock(m_role_mutex);
      --m_polling;
    }
    m_role_free.notify_one();
  }

  static thread_local ConnectionLoop* t_loop;  ///< the loop of this thread, if any
  static thread_local Connection* t_conn;      ///< the connection this thread serves
  static thread_local bool t_polling;          ///< this thread holds a polling role

 private:
  static constexpr int k_batch = 32;  ///< events taken from the set at once
  /// The events a polling thread took from the set and serves in turn.
  struct Batch {
    std::array<std::uint64_t, k_batch> events{};
    int count = 0, next = 0;
  };
  static thread_local Batch t_batch;

  /// A thread's life: wait for a polling role, poll and serve until the role is given up
  /// (may_block), then again.
  void run() {
    t_loop = this;
    while (true) {
      {
        std::unique_lock lock(m_role_mutex);
        m_role_free.wait(lock, [&] { return m_stop || m_polling < m_pollers_max; });
        if (m_stop) return;
        ++m_polling;
      }
      t_polling = true;
      while (t_polling && !m_stop) {
        take_batch();
        while (t_batch.next < t_batch.count) serve(t_batch.events[t_batch.next++]);
        sweep_if_due();
      }
      if (t_polling) {
        t_polling = false;
        const std::lock_guard lock(m_role_mutex);
        --m_polling;
      }
    }
  }

  /// Fills t_batch: first with events a thread gave up (may_block), else from the set, waiting
  /// at most k_slice.
  void take_batch() {
    t_batch.count = t_batch.next = 0;
    if (m_handed_count.load(std::memory_order_relaxed) > 0) {
      const std::lock_guard lock(m_handed_mutex);
      while (!m_handed.empty() && t_batch.count < k_batch) {
        t_batch.events[static_cast<std::size_t>(t_batch.count++)] = m_handed.front();
        m_handed.pop_front();
      }
      m_handed_count = m_handed.size();
      if (t_batch.count > 0) return;
    }
    std::array<epoll_event, k_batch> events{};
    const int n = ::epoll_wait(m_epoll, events.data(), k_batch, static_cast<int>(k_slice.count()));
    for (int i = 0; i < n; ++i)
      t_batch.events[static_cast<std::size_t>(i)] = events[static_cast<std::size_t>(i)].data.u64;
    t_batch.count = std::max(n, 0);
  }

  /// Serves connection `id` after an event: as far as its bytes go, and again if more came
  /// meanwhile; then it waits in the set, or is closed.
  void serve(std::uint64_t id) {
    Connection* c = nullptr;
    {
      const std::lock_guard lock(m_table_mutex);
      const auto it = m_table.find(id);
      if (it == m_table.end()) return;  // closed since
      c = it->second.get();
      if (c->taken) {
        c->again = true;  // its thread looks once more before it lets go
        return;
      }
      c->taken = true;
    }
    t_conn = c;
    while (true) {
      const bool keep = serve_requests(*c);
      const std::lock_guard lock(m_table_mutex);
      if (keep && !m_stop && c->again) {
        c->again = false;
        continue;
      }
      if (keep && !m_stop) {
        c->taken = false;
      } else {
        drop(c->id);
      }
      break;
    }
    t_conn = nullptr;
  }

  /// Answers the requests whose heads have come; true to keep the connection for more.
  bool serve_requests(Connection& c) {
    if (c.ssl && !c.handshaken) {
      const Intake step = c.stream.handshake_step();
      if (step != Intake::head) return step == Intake::more;
      c.handshaken = true;
    }
    while (!stopping()) {
      const Intake in = c.stream.take_in();
      if (in == Intake::more) {
        if (c.stream.buffered() && !c.request.reading) {  // part of a request: its deadline runs
          c.request = RequestState{Clock::now(), false, false};
          set_reading(c, true);
        }
        return true;  // the rest comes later
      }
      if (in == Intake::over) {
        constexpr std::string_view answer =
            "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
            "Content-Length: 0\r\n\r\n";
        (void)!::send(c.sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      }
      if (in != Intake::head) return false;
      if (!c.request.reading) {
        c.request = RequestState{Clock::now(), false, false};
        set_reading(c, true);
      }
      const bool last = ++c.served >= m_limits.max_requests || stopping();
      bool closed = false;
      const bool ok = m_server.process_request(c.stream, last, closed, nullptr);
      set_reading(c, false);
      if (!ok || closed || last || c.request.cut) return false;
      c.idle_since = Clock::now();
      // Nothing left to read: the next bytes raise an event. Else look (pipelined requests).
      if (!c.stream.buffered() && c.stream.drained()) return true;
    }
    return false;
  }

  [[nodiscard]] bool stopping() const { return m_stop || m_server.stopping(); }

  /// Closes the waiting connections whose request deadline or keep-alive wait has passed. Runs
  /// at most once per k_slice, on whichever polling thread comes first.
  void sweep_if_due() {
    const auto now = Clock::now();
    auto due = m_next_sweep.load(std::memory_order_relaxed);
    if (now.time_since_epoch().count() < due ||
        !m_next_sweep.compare_exchange_strong(due, (now + k_slice).time_since_epoch().count()))
      return;
    const bool pressure = under_pressure();
    const std::lock_guard lock(m_table_mutex);
    std::vector<std::uint64_t> expired;
    for (const auto& [id, c] : m_table) {
      if (c->taken) continue;
      const auto end = c->request.reading ? c->request.start + (pressure ? m_limits.under_pressure
                                                                         : m_limits.request)
                                          : c->idle_since + m_limits.keep_alive;
      if (now >= end || stopping()) expired.push_back(id);
    }
    for (const auto id : expired) drop(id);
  }

  /// Closes connection `id` (caller holds m_table_mutex).
  void drop(std::uint64_t id) {
    const auto it = m_table.find(id);
    if (it == m_table.end()) return;
    set_reading(*it->second, false);
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, it->second->sock, nullptr);
    m_table.erase(it);
  }

  GuardedServer& m_server;
  const ConnectionLimits& m_limits;
  int m_epoll;
  const std::size_t m_threads_max;
  const std::size_t m_pollers_max;

  std::mutex m_table_mutex;
  std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> m_table;
  std::uint64_t m_next_id = 1;

  std::mutex m_role_mutex;
  std::condition_variable m_role_free;
  std::size_t m_polling = 0;        ///< threads holding a polling role
  std::atomic<bool> m_stop{false};  ///< written under m_role_mutex

  std::mutex m_handed_mutex;
  std::deque<std::uint64_t> m_handed;  ///< events given up by a thread that may block
  std::atomic<std::size_t> m_handed_count{0};

  std::atomic<int> m_reading{0};  ///< connections whose request is being read
  std::atomic<Clock::rep> m_next_sweep{0};
  std::vector<std::thread> m_threads;
};

thread_local ConnectionLoop::Batch ConnectionLoop::t_batch;
thread_local ConnectionLoop* ConnectionLoop::t_loop = nullptr;
thread_local Connection* ConnectionLoop::t_conn = nullptr;
thread_local bool ConnectionLoop::t_polling = false;

namespace {

/// httplib's task queue for one listen: its accept loop hands each connection to the loop
/// (enqueue runs process_and_close_socket at once, which only adds it), and its end stops the
/// loop.
class LoopQueue : public httplib::TaskQueue {
 public:
  explicit LoopQueue(GuardedServer& server, std::atomic<ConnectionLoop*>& current)
      : m_loop(std::make_unique<ConnectionLoop>(server)), m_current(current) {
    m_current = m_loop.get();
  }
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {
    m_loop->stop();
    m_current = nullptr;
  }

 private:
  std::unique_ptr<ConnectionLoop> m_loop;
  std::atomic<ConnectionLoop*>& m_current;
};

}  // namespace

GuardedServer::GuardedServer(const ConnectionLimits& limits, SSL_CTX* tls)
    : m_limits(limits), m_tls(tls) {
  new_task_queue = [this] { return new LoopQueue(*this, m_loop); };
  set_keep_alive_max_count(m_limits.max_requests);
  // Only for the Keep-Alive header of answers: the wait itself is the loop's.
  set_keep_alive_timeout(
      std::chrono::duration_cast<std::chrono::seconds>(m_limits.keep_alive).count());
}

GuardedServer::~GuardedServer() = default;

bool GuardedServer::under_pressure() const {
  const ConnectionLoop* loop = m_loop.load();
  return loop && loop->under_pressure();
}

bool GuardedServer::set_listen_backlog(int n) {
  return svr_sock_ != INVALID_SOCKET && ::listen(svr_sock_, n) == 0;
}

void GuardedServer::request_read() {
  if (auto* loop = ConnectionLoop::t_loop; loop && ConnectionLoop::t_conn)
    loop->set_reading(*ConnectionLoop::t_conn, false);
}

void GuardedServer::close_after_answer() {
  if (ConnectionLoop::t_conn) ConnectionLoop::t_conn->request.cut = true;
}

void GuardedServer::may_block() {
  if (auto* loop = ConnectionLoop::t_loop) loop->may_block();
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  if (ConnectionLoop* loop = m_loop.load()) {
    loop->add(sock);
  } else {
    ::close(sock);
  }
  return true;
}

}  // namespace gge::web::detail
