// A session's page and its actions, all usable without JavaScript: details and meetings; for a
// planner the move form (with a preview that writes nothing), status, cancel, generate or clear
// meetings; the findings about it with their fixes, each fix one click. The preview page lists
// what a move would change in `gge check` and offers to save it.
#include "gge/core/text.hpp"
#include "gge/services/check_store.hpp"
#include "gge/services/session_edits.hpp"
#include "web/page_parts.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"
#include "web/session_writes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace gge::web::detail {
namespace {

/// The findings of `gge check` that name session `s` (filed under it, or a subject).
std::vector<Finding> findings_about(const Store& store, const Session& s) {
  CheckFilter filter;
  filter.body = s.body;
  auto findings = check_store(store, filter);
  const std::string id = to_string(ref_of(s));
  std::erase_if(findings, [&](const Finding& f) {
    return f.session != s.number &&
           std::find(f.subjects.begin(), f.subjects.end(), id) == f.subjects.end();
  });
  return findings;
}

std::string move_form(const Exchange& ex, const Session& s) {
  const std::string action = fmt::format("/sessions/{}/{}", esc(s.body), s.number);
  return fmt::format(
      "<h2 class=\"actions\">Move</h2>\n<form class=\"move\" method=\"post\" "
      "action=\"{0}/move\">{1}"
      "<input type=\"hidden\" name=\"revision\" value=\"{2}\">\n"
      "<label>First day <input name=\"first\" type=\"date\" value=\"{3}\" required></label>\n"
      "<label>Last day (empty: same length) <input name=\"last\" type=\"date\"></label>\n"
      "<label>Station <input name=\"station\" value=\"\" size=\"6\" placeholder=\"{4}\"></label>\n"
      "<label>Room <input name=\"room\" value=\"\" placeholder=\"{5}\"></label>\n"
      "<button formaction=\"{0}/preview\">Preview the findings</button> "
      "<button>Move</button></form>\n",
      action, csrf_field(ex), s.revision, to_iso(s.first), esc(s.station), esc(s.room));
}

std::string status_forms(const Exchange& ex, const Session& s) {
  const std::string action = fmt::format("/sessions/{}/{}", esc(s.body), s.number);
  std::string out = fmt::format(
      "<h2 class=\"actions\">Status</h2>\n<form class=\"status\" method=\"post\" "
      "action=\"{0}/status\">{1}"
      "<input type=\"hidden\" name=\"revision\" value=\"{2}\">\n<select name=\"status\">",
      action, csrf_field(ex), s.revision);
  for (const auto status : {"planned", "confirmed", "held", "postponed", "cancelled"})
    out += fmt::format("<option{}>{}</option>", status == to_string(s.status) ? " selected" : "",
                       status);
  out += "</select> <button>Set status</button></form>\n";
  if (s.status != SessionStatus::cancelled)
    out += fmt::format(
        "<form class=\"cancel\" method=\"post\" action=\"{0}/status\">{1}"
        "<input type=\"hidden\" name=\"revision\" value=\"{2}\">"
        "<input type=\"hidden\" name=\"status\" value=\"cancelled\">"
        "<button>Cancel the session</button></form>\n",
        action, csrf_field(ex), s.revision);
  out += fmt::format(
      "<h2 class=\"actions\">Meetings</h2>\n<form class=\"generate\" method=\"post\" "
      "action=\"{0}/meetings/generate\">"
      "{1}<input type=\"hidden\" name=\"revision\" value=\"{2}\">"
      "<button>Generate meetings</button></form> "
      "<form class=\"clear\" method=\"post\" action=\"{0}/meetings/clear\">{1}"
      "<input type=\"hidden\" name=\"revision\" value=\"{2}\">"
      "<button>Clear meetings</button></form>\n",
      action, csrf_field(ex), s.revision);
  return out;
}

void session_page(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const Session s = session_in_path(ex, *store);
  const auto meetings = store->meetings(s.body, s.number);
  std::string body = fmt::format(
      "<dl class=\"session\" data-session=\"{6}\" data-revision=\"{4}\"><dt>Dates</dt><dd>{0} "
      "(first and last day inclusive)</dd><dt>Station</dt><dd>{1}</dd><dt>Room</dt><dd>{2}</dd>"
      "<dt>Status</dt><dd>{3}</dd><dt>Revision</dt><dd>{4}</dd><dt>Meetings</dt><dd>{5}</dd></"
      "dl>\n",
      esc(to_un_range(s.first, s.last)), esc(s.station), esc(s.room.empty() ? "-" : s.room),
      to_string(s.status), s.revision, meetings.size(), esc(to_string(ref_of(s))));
  body += "<h2>Findings of gge check about it</h2>\n" +
          finding_list(ex, *store, findings_about(*store, s), "No findings.");
  if (can_write(ex)) body += move_form(ex, s) + status_forms(ex, s);
  if (!meetings.empty()) {
    body +=
        "<table class=\"meetings\"><tr><th>#</th><th>Day</th><th>Time (station)</th>"
        "<th>Kind</th><th>Room</th></tr>\n";
    for (const auto& m : meetings)
      body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}–{}</td><td>{}</td><td>{}</td></tr>\n",
                          m.number, to_iso(m.date), to_hhmm(m.start), to_hhmm(m.end), esc(m.kind),
                          esc(m.room));
    body += "</table>\n";
  }
  body += fmt::format(
      "<p><a href=\"/history?key={}%23{}\">History of this session</a> · <a "
      "href=\"/timeline?body={}\">Timeline of {}</a></p>\n",
      esc(s.body), s.number, esc(s.body), esc(s.body));
  respond_page(ex, to_string(ref_of(s)), body);
}

