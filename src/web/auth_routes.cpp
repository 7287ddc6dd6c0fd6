// Login and logout: a form posting name and password; a login session in an HttpOnly,
// SameSite=Strict cookie (Secure with TLS). Wrong name and wrong password get the same answer,
// after the same Argon2id work (a dummy hash is checked for an unknown name).
//
// The login form is protected from cross-site posts too (login CSRF: a page elsewhere logging
// the planner in as someone else): GET /login sets a random `gge_login` cookie (Path=/login,
// SameSite=Strict) and puts the same value in the form's `csrf` field; POST /login needs both,
// equal. POST /api/login needs `Content-Type: application/json`, which no cross-site form can
// send (the app answers no CORS preflight).
#include "gge/core/html.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"

#include <fmt/format.h>

#include <semaphore>

namespace gge::web::detail {
namespace {

/// Argon2id checks running at once: each takes 64 MiB and a core for a while, so a flood of
/// logins waits here instead of exhausting memory.
std::counting_semaphore<2> g_password_checks{2};

void login_form(Exchange& ex, const std::string& message = {}, int status = 200) {
  const std::string token = random_token();
  ex.set_cookie("gge_login", token, "/login");
  std::string body;
  if (!message.empty())
    body += fmt::format("<p class=\"error\" role=\"alert\">{}</p>\n", html_escape(message));
  body += fmt::format(
      "<form method=\"post\" action=\"/login\" class=\"login\">\n"
      "<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n"
      "<label>Name <input name=\"name\" autocomplete=\"username\" required></label>\n"
      "<label>Password <input name=\"password\" type=\"password\" "
      "autocomplete=\"current-password\" required></label>\n"
      "<button>Log in</button>\n</form>\n",
      token);
  respond_page(ex, "Log in", body, status);
}

void login_page(Exchange& ex) {
  if (!ex.app.login_required()) {
    ex.res.status = 303;
    ex.res.set_header("Location", "/");
    return;
  }
  login_form(ex);
}

/// False (and answered 403) when a login did not come from this app's own form or a JSON client.
bool login_csrf_ok(Exchange& ex) {
  if (ex.api()) {
    if (ex.req.get_header_value("Content-Type").rfind("application/json", 0) == 0) return true;
    respond_error(ex, 403, "Content-Type", ex.req.get_header_value("Content-Type"),
                  "log in with a JSON body (application/json)");
    return false;
  }
  const auto sent = ex.value("csrf");
  if (sent && same_secret(*sent, ex.cookie("gge_login"))) return true;
  login_form(ex, "The login form had expired or came from elsewhere; please log in again.", 403);
  return false;
}

void login(Exchange& ex) {
  if (!login_csrf_ok(ex)) return;
  const std::string name = ex.value("name").value_or("");
  const std::string password = ex.req.has_param("password")     ? ex.req.get_param_value("password")
                               : ex.json_body.count("password") ? ex.json_body.at("password")
                                                                : std::string{};
  const User* user = nullptr;
  for (const auto& u : ex.app.users)
    if (u.name == name) user = &u;
  static const User k_dummy{"", Role::viewer, hash_password("not a password of anyone")};
  g_password_checks.acquire();
  const bool ok = verify_password(user ? *user : k_dummy, password) && user;
  g_password_checks.release();
  if (!ok) {
    if (ex.api())
      respond_error(ex, 401, "name", name, "unknown name or wrong password");
    else
      login_form(ex, "Unknown name or wrong password.", 401);
    return;
  }
  const std::string token = ex.app.sessions.create(user->name, user->role);
  ex.set_cookie("gge_session", token);
  ex.set_cookie("gge_login", "", "/login", 0);
  ex.res.status = 303;
  ex.res.set_header("Location", "/");
}

void logout(Exchange& ex) {
  ex.app.sessions.erase(ex.cookie("gge_session"));
  ex.set_cookie("gge_session", "", "/", 0);
  if (ex.api()) {
    respond_json(ex, {{"logged_out", true}});
    return;
  }
  ex.res.status = 303;
  ex.res.set_header("Location", ex.app.login_required() ? "/login" : "/");
}

}  // namespace

void add_auth_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/login", Access::open, login_page});
  out.push_back({"POST", "/login", Access::open, [](Exchange& ex) { login(ex); }});
  out.push_back({"POST", "/api/login", Access::open, [](Exchange& ex) { login(ex); }});
  out.push_back({"POST", "/logout", Access::own, logout});
  out.push_back({"POST", "/api/logout", Access::own, logout});
}

}  // namespace gge::web::detail
