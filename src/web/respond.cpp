#include "web/respond.hpp"

#include "gge/core/error.hpp"
#include "gge/core/html.hpp"
#include "gge/core/text.hpp"
#include "gge/model/refs.hpp"
#include "gge/report/json.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace gge::web::detail {

void respond_json(Exchange& ex, const nlohmann::json& j, int status) {
  ex.res.status = status;
  ex.res.set_content(j.dump(2) + "\n", "application/json; charset=utf-8");
}

void respond_page(Exchange& ex, const std::string& title, const std::string& body_html,
                  int status) {
  std::string nav;
  if (ex.caller) {
    nav = fmt::format(
        "<nav><a href=\"/\">Overview</a> <a href=\"/timeline\">Timeline</a> <a "
        "href=\"/plan\">Plan</a> <a "
        "href=\"/check\">Check</a> "
        "<a href=\"/history\">History</a> <a href=\"/holidays\">Holidays and GA</a> <a "
        "href=\"/feeds\">Feeds</a>"
        "<span class=\"who\">{} ({})",
        html_escape(ex.caller->user), to_string(ex.caller->role));
    if (ex.app.login_required())
      nav += fmt::format(
          " <form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" "
          "value=\"{}\"><button>Log out</button></form>",
          html_escape(ex.caller->csrf));
    nav += "</span></nav>\n";
  }
  ex.res.status = status;
  ex.res.set_content(
      fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>{} · gge</title>\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
                  "</head>\n<body>\n{}<main>\n<h1>{}</h1>\n{}</main>\n</body>\n</html>\n",
                  html_escape(title), nav, html_escape(title), body_html),
      "text/html; charset=utf-8");
}

void respond_error(Exchange& ex, int status, const std::string& field, const std::string& value,
                   const std::string& problem, const nlohmann::json& extra) {
  const bool json = ex.api() || ex.req.path.rfind("/feeds/", 0) == 0;
  if (json) {
    nlohmann::json j = {{"field", field}, {"value", printable(value, 200)}, {"problem", problem}};
    for (const auto& [k, v] : extra.items()) j[k] = v;
    respond_json(ex, j, status);
    return;
  }
  std::string body = fmt::format(
      "<p class=\"error\" role=\"alert\">{}</p>\n",
      html_escape(field.empty()
                      ? problem
                      : fmt::format("{} '{}': {}", field, printable(value, 200), problem)));
  if (extra.contains("changes")) {
    body += "<h2>Changed since you loaded the page</h2>\n<ul>\n";
    for (const auto& c : extra["changes"])
      body +=
          fmt::format("<li>{} {} by {}: {} → {}</li>\n", html_escape(c.value("at", "")),
                      html_escape(c.value("action", "")), html_escape(c.value("user", "someone")),
                      html_escape(c["before"].dump()), html_escape(c["after"].dump()));
    body += "</ul>\n";
  }
  body += "<p><a href=\"/\">Back to the overview</a></p>\n";
  respond_page(ex, status == 409 ? "Changed by someone else" : "Cannot do that", body, status);
}

void respond_exception(Exchange& ex, std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const NotFound& nf) {
    respond_error(ex, 404, nf.field, nf.value, nf.problem);
  } catch (const StaleRevision& stale) {
    // What changed since the writer's revision: the session's log rows that raised it.
    nlohmann::json extra = nlohmann::json::object();
    try {
      auto store = ex.app.stores.lease();
      const auto ref = parse_session_ref(stale.key(), "session");
      if (const auto s = store->session(ref.body, ref.number)) extra["current"] = *s;
      nlohmann::json changes = nlohmann::json::array();
      for (const auto& c : store->changes(0, ChangeFilter{"session", stale.key(), "", ""})) {
        const auto after = c.after.empty() ? nlohmann::json() : nlohmann::json::parse(c.after);
        if (after.is_object() && after.value("revision", 0LL) > stale.from()) changes.push_back(c);
      }
      extra["changes"] = changes;
    } catch (const std::exception&) {  // the 409 stands without its details
    }
    respond_error(
        ex, 409,
        ex.fields.count(stale.field()) ? ex.fields.find(stale.field())->second : stale.field(),
        stale.value(), stale.problem(), extra);
  } catch (const InputError& bad) {
    const auto it = ex.fields.find(bad.field());
    respond_error(ex, 400, it == ex.fields.end() ? bad.field() : it->second, bad.value(),
                  bad.problem());
  } catch (const RefusedByFindings& refused) {
    respond_error(ex, 409, "", "", refused.what());
  } catch (const std::exception& other) {
    std::fprintf(stderr, "gge serve: %s %s: %s\n", ex.req.method.c_str(),
                 printable(ex.req.path, 200).c_str(), printable(other.what()).c_str());
    respond_error(ex, 500, "", "", "internal error; nothing was written (see the server's log)");
  }
}

}  // namespace gge::web::detail
