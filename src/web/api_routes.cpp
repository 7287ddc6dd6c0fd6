// The JSON API under /api/ (README "gge serve"): the CLI's --json output for the same reads,
// from the same services and the same JSON shapes (report/json.hpp), and the session writes.
#include "gge/core/fields.hpp"
#include "gge/core/parse.hpp"
#include "gge/report/json.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/check_store.hpp"
#include "gge/services/session_edits.hpp"
#include "gge/services/stored_deadlines.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"
#include "web/session_writes.hpp"

#include <charconv>

namespace gge::web::detail {
namespace {

std::optional<Date> date_value(const Exchange& ex, const std::string& name) {
  const auto v = ex.value(name);
  if (!v) return std::nullopt;
  return parse_date(*v, name);
}

void whoami(Exchange& ex) {
  respond_json(
      ex,
      {{"user", ex.caller->user}, {"role", to_string(ex.caller->role)}, {"csrf", ex.caller->csrf}});
}

void sessions(Exchange& ex) {
  ex.fields = {
      {fields::k_body, "body"}, {fields::k_station, "station"}, {fields::k_last_day, "to"}};
  SessionFilter filter;
  filter.body = ex.value("body").value_or("");
  filter.station = ex.value("station").value_or("");
  if (const auto s = ex.value("status")) filter.status = require_session_status(*s, "status");
  filter.from = date_value(ex, "from");
  filter.to = date_value(ex, "to");
  auto store = ex.app.stores.lease();
  respond_json(ex, list_sessions(*store, filter));
}

void session_show(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const Session s = session_in_path(ex, *store);
  respond_json(ex, {{"session", s}, {"meetings", store->meetings(s.body, s.number)}});
}

void check(Exchange& ex) {
  ex.fields = {{fields::k_body, "body"}, {fields::k_mandate, "mandate"}};
  CheckFilter filter;
  filter.body = ex.value("body").value_or("");
  filter.mandate = ex.value("mandate").value_or("");
  filter.from = date_value(ex, "from");
  filter.to = date_value(ex, "to");
  if (filter.from && filter.to && *filter.to < *filter.from)
    throw InputError({}, "to", to_iso(*filter.to), "is before from " + to_iso(*filter.from));
  auto store = ex.app.stores.lease();
  respond_json(ex, check_report_json(check_store(*store, filter)));
}

void mandates(Exchange& ex) {
  auto store = ex.app.stores.lease();
  respond_json(ex, store->mandates());
}

void mandate_show(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const auto m = store->mandate(ex.params.at(0));
  if (!m) throw NotFound{"mandate", ex.params.at(0), "no such mandate"};
  respond_json(ex, {{"mandate", *m}, {"deadlines", store->deadlines(m->key)}});
}

void deadlines(Exchange& ex) {
  auto store = ex.app.stores.lease();
  if (!store->mandate(ex.params.at(0)))
    throw NotFound{"mandate", ex.params.at(0), "no such mandate"};
  respond_json(ex, explain_deadlines(*store, Calendars(*store), ex.params.at(0)));
}

void log(Exchange& ex) {
  ChangeFilter filter;
  filter.table = ex.value("table").value_or("");
  filter.key = ex.value("key").value_or("");
  if (const auto since = date_value(ex, "since")) filter.since = to_iso(*since);
  std::size_t limit = 500;
  if (const auto n = ex.value("limit")) {
    const auto [end, ec] = std::from_chars(n->data(), n->data() + n->size(), limit);
    if (ec != std::errc{} || end != n->data() + n->size() || limit == 0 || limit > 100'000)
      throw InputError({}, "limit", *n, "expected a count of changes, 1 to 100000");
  }
  auto store = ex.app.stores.lease();
  respond_json(ex, store->changes(limit, filter));
}

/// GET /api/sessions/BODY/N/preview?first=&last=&station=&room=&revision=: preview_move; writes
/// nothing. {before, after, added, resolved, findings} (findings: the moved plan's about it).
void preview(Exchange& ex) {
  const MovePreview p = preview_from_form(ex);
  respond_json(ex, {{"before", p.before},
                    {"after", p.after},
                    {"added", p.added},
                    {"resolved", p.resolved},
                    {"findings", p.session_findings}});
}

void move(Exchange& ex) { respond_json(ex, move_from_form(ex)); }
void status(Exchange& ex) { respond_json(ex, status_from_form(ex)); }

}  // namespace

void add_api_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/session", Access::read, whoami});
  out.push_back({"GET", "/api/sessions", Access::read, sessions, true});
  out.push_back({"GET", "/api/sessions/*/*", Access::read, session_show, true});
  out.push_back({"GET", "/api/sessions/*/*/preview", Access::read, preview});
  out.push_back({"POST", "/api/sessions/*/*/move", Access::write, move});
  out.push_back({"POST", "/api/sessions/*/*/status", Access::write, status});
  out.push_back({"GET", "/api/check", Access::read, check, true});
  out.push_back({"GET", "/api/mandates", Access::read, mandates, true});
  out.push_back({"GET", "/api/mandates/**", Access::read, mandate_show, true});
  out.push_back({"GET", "/api/deadlines/**", Access::read, deadlines, true});
  out.push_back({"GET", "/api/log", Access::read, log, true});
}

}  // namespace gge::web::detail
