// The server-rendered pages (no JavaScript needed): overview, check, history, timeline; the
// session, plan and holiday pages have files of their own (session_pages.cpp, plan_page.cpp,
// holiday_page.cpp). Every value shown is escaped once (html_escape); every form carries the
// login session's CSRF token and, for a write, the revision it was made from.
#include "gge/core/fields.hpp"
#include "gge/core/html.hpp"
#include "gge/core/parse.hpp"
#include "gge/core/text.hpp"
#include "gge/report/timeline.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/check_store.hpp"
#include "gge/services/stored_deadlines.hpp"
#include "gge/services/stored_timeline.hpp"
#include "web/page_parts.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"

#include <fmt/format.h>

#include <map>

namespace gge::web::detail {
namespace {

std::string e(std::string_view text) { return esc(text); }

void overview(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const Store::Snapshot view(*store);
  const Calendars calendars(*store);
  std::string body;
  CheckOptions quick;
  quick.suggest_fixes = false;
  const auto findings = check_store(*store, calendars, {}, quick);
  const auto errors = std::count_if(findings.begin(), findings.end(),
                                    [](const Finding& f) { return f.severity == Severity::error; });
  body += fmt::format(
      "<p class=\"summary\" data-errors=\"{}\" data-findings=\"{}\"><a href=\"/check\">Check: {}, "
      "{}</a></p>\n",
      errors, findings.size(), counted(errors, "error"),
      counted(static_cast<long long>(findings.size()) - errors, "warning"));
  body += "<h2>Mandates and their deadlines</h2>\n";
  const auto mandates = store->mandates();
  if (mandates.empty()) body += "<p>(no mandates)</p>\n";
  for (const auto& m : mandates) {
    body += fmt::format(
        "<section class=\"mandate\" data-mandate=\"{0}\"><h3>{0} — {1} (resolution {2})</h3>\n"
        "<p><a href=\"/plan?mandate={0}\">Plan its sessions</a> · <a "
        "href=\"/timeline?body={1}\">Timeline</a></p>\n<table>\n"
        "<tr><th>Deadline</th><th>Date</th><th>How it is derived</th></tr>\n",
        e(m.key), e(m.body), e(m.resolution));
    for (const auto& step : explain_deadlines(*store, calendars, m.key))
      body += fmt::format(
          "<tr data-kind=\"{0}\"><td>{0}</td><td class=\"date\">{1}</td><td>{2}</td></tr>\n",
          e(step.kind), to_iso(step.date), e(step.explanation));
    body += "</table></section>\n";
  }
  body += "<h2>Sessions by status</h2>\n";
  std::map<std::string, std::vector<Session>> by_status;
  for (const auto& s : store->sessions()) by_status[std::string{to_string(s.status)}].push_back(s);
  for (const auto status : {"planned", "confirmed", "held", "postponed", "cancelled"}) {
    const auto it = by_status.find(status);
    body +=
        fmt::format("<h3>{} ({})</h3>\n", status, it == by_status.end() ? 0 : it->second.size());
    if (it == by_status.end()) continue;
    body += "<ul>\n";
    for (const auto& s : it->second)
      body += fmt::format("<li>{}: {} at {}</li>\n", session_link(s),
                          e(to_un_range(s.first, s.last)), e(s.station));
    body += "</ul>\n";
  }
  respond_page(ex, "Overview", body);
}

void check_page(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const auto findings = check_store(*store);
  std::string body =
      fmt::format("<p>{}.</p>\n", counted(static_cast<long long>(findings.size()), "finding"));
  body += finding_list(ex, *store, findings, "No findings.");
  respond_page(ex, "Check", body);
}

/// The change log, newest first, filtered by key (a body selects its sessions and meetings
/// too), table, user and day.
void history_page(Exchange& ex) {
  ChangeFilter filter;
  filter.key = ex.value("key").value_or("");
  if (const auto body = ex.value("body")) filter.key = *body;  // a body is the key of its rows
  filter.table = ex.value("table").value_or("");
  filter.user = ex.value("user").value_or("");
  if (const auto since = ex.value("since")) filter.since = to_iso(parse_date(*since, "since"));
  auto store = ex.app.stores.lease();
  std::string body =
      "<form class=\"filter\" method=\"get\" action=\"/history\"><label>Body <select "
      "name=\"body\"><option value=\"\">(any)</option>";
  for (const auto& b : store->bodies())
    body += fmt::format("<option{}>{}</option>", b.symbol == filter.key ? " selected" : "",
                        e(b.symbol));
  body += "</select></label> <label>Table <select name=\"table\"><option value=\"\">(any)</option>";
  for (const auto table :
       {"session", "meeting", "holiday", "deadline", "mandate", "body", "station", "room", "expert",
        "membership", "holiday_rule", "ga_opening", "blackout", "busy_time", "resolution"})
    body += fmt::format("<option{}>{}</option>", filter.table == table ? " selected" : "", table);
  body += fmt::format(
      "</select></label> <label>User <input name=\"user\" size=\"10\" value=\"{}\"></label> "
      "<label>Key <input name=\"key\" value=\"{}\" placeholder=\"GGE-ICT-2004#2\"></label> "
      "<label>Since <input name=\"since\" type=\"date\" value=\"{}\"></label> "
      "<button>Filter</button></form>\n",
      e(filter.user), ex.value("body") ? "" : e(filter.key), e(filter.since));
  const auto changes = store->changes(300, filter);
  body += fmt::format(
      "<table class=\"history\"><tr><th>#</th><th>At (UTC)</th><th>Who</th><th>Action</th>"
      "<th>Table</th><th>Key</th><th>Before</th><th>After</th></tr>\n");
  for (auto it = changes.rbegin(); it != changes.rend(); ++it)
    body += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</"
        "code></td><td><code>{}</code></td></tr>\n",
        it->id, e(it->at), e(it->user.empty() ? "-" : it->user), e(it->action), e(it->table),
        e(it->key), e(it->before), e(it->after));
  body += fmt::format("</table>\n<p>{}, newest first (at most 300).</p>\n",
                      counted(static_cast<long long>(changes.size()), "change"));
  respond_page(ex, "History", body);
}

void timeline_page(Exchange& ex) {
  TimelineScope scope;
  scope.body = ex.value("body").value_or("");
  scope.station = ex.value("station").value_or("");
  if (const auto v = ex.value("from")) scope.from = parse_date(*v, "from");
  if (const auto v = ex.value("to")) scope.to = parse_date(*v, "to");
  ex.fields = {{fields::k_body, "body"},
               {fields::k_station, "station"},
               {fields::k_first_day, "from"},
               {fields::k_last_day, "to"}};
  auto store = ex.app.stores.lease();
  // The same page as `gge timeline`, with each bar a link to its session and the script that
  // drags bars to preview a move (/static/timeline.js; the page works without it).
  TimelineHtmlOptions options;
  options.session_href = "/sessions/";
  options.script_src = "/static/timeline.js";
  options.nav_html =
      "<nav class=\"app\"><a href=\"/\">Overview</a> <a href=\"/plan\">Plan</a> <a "
      "href=\"/check\">Check</a> <a href=\"/history\">History</a> <a href=\"/holidays\">Holidays "
      "and GA</a></nav>";
  ex.res.set_content(to_html(build_timeline(*store, scope), options), "text/html; charset=utf-8");
}

}  // namespace

void add_page_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/", Access::read, overview});
  out.push_back({"GET", "/check", Access::read, check_page});
  out.push_back({"GET", "/history", Access::read, history_page});
  out.push_back({"GET", "/timeline", Access::read, timeline_page});
  add_session_page_routes(out);
  add_plan_routes(out);
  add_holiday_routes(out);
}

}  // namespace gge::web::detail
