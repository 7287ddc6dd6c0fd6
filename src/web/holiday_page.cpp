// The holidays and GA page: a station-year's closures with their status; for a planner a form
// on each estimated closure (an Eid) that records the circular's date (confirm_holiday, the
// service behind `gge holidays confirm`), after which the page lists the deadlines that moved;
// and GA session N with its dates and where each comes from.
#include "gge/core/parse.hpp"
#include "gge/core/text.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/export_ics.hpp"
#include "gge/services/holidays.hpp"
#include "web/page_parts.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"

#include <fmt/format.h>

namespace gge::web::detail {
namespace {

std::string ga_table(const Calendars& calendars, int n) {
  const auto d = calendars.ga().session(n);
  const Date today = date::floor<date::days>(dtstamp_from_env());
  const OpeningBasis basis = calendars.ga().basis(n, today);
  std::string out = fmt::format(
      "<table class=\"ga\" data-session=\"{}\"><tr><th>Opening</th><td>{}</td><td>{} "
      "({})</td></tr>\n",
      n, basis == OpeningBasis::unknown ? "not known" : to_iso(d.opening.date),
      esc(d.opening.source), to_string(basis));
  if (basis != OpeningBasis::unknown)
    out += fmt::format(
        "<tr><th>General debate</th><td>{}</td><td>{}</td></tr>\n"
        "<tr><th>High-level week</th><td>{}</td><td></td></tr>\n"
        "<tr><th>Ends</th><td>{}</td><td>{}</td></tr>\n",
        esc(to_un_range(d.general_debate_first.date, d.general_debate_last)),
        esc(d.general_debate_first.source), esc(to_un_range(d.high_level_first, d.high_level_last)),
        to_iso(d.end.date), esc(d.end.source));
  return out + "</table>\n";
}

void holidays_page(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const auto stations = store->stations();
  const std::string station =
      ex.value("station").value_or(stations.empty() ? "" : stations.front().code);
  int year = int_field(ex, "year", 1900, 2199, 0);
  if (year == 0) {
    const auto sessions = store->sessions();
    year = sessions.empty() ? 2005
                            : static_cast<int>(date::year_month_day{sessions.back().first}.year());
  }
  const int ga = int_field(ex, "ga", 1, 250, year - 1945);
  std::string body =
      "<form method=\"get\" action=\"/holidays\"><label>Station <select name=\"station\">";
  for (const auto& s : stations)
    body += fmt::format("<option{}>{}</option>", s.code == station ? " selected" : "", esc(s.code));
  body += fmt::format(
      "</select></label> <label>Year <input name=\"year\" value=\"{}\" size=\"5\"></label> "
      "<label>GA session <input name=\"ga\" value=\"{}\" size=\"4\"></label> "
      "<button>Show</button></form>\n",
      year, ga);
  if (!station.empty()) {
    body += fmt::format(
        "<h2>Closures of {} in {}</h2>\n<table class=\"closures\"><tr><th>Observed</th><th>Day "
        "named</th><th>Holiday</th><th>Status</th><th>Source</th>{}</tr>\n",
        esc(station), year, can_write(ex) ? "<th>Confirm the circular's date</th>" : "");
    for (const auto& c : station_year(*store, station, year)) {
      body += fmt::format(
          "<tr data-name=\"{0}\" data-status=\"{1}\" data-observed=\"{2}\"><td>{2}</td><td>{3}</td>"
          "<td>{0}</td><td>{1}</td><td>{4}</td>",
          esc(c.name), esc(to_string(c.status)), to_iso(c.observed), to_iso(c.actual),
          esc(c.source));
      if (can_write(ex)) {
        body += "<td>";
        if (c.status == HolidayStatus::estimated)
          body += fmt::format(
              "<form class=\"confirm\" method=\"post\" action=\"/holidays/confirm\">{}"
              "<input type=\"hidden\" name=\"station\" value=\"{}\"><input type=\"hidden\" "
              "name=\"name\" value=\"{}\"><input type=\"hidden\" name=\"year\" value=\"{}\">"
              "<input name=\"date\" type=\"date\" value=\"{}\" required> <button>Confirm</button>"
              "</form>",
              csrf_field(ex), esc(station), esc(c.name), year, to_iso(c.actual));
        body += "</td>";
      }
      body += "</tr>\n";
    }
    body += "</table>\n";
  }
  const Calendars calendars(*store);
  body += fmt::format("<h2>General Assembly session {}</h2>\n", ga) + ga_table(calendars, ga);
  respond_page(ex, "Holidays and GA", body);
}

/// POST /holidays/confirm: station, name, date (the circular's day), year (to return to).
void confirm_page(Exchange& ex) {
  ex.fields = {{"holiday", "date"}, {"station", "station"}};
  const std::string station = ex.required("station");
  const std::string name = ex.required("name");
  const Date day = parse_date(ex.required("date"), "date");
  auto store = ex.app.stores.lease();
  store->set_user(ex.caller->user);
  const auto done = confirm_holiday(*store, station, name, day);
  std::string body = fmt::format(
      "<p class=\"confirmed\" data-observed=\"{}\">{} at {} is confirmed: closed on {} (the rule "
      "estimated {}).</p>\n",
      to_iso(done.closure.observed), esc(name), esc(station),
      esc(to_un_long(done.closure.observed)), esc(to_un_long(done.estimate.observed)));
  body += "<h2>Deadlines that moved</h2>\n";
  std::size_t moved = 0;
  std::string list = "<ul class=\"deadline-changes\">\n";
  for (const auto& [mandate, changes] : done.deadlines)
    for (const auto& c : changes) {
      ++moved;
      list += fmt::format(
          "<li data-mandate=\"{}\" data-kind=\"{}\" data-before=\"{}\" data-after=\"{}\">{}: "
          "{}</li>\n",
          esc(mandate), esc(c.kind), c.before ? to_iso(*c.before) : "",
          c.after ? to_iso(*c.after) : "", esc(mandate), esc(c.line()));
    }
  body += moved == 0 ? "<p>None: no deadline counts working days across this holiday.</p>\n"
                     : list + "</ul>\n";
  body += fmt::format(
      "<p><a href=\"/holidays?station={}&amp;year={}\">Back to the closures</a> · <a "
      "href=\"/\">Overview</a></p>\n",
      esc(station), int_field(ex, "year", 1900, 2199, 2005));
  respond_page(ex, "Holiday confirmed", body);
}

}  // namespace

void add_holiday_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/holidays", Access::read, holidays_page});
  out.push_back({"POST", "/holidays/confirm", Access::write, confirm_page});
}

}  // namespace gge::web::detail
