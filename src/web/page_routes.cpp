// The server-rendered pages (no JavaScript needed): overview, session (with its move and status
// forms), check, history, timeline, holidays and GA. Every value shown is escaped once
// (html_escape); every form carries the login session's CSRF token and, for a write, the
// revision it was made from.
#include "gge/core/fields.hpp"
#include "gge/core/html.hpp"
#include "gge/core/parse.hpp"
#include "gge/core/text.hpp"
#include "gge/report/timeline.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/check_store.hpp"
#include "gge/services/holidays.hpp"
#include "gge/services/session_edits.hpp"
#include "gge/services/stored_deadlines.hpp"
#include "gge/services/stored_timeline.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"
#include "web/session_writes.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>

namespace gge::web::detail {
namespace {

std::string e(std::string_view text) { return html_escape(text); }

std::string session_link(const Session& s) {
  return fmt::format("<a href=\"/sessions/{}/{}\">{}</a>", e(s.body), s.number,
                     e(to_string(ref_of(s))));
}

std::string csrf_field(const Exchange& ex) {
  return fmt::format("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", e(ex.caller->csrf));
}

std::string finding_item(const Finding& f) {
  return fmt::format("<li class=\"{}\"><strong>{}</strong> {} <code>{}</code> — {}{}</li>\n",
                     to_string(f.severity), e(to_string(f.severity)),
                     e(f.body + (f.session ? "#" + std::to_string(f.session) : "")), e(f.code),
                     e(f.reason), f.fix.empty() ? "" : " <em>Fix: " + e(f.fix) + "</em>");
}

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
  body += fmt::format("<p class=\"summary\"><a href=\"/check\">Check: {}, {}</a></p>\n",
                      counted(errors, "error"),
                      counted(static_cast<long long>(findings.size()) - errors, "warning"));
  body += "<h2>Mandates and their deadlines</h2>\n";
  const auto mandates = store->mandates();
  if (mandates.empty()) body += "<p>(no mandates)</p>\n";
  for (const auto& m : mandates) {
    body += fmt::format(
        "<section class=\"mandate\"><h3>{} — {} (resolution {})</h3>\n<table>\n"
        "<tr><th>Deadline</th><th>Date</th><th>How it is derived</th></tr>\n",
        e(m.key), e(m.body), e(m.resolution));
    for (const auto& step : explain_deadlines(*store, calendars, m.key))
      body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", e(step.kind),
                          to_iso(step.date), e(step.explanation));
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

void session_page(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const Session s = session_in_path(ex, *store);
  const auto meetings = store->meetings(s.body, s.number);
  const bool planner = ex.caller->role == Role::planner;
  std::string body = fmt::format(
      "<dl><dt>Dates</dt><dd>{} (first and last day inclusive)</dd><dt>Station</dt><dd>{}</dd>"
      "<dt>Room</dt><dd>{}</dd><dt>Status</dt><dd>{}</dd><dt>Revision</dt><dd>{}</dd><dt>Meetings</"
      "dt><dd>{}</dd></dl>\n",
      e(to_un_range(s.first, s.last)), e(s.station), e(s.room.empty() ? "-" : s.room),
      to_string(s.status), s.revision, meetings.size());
  if (planner) {
    const std::string action = fmt::format("/sessions/{}/{}", e(s.body), s.number);
    body += fmt::format(
        "<h2>Move</h2>\n<form method=\"post\" action=\"{0}/move\">{1}"
        "<input type=\"hidden\" name=\"revision\" value=\"{2}\">\n"
        "<label>First day <input name=\"first\" type=\"date\" value=\"{3}\" required></label>\n"
        "<label>Last day (empty: same length) <input name=\"last\" type=\"date\"></label>\n"
        "<label>Station <input name=\"station\" value=\"\" placeholder=\"{4}\"></label>\n"
        "<label>Room <input name=\"room\" value=\"\" placeholder=\"{5}\"></label>\n"
        "<button>Move</button></form>\n"
        "<h2>Status</h2>\n<form method=\"post\" action=\"{0}/status\">{1}"
        "<input type=\"hidden\" name=\"revision\" value=\"{2}\">\n<select name=\"status\">",
        action, csrf_field(ex), s.revision, to_iso(s.first), e(s.station), e(s.room));
    for (const auto status : {"planned", "confirmed", "held", "postponed", "cancelled"})
      body += fmt::format("<option{}>{}</option>", status == to_string(s.status) ? " selected" : "",
                          status);
    body += "</select> <button>Set status</button></form>\n";
  }
  if (!meetings.empty()) {
    body +=
        "<h2>Meetings</h2>\n<table><tr><th>#</th><th>Day</th><th>Time "
        "(station)</th><th>Kind</th><th>Room</th></tr>\n";
    for (const auto& m : meetings)
      body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}–{}</td><td>{}</td><td>{}</td></tr>\n",
                          m.number, to_iso(m.date), to_hhmm(m.start), to_hhmm(m.end), e(m.kind),
                          e(m.room));
    body += "</table>\n";
  }
  body += fmt::format("<p><a href=\"/history?key={}%23{}\">History of this session</a></p>\n",
                      e(s.body), s.number);
  respond_page(ex, to_string(ref_of(s)), body);
}

