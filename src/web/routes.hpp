#pragma once
// The app's routes: a method, a path pattern ("/api/sessions/*/*": each * one segment; a last
// "**" one or more segments, slashes kept, for keys that hold one), who
// may call it, and the handler. The router matches segment by segment, so no regular
// expression ever reads a request's path.
#include "web/exchange.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gge::web::detail {

enum class Access {
  open,   ///< anyone (login page, static files)
  feed,   ///< anyone with --public-feeds, else a logged-in user
  read,   ///< a logged-in user (anyone without a users file)
  write,  ///< a logged-in planner with the login session's CSRF token
  own,    ///< a logged-in user of any role with the CSRF token (log out)
};

struct Route {
  std::string method;   ///< "GET" (HEAD too) or "POST"
  std::string pattern;  ///< "/sessions/*/*"
  Access access = Access::read;
  std::function<void(Exchange&)> handler;
  /// The answer depends only on the database and the request target (not on the caller, the
  /// clock or a header): kept until the database changes, with ETag and 304 (answer_cache.hpp).
  bool cached = false;
};

/// Routes of each area, appended to `out`.
void add_feed_routes(std::vector<Route>& out);
void add_api_routes(std::vector<Route>& out);
void add_page_routes(std::vector<Route>& out);  ///< calls the three below
void add_session_page_routes(std::vector<Route>& out);
void add_plan_routes(std::vector<Route>& out);
void add_holiday_routes(std::vector<Route>& out);
void add_auth_routes(std::vector<Route>& out);
void add_static_routes(std::vector<Route>& out);

/// The route for `method` and `path`, with the `*` segments in `params`; nullptr when none.
/// `method_known` is set when the path matches a route of another method (405).
const Route* match_route(const std::vector<Route>& routes, std::string_view method,
                         std::string_view path, std::vector<std::string>& params,
                         bool& method_known);

/// True for a path the app could serve: starts with "/", at most 512 bytes, only
/// [A-Za-z0-9._~@+-] between single slashes, no "." or ".." segment. Checked on the decoded
/// path before any route is looked at, so "/feeds/../gge.db" and its encodings are 404.
bool is_app_path(std::string_view path);

}  // namespace gge::web::detail
