// Login and logout: a form posting name and password; a login session in an HttpOnly,
// SameSite=Strict cookie. Wrong name and wrong password get the same answer, after the same
// Argon2id work (a dummy hash is checked for an unknown name).
#include "gge/core/html.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"

#include <fmt/format.h>

namespace gge::web::detail {
namespace {

void login_form(Exchange& ex, const std::string& message = {}, int status = 200) {
  std::string body;
  if (!message.empty())
    body += fmt::format("<p class=\"error\" role=\"alert\">{}</p>\n", html_escape(message));
  body +=
      "<form method=\"post\" action=\"/login\" class=\"login\">\n"
      "<label>Name <input name=\"name\" autocomplete=\"username\" required></label>\n"
      "<label>Password <input name=\"password\" type=\"password\" "
      "autocomplete=\"current-password\" required></label>\n"
      "<button>Log in</button>\n</form>\n";
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

void login(Exchange& ex) {
  const std::string name = ex.value("name").value_or("");
  const std::string password = ex.req.has_param("password")     ? ex.req.get_param_value("password")
                               : ex.json_body.count("password") ? ex.json_body.at("password")
                                                                : std::string{};
  const User* user = nullptr;
  for (const auto& u : ex.app.users)
    if (u.name == name) user = &u;
  static const User k_dummy{"", Role::viewer, hash_password("not a password of anyone")};
  const bool ok = verify_password(user ? *user : k_dummy, password) && user;
  if (!ok) {
    if (ex.api())
      respond_error(ex, 401, "name", name, "unknown name or wrong password");
    else
      login_form(ex, "Unknown name or wrong password.", 401);
    return;
  }
  const std::string token = ex.app.sessions.create(user->name, user->role);
  ex.res.set_header("Set-Cookie", "gge_session=" + token + "; Path=/; HttpOnly; SameSite=Strict");
  ex.res.status = 303;
  ex.res.set_header("Location", "/");
}

void logout(Exchange& ex) {
  const std::string header = ex.req.get_header_value("Cookie");
  const auto at = header.find("gge_session=");
  if (at != std::string::npos) ex.app.sessions.erase(header.substr(at + 12, 64));
  ex.res.set_header("Set-Cookie", "gge_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  ex.res.status = 303;
  ex.res.set_header("Location", ex.app.login_required() ? "/login" : "/");
}

}  // namespace

void add_auth_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/login", Access::open, login_page});
  out.push_back({"POST", "/login", Access::open, [](Exchange& ex) { login(ex); }});
  out.push_back({"POST", "/api/login", Access::open, [](Exchange& ex) { login(ex); }});
  out.push_back({"POST", "/logout", Access::own, logout});
}

}  // namespace gge::web::detail