/// POST .../preview (the move form's fields; a read: it writes nothing, so it needs no CSRF
/// token and a viewer may ask): what the move would change, and a form that saves it from the
/// revision previewed.
void preview_page(Exchange& ex) {
  const MovePreview p = preview_from_form(ex);
  auto store = ex.app.stores.lease();
  const Session& a = p.after;
  std::string body = fmt::format(
      "<p class=\"preview\" data-first=\"{}\" data-last=\"{}\">Moving {} from {} to "
      "<strong>{}</strong> at "
      "{}{} would change the check as follows. Nothing has been written yet.</p>\n",
      to_iso(a.first), to_iso(a.last), session_link(p.before),
      esc(to_un_range(p.before.first, p.before.last)), esc(to_un_range(a.first, a.last)),
      esc(a.station), a.room.empty() ? "" : ", " + esc(a.room));
  body += "<h2>Findings the move would cause</h2>\n" +
          finding_list(ex, *store, p.added, "None: the move adds no finding.");
  body += "<h2>Findings it would resolve</h2>\n" + finding_list(ex, *store, p.resolved, "None.");
  if (can_write(ex))
    body += fmt::format(
        "<form class=\"save\" method=\"post\" action=\"/sessions/{}/{}/move\">{}"
        "<input type=\"hidden\" name=\"revision\" value=\"{}\">"
        "<input type=\"hidden\" name=\"first\" value=\"{}\"><input type=\"hidden\" name=\"last\" "
        "value=\"{}\"><input type=\"hidden\" name=\"station\" value=\"{}\">"
        "<input type=\"hidden\" name=\"room\" value=\"{}\"><button>Save this "
        "move</button></form>\n",
        esc(a.body), a.number, csrf_field(ex), p.before.revision, to_iso(a.first), to_iso(a.last),
        esc(a.station), esc(a.room));
  body += fmt::format("<p><a href=\"/sessions/{}/{}\">Back to {} without moving it</a></p>\n",
                      esc(a.body), a.number, esc(to_string(ref_of(a))));
  respond_page(ex, "Preview: move " + to_string(ref_of(a)), body);
}

void after_write(Exchange& ex, const Session& s) {
  ex.res.status = 303;
  ex.res.set_header("Location", fmt::format("/sessions/{}/{}", s.body, s.number));
}

}  // namespace

void add_session_page_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/sessions/*/*", Access::read, session_page});
  out.push_back({"POST", "/sessions/*/*/preview", Access::read, preview_page});
  out.push_back({"POST", "/sessions/*/*/move", Access::write,
                 [](Exchange& ex) { after_write(ex, move_from_form(ex)); }});
  out.push_back({"POST", "/sessions/*/*/status", Access::write,
                 [](Exchange& ex) { after_write(ex, status_from_form(ex)); }});
  out.push_back({"POST", "/sessions/*/*/meetings/generate", Access::write,
                 [](Exchange& ex) { after_write(ex, generate_from_form(ex)); }});
  out.push_back({"POST", "/sessions/*/*/meetings/clear", Access::write,
                 [](Exchange& ex) { after_write(ex, clear_from_form(ex)); }});
}

}  // namespace gge::web::detail
