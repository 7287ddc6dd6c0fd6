// The web app's wiring: cpp-httplib's server with the limits, the security headers, the one
// dispatcher (path check, login, role, CSRF, route) and clean shutdown.
#include "gge/core/error.hpp"
#include "gge/web/serve.hpp"
#include "web/answer_cache.hpp"
#include "web/connections.hpp"
#include "web/request_values.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"
#include "web/tls.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <pthread.h>
#include <sys/socket.h>
#include <csignal>
#include <thread>

namespace gge::web {

using detail::Access;
using detail::Exchange;

namespace {

constexpr const char* k_csp =
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The Host values a no-login app answers (its own addresses): a page elsewhere that rebinds
/// its DNS name to 127.0.0.1 sends its own name and gets 421, never the planner's data.
bool host_allowed(const detail::AppState& app, const std::string& host, int port) {
  const std::string p = ":" + std::to_string(port);
  if (host == "127.0.0.1" + p || host == "localhost" + p || host == "[::1]" + p ||
      host == app.options.listen.host + p)
    return true;
  const auto& base = app.options.base_url;
  const auto scheme = base.find("://");
  if (scheme == std::string::npos) return false;
  const std::string authority = base.substr(scheme + 3, base.find('/', scheme + 3) - (scheme + 3));
  return host == authority;
}

/// The connection limits of `options`.
detail::ConnectionLimits limits_of(const ServeOptions& options) {
  detail::ConnectionLimits l;
  l.request = std::chrono::seconds{options.timeout_seconds};
  l.write = std::chrono::seconds{options.timeout_seconds};
  l.threads = options.threads;
  return l;
}

detail::TlsContext tls_of(const ServeOptions& options) {
  if (options.cert.empty() != options.key.empty())
    throw InputError({}, options.cert.empty() ? k_field_cert : k_field_key, "",
                     "TLS needs both a certificate and its key");
  if (options.cert.empty()) return {};
  return detail::make_tls_context(options.cert, options.key);
}

}  // namespace

struct App::Impl {
  detail::TlsContext tls;
  detail::AppState state;
  std::vector<detail::Route> routes;
  detail::GuardedServer server;
  int port = 0;

  explicit Impl(const ServeOptions& options)
      : tls(tls_of(options)),
        state{options,
              {},
              detail::StorePool(options.db),
              detail::LoginSessions(std::chrono::seconds{options.session_idle_seconds},
                                    std::chrono::seconds{options.session_max_seconds}),
              {},
              {}},
        server(limits_of(options), tls.get()) {}

  /// Everything before the handler: path, login, role, CSRF. Returns false when it answered.
  bool admit(Exchange& ex, const detail::Route& route) {
    const bool login = state.login_required();
    if (!login && !host_allowed(state, ex.req.get_header_value("Host"), port)) {
      detail::respond_error(ex, 421, "Host", ex.req.get_header_value("Host"),
                            "this app answers only under its own address");
      return false;
    }
    if (const std::string token = ex.cookie("gge_session"); !token.empty())
      ex.caller = state.sessions.find(token);
    const bool needs_caller = route.access != Access::open && route.access != Access::feed;
    if (!login && !ex.caller && needs_caller) {
      // No users file: everyone here is the local planner. A page, or /api/session, opens a login
      // session for its CSRF token; other API calls without a cookie read as a passing caller
      // without a token (so they cannot write), and leave no session behind.
      if (!ex.api() || ex.req.path == "/api/session") {
        const std::string token = state.sessions.create("local", Role::planner);
        ex.caller = state.sessions.find(token);
        ex.set_cookie("gge_session", token);
      } else {
        ex.caller = detail::Caller{"local", Role::planner, ""};
      }
    }
    if (route.access == Access::open ||
        (route.access == Access::feed && (state.options.public_feeds || !login)))
      return true;
    if (!ex.caller) {
      if (ex.req.method == "GET" && !ex.api() && route.access != Access::feed) {
        ex.res.status = 303;
        ex.res.set_header("Location", "/login");
        return false;
      }
      detail::respond_error(ex, 401, "", "", "log in first (POST /login with name and password)");
      return false;
    }
    if (route.access == Access::read || route.access == Access::feed) return true;
    if (route.access == Access::write && ex.caller->role != Role::planner) {
      detail::respond_error(ex, 403, "role", std::string{to_string(ex.caller->role)},
                            "viewers read only; a planner makes changes");
      return false;
    }
    std::string sent = ex.req.get_header_value("X-CSRF-Token");
    if (sent.empty() && ex.req.has_param("csrf")) sent = ex.req.get_param_value("csrf");
    if (sent.empty()) {
      if (const auto it = ex.json_body.find("csrf"); it != ex.json_body.end()) sent = it->second;
    }
    if (!detail::same_secret(sent, ex.caller->csrf)) {
      detail::respond_error(ex, 403, "csrf", "",
                            "missing or wrong CSRF token; reload the page and try again");
      return false;
    }
    return true;
  }

  /// Reads a JSON body into ex.json_body (request_values.hpp says what it takes).
  static void read_json_body(Exchange& ex) {
    const auto type = ex.req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0 || ex.req.body.empty()) return;
    ex.json_body = detail::json_body_values(ex.req.body);
  }