void after_write(Exchange& ex, const Session& s) {
  ex.res.status = 303;
  ex.res.set_header("Location", fmt::format("/sessions/{}/{}", s.body, s.number));
}

void check_page(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const auto findings = check_store(*store);
  std::string body = fmt::format("<p>{}.</p>\n<ul class=\"findings\">\n",
                                 counted(static_cast<long long>(findings.size()), "finding"));
  for (const auto& f : findings) body += finding_item(f);
  body += "</ul>\n";
  respond_page(ex, "Check", body);
}

void history_page(Exchange& ex) {
  ChangeFilter filter;
  filter.key = ex.value("key").value_or("");
  filter.table = ex.value("table").value_or("");
  auto store = ex.app.stores.lease();
  const auto changes = store->changes(300, filter);
  std::string body = fmt::format(
      "<form method=\"get\" action=\"/history\"><label>Key <input name=\"key\" "
      "value=\"{}\"></label> "
      "<label>Table <input name=\"table\" value=\"{}\"></label> <button>Filter</button></form>\n"
      "<table><tr><th>#</th><th>At "
      "(UTC)</th><th>Who</th><th>Action</th><th>Table</th><th>Key</th><th>Before</th><th>After</"
      "th></tr>\n",
      e(filter.key), e(filter.table));
  for (auto it = changes.rbegin(); it != changes.rend(); ++it)
    body += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</"
        "code></td><td><code>{}</code></td></tr>\n",
        it->id, e(it->at), e(it->user.empty() ? "-" : it->user), e(it->action), e(it->table),
        e(it->key), e(it->before), e(it->after));
  body += "</table>\n<p>The newest 300 changes, newest first.</p>\n";
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
  ex.res.set_content(to_html(build_timeline(*store, scope)), "text/html; charset=utf-8");
}

void holidays_page(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const auto stations = store->stations();
  std::string station = ex.value("station").value_or(stations.empty() ? "" : stations.front().code);
  int year = 0;
  const std::string year_text = ex.value("year").value_or("");
  if (!year_text.empty()) {
    const auto [end, ec] =
        std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (ec != std::errc{} || end != year_text.data() + year_text.size())
      throw InputError({}, "year", year_text, "expected a year, e.g. 2005");
  } else {
    const auto sessions = store->sessions();
    year = sessions.empty() ? 2005
                            : static_cast<int>(date::year_month_day{sessions.back().first}.year());
  }
  std::string body =
      "<form method=\"get\" action=\"/holidays\"><label>Station <select name=\"station\">";
  for (const auto& s : stations)
    body += fmt::format("<option{}>{}</option>", s.code == station ? " selected" : "", e(s.code));
  body += fmt::format(
      "</select></label> <label>Year <input name=\"year\" value=\"{}\" size=\"5\"></label> "
      "<button>Show</button></form>\n",
      year);
  if (!station.empty()) {
    body += fmt::format(
        "<h2>Closures of {} in "
        "{}</h2>\n<table><tr><th>Observed</th><th>Holiday</th><th>Status</th><th>Source</th></"
        "tr>\n",
        e(station), year);
    for (const auto& c : station_year(*store, station, year))
      body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                          to_iso(c.observed), e(c.name), e(to_string(c.status)), e(c.source));
    body += "</table>\n";
  }
  const Calendars calendars(*store);
  body +=
      "<h2>General Assembly "
      "sessions</h2>\n<table><tr><th>Session</th><th>Opening</th><th>Source</th><th>High-level "
      "week</th></tr>\n";
  for (int n = year - 1946; n <= year - 1944; ++n) {
    if (n < 1) continue;
    const auto d = calendars.ga().session(n);
    body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{} to {}</td></tr>\n", n,
                        to_iso(d.opening.date), e(d.opening.source), to_iso(d.high_level_first),
                        to_iso(d.high_level_last));
  }
  body += "</table>\n";
  respond_page(ex, "Holidays and GA", body);
}

}  // namespace

void add_page_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/", Access::read, overview});
  out.push_back({"GET", "/sessions/*/*", Access::read, session_page});
  out.push_back({"POST", "/sessions/*/*/move", Access::write,
                 [](Exchange& ex) { after_write(ex, move_from_form(ex)); }});
  out.push_back({"POST", "/sessions/*/*/status", Access::write,
                 [](Exchange& ex) { after_write(ex, status_from_form(ex)); }});
  out.push_back({"GET", "/check", Access::read, check_page});
  out.push_back({"GET", "/history", Access::read, history_page});
  out.push_back({"GET", "/timeline", Access::read, timeline_page});
  out.push_back({"GET", "/holidays", Access::read, holidays_page});
}

}  // namespace gge::web::detail