  /// The one dispatcher. Returns true when it answered (GET/HEAD always; a POST is answered
  /// here when refused before its body is read, else in `handle_post`).
  void dispatch(const httplib::Request& req, httplib::Response& res, bool body_read) {
    Exchange ex{state, req, res, std::nullopt, {}, {}, {}};
    if (!detail::is_app_path(req.path)) {
      detail::respond_error(ex, 404, "path", req.path, "not a page of this app");
      return;
    }
    bool method_known = false;
    const auto* route = detail::match_route(routes, req.method, req.path, ex.params, method_known);
    if (!route) {
      if (method_known) {
        detail::respond_error(ex, 405, "method", req.method, "not allowed here");
        return;
      }
      detail::respond_error(ex, 404, "path", req.path, "not a page of this app");
      return;
    }
    try {
      if (body_read) read_json_body(ex);
      if (!admit(ex, *route)) return;
      if (route->access == Access::write) {
        detail::GuardedServer::may_block();
        const std::lock_guard writing(state.write_mutex);
        route->handler(ex);
        state.database_may_have_changed();
        state.sessions.wrote(ex.cookie("gge_session"));
      } else if (route->cached) {
        detail::answer_cached(ex, req.target, route->handler);
      } else {
        route->handler(ex);
      }
    } catch (...) {
      detail::respond_exception(ex, std::current_exception());
    }
  }
};

App::App(ServeOptions options) {
  if (!options.listen.loopback() && options.users_file.empty())
    throw InputError(
        {}, k_field_listen, options.listen.host,
        "is not a loopback address; serving other machines needs --users FILE (logins)");
  if (!options.base_url.empty() && options.base_url.rfind("http://", 0) != 0 &&
      options.base_url.rfind("https://", 0) != 0)
    throw InputError({}, k_field_base_url, options.base_url, "expected an http:// or https:// URL");
  if (sodium_init() < 0) throw StorageError("libsodium could not be initialised");
  m_impl = std::make_unique<Impl>(options);
  auto& st = m_impl->state;
  if (!st.options.users_file.empty()) {
    st.users = read_users(st.options.users_file);
    if (st.users.empty())
      throw InputError({}, k_field_users, st.options.users_file.string(),
                       "lists no user; add one with gge user add");
  }
  (void)st.stores.lease();  // opens (and migrates) the database now: a bad one stops the start
  detail::add_auth_routes(m_impl->routes);
  detail::add_feed_routes(m_impl->routes);
  detail::add_api_routes(m_impl->routes);
  detail::add_page_routes(m_impl->routes);
  detail::add_static_routes(m_impl->routes);

  auto& srv = m_impl->server;
  // Timeouts, keep-alive and the thread pool are the GuardedServer's (web/connections.hpp).
  srv.set_payload_max_length(st.options.max_body_bytes);
  srv.set_default_headers({{"Content-Security-Policy", k_csp},
                           {"X-Content-Type-Options", "nosniff"},
                           {"X-Frame-Options", "DENY"},
                           {"Referrer-Policy", "same-origin"},
                           {"Cache-Control", "no-store"}});
  Impl* impl = m_impl.get();
  // Every GET/HEAD, and every refusal of a POST, is answered before httplib's own routing (and
  // its regular expressions) would look at the path; a POST that passes reaches the handler
  // below with its body read (and limited: 413 past max_body_bytes).
  srv.set_pre_routing_handler([impl](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "POST") {
      detail::GuardedServer::request_read();
      impl->dispatch(req, res, false);
      return httplib::Server::HandlerResponse::Handled;
    }
    Exchange ex{impl->state, req, res, std::nullopt, {}, {}, {}};
    bool method_known = false;
    const auto* route =
        detail::is_app_path(req.path)
            ? detail::match_route(impl->routes, req.method, req.path, ex.params, method_known)
            : nullptr;
    if (!route) {
      detail::GuardedServer::request_read();
      impl->dispatch(req, res, false);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  srv.Post("/.*", [impl](const httplib::Request& req, httplib::Response& res) {
    detail::GuardedServer::request_read();
    impl->dispatch(req, res, true);
  });
  srv.set_error_handler([impl](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // the app's own answer
    // httplib's own refusals (a malformed request, a body over the limit) leave the rest of the
    // request unread: the connection cannot go on.
    detail::GuardedServer::close_after_answer();
    Exchange ex{impl->state, req, res, std::nullopt, {}, {}, {}};
    const int status = res.status;
    if (status == 413)
      detail::respond_error(
          ex, 413, "body", "",
          fmt::format("larger than {} bytes", impl->state.options.max_body_bytes));
    else
      detail::respond_error(
          ex, status, "", "",
          status == 400 ? "malformed request" : fmt::format("HTTP status {}", status));
    res.status = status;
  });
}

App::~App() = default;

int App::bind() {
  auto& impl = *m_impl;
  const auto& l = impl.state.options.listen;
  const std::string host = l.host == "localhost" ? "127.0.0.1" : l.host;
  if (l.port == 0)
    impl.port = impl.server.bind_to_any_port(host);
  else
    impl.port = impl.server.bind_to_port(host, l.port) ? l.port : -1;
  if (impl.port <= 0)
    throw StorageError(fmt::format(
        "cannot listen on {}:{} (in use, or not an address of this machine)", l.host, l.port));
  impl.server.set_listen_backlog(SOMAXCONN);
  if (impl.state.options.base_url.empty())
    impl.state.options.base_url =
        fmt::format("{}://{}:{}", impl.tls ? "https" : "http",
                    l.host.find(':') != std::string::npos ? "[" + l.host + "]" : l.host, impl.port);
  return impl.port;
}

void App::run() {
  if (!m_impl->server.listen_after_bind()) throw StorageError("the server stopped with an error");
}

void App::stop() { m_impl->server.stop(); }

void run_until_signal(App& app) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&set, &sig);
    app.stop();
  });
  try {
    app.run();
  } catch (...) {
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    throw;
  }
  // run() returns only after stop(): the waiter has seen its signal.
  waiter.join();
}

}  // namespace gge::web
