// The plan page: `gge plan`'s options as a form (parsed with the same parsers as the CLI's flags,
// core/plan_parse.hpp and core/parse.hpp), the proposals with their score breakdown and a small
// timeline each, and for a planner a button per proposal that applies that rank (apply_plan:
// refused, 409, when the check would add findings), followed by the check it leaves.
#include "gge/core/fields.hpp"
#include "gge/core/parse.hpp"
#include "gge/core/plan_parse.hpp"
#include "gge/core/text.hpp"
#include "gge/services/plan_mandate.hpp"
#include "web/page_parts.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>

namespace gge::web::detail {
namespace {

/// The form's fields, as the request carries them (for writing the form again).
constexpr const char* k_fields[] = {"mandate", "sessions", "days",       "venues", "min_gap",
                                    "max_gap", "avoid",    "from",       "timing", "experts",
                                    "top",     "stretch",  "any_weekday"};

/// The request the form describes; InputError naming the form field.
PlanRequest request_of(Exchange& ex) {
  ex.fields = {{fields::k_mandate, "mandate"},   {fields::k_plans, "top"},
               {fields::k_session_days, "days"}, {fields::k_venues, "venues"},
               {fields::k_first_day, "from"},    {fields::k_sessions, "sessions"},
               {fields::k_min_gap, "min_gap"},   {fields::k_max_gap, "max_gap"},
               {fields::k_avoid_month, "avoid"}};
  PlanRequest rq;
  std::vector<std::string> mandates;
  const std::string list = ex.required("mandate");
  std::size_t at = 0;
  while (at <= list.size()) {
    const std::size_t end = std::min(list.find(',', at), list.size());
    std::string key = list.substr(at, end - at);
    key.erase(0, key.find_first_not_of(' '));
    key.erase(key.find_last_not_of(' ') + 1);
    if (!key.empty()) mandates.push_back(key);
    at = end + 1;
  }
  if (mandates.empty()) throw InputError({}, "mandate", list, "names no mandate");
  rq.mandate = mandates.front();
  rq.jointly.assign(mandates.begin() + 1, mandates.end());
  if (const int n = int_field(ex, "sessions", 1, 1000, 0); n > 0) rq.sessions = n;
  rq.days = int_field(ex, "days", 1, 366, rq.days);
  rq.top = int_field(ex, "top", 1, 50, rq.top);
  if (const auto v = ex.value("venues")) rq.venues = parse_venues(*v, "venues");
  const PlanGaps gaps =
      parse_plan_gaps(ex.value("min_gap").value_or(""), ex.value("max_gap").value_or(""), "min_gap",
                      "max_gap", k_max_gap_days);
  rq.min_gap_days = gaps.min_days;
  rq.max_gap_days = gaps.max_days;
  if (const auto v = ex.value("avoid")) rq.avoid_months = parse_months(*v, "avoid");
  if (const auto v = ex.value("from")) rq.from = parse_date(*v, "from");
  const std::string timing = ex.value("timing").value_or("any");
  if (timing != "any" && timing != "earliest" && timing != "latest")
    throw InputError({}, "timing", timing, "must be any, earliest or latest");
  rq.timing = timing == "earliest" ? Timing::earliest
              : timing == "latest" ? Timing::latest
                                   : Timing::none;
  rq.experts_soft = parse_experts_soft(ex.value("experts").value_or("hard"), "experts");
  rq.allow_stretch = ex.value("stretch").has_value();
  rq.any_weekday_start = ex.value("any_weekday").has_value();
  return rq;
}

std::string input(const Exchange& ex, const char* name, const char* label, const char* hint,
                  const char* size = "10") {
  return fmt::format(
      "<label>{} <input name=\"{}\" size=\"{}\" value=\"{}\" placeholder=\"{}\"></label>\n", label,
      name, size, esc(ex.value(name).value_or("")), hint);
}

std::string select(const Exchange& ex, const char* name, const char* label,
                   std::initializer_list<const char*> options) {
  const std::string chosen = ex.value(name).value_or(*options.begin());
  std::string out = fmt::format("<label>{} <select name=\"{}\">", label, name);
  for (const char* o : options)
    out += fmt::format("<option{}>{}</option>", chosen == o ? " selected" : "", o);
  return out + "</select></label>\n";
}

std::string checkbox(const Exchange& ex, const char* name, const char* label) {
  return fmt::format("<label><input type=\"checkbox\" name=\"{}\" value=\"1\"{}> {}</label>\n",
                     name, ex.value(name) ? " checked" : "", label);
}

std::string form(const Exchange& ex, const Store& store) {
  std::string mandates;
  for (const auto& m : store.mandates()) mandates += (mandates.empty() ? "" : ", ") + m.key;
  std::string out = "<form class=\"plan\" method=\"get\" action=\"/plan\">\n";
  out += fmt::format(
      "<label>Mandate(s) <input name=\"mandate\" size=\"24\" value=\"{}\" required "
      "placeholder=\"{}\"></label>\n",
      esc(ex.value("mandate").value_or("")), esc(mandates));
  out += input(ex, "venues", "Venues", "NY,GVA|VIE,NY", "14");
  out += input(ex, "min_gap", "Min gap", "8w", "5") + input(ex, "max_gap", "Max gap", "12w", "5");
  out += input(ex, "avoid", "Avoid months", "aug,dec", "10");
  out += fmt::format("<label>From <input name=\"from\" type=\"date\" value=\"{}\"></label>\n",
                     esc(ex.value("from").value_or("")));
  out += select(ex, "timing", "Prefer", {"any", "earliest", "latest"});
  out += input(ex, "sessions", "Sessions in all", "entitlement", "4");
  out += input(ex, "days", "Days each", "5", "3") + input(ex, "top", "Plans", "5", "3");
  out += select(ex, "experts", "Experts' busy time", {"hard", "soft"});
  out += checkbox(ex, "stretch", "Stretch over closures") +
         checkbox(ex, "any_weekday", "Start on any weekday");
  return out + "<button name=\"go\" value=\"1\">Propose plans</button></form>\n";
}

/// A small timeline of one plan over the window `from`..`to` (inclusive): one bar per session.
std::string plan_svg(const Plan& plan, Date from, Date to) {
  constexpr double k_width = 600, k_row = 16;
  const double days = double((to - from).count() + 1);
  const double px = k_width / days;
  const double height = k_row * double(plan.sessions.size()) + 14;
  std::string out = fmt::format(
      "<svg class=\"plan-timeline\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "role=\"img\" aria-label=\"plan timeline\"><rect class=\"window\" x=\"0\" y=\"0\" "
      "width=\"{0}\" height=\"{2}\"/>",
      k_width, height, height - 14);
  double y = 0;
  for (const auto& s : plan.sessions) {
    const double x = double((s.first - from).count()) * px;
    const double w = std::max(2.0, double((s.last - s.first).count() + 1) * px);
    const bool left = x + w + 60 > k_width;  // no room right of the bar: label it on its left
    out += fmt::format(
        "<rect class=\"session\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
        "height=\"{}\"><title>{}#{} "
        "{} at {}</title></rect><text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\">#{} {}</text>",
        x, y + 2, w, k_row - 4, esc(s.body), s.number, esc(to_un_range(s.first, s.last)),
        esc(s.station), left ? x - 3 : x + w + 3, y + k_row - 4, left ? "end" : "start", s.number,
        esc(s.station));
    y += k_row;
  }
  out += fmt::format(
      "<text x=\"0\" y=\"{0:.1f}\">{1}</text><text x=\"{2}\" y=\"{0:.1f}\" "
      "text-anchor=\"end\">{3}</text></svg>",
      height - 2, to_iso(from), k_width, to_iso(to));
  return out;
}

/// The plan in one line, to check at apply time that rank N is still the plan the planner saw.
std::string fingerprint(const Plan& plan) {
  std::string out;
  for (const auto& s : plan.sessions)
    out += fmt::format("{}#{} {} {} {} {};", s.body, s.number, to_iso(s.first), to_iso(s.last),
                       s.station, s.room);
  return out;
}

/// The form's values as hidden fields (the apply form repeats the request it was made from).
std::string hidden_request(const Exchange& ex) {
  std::string out;
  for (const char* name : k_fields)
    if (const auto v = ex.value(name))
      out += fmt::format("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, esc(*v));
  return out;
}

std::string proposals(const Exchange& ex, const PlanOutcome& out) {
  if (out.result.plans.empty()) {
    std::string body = "<h2>No plan</h2>\n";
    if (out.explanation) {
      body += fmt::format("<p class=\"no-plan\">{}.</p>\n", esc(out.explanation->summary));
      if (!out.explanation->conflicts.empty()) {
        body += "<p>These constraints cannot all hold together:</p><ul>";
        for (const auto& c : out.explanation->conflicts) body += "<li>" + esc(c) + "</li>";
        body += "</ul>\n";
      }
      if (!out.explanation->relaxations.empty()) {
        body += "<p>Any one of these changes makes a plan possible:</p><ul>";
        for (const auto& r : out.explanation->relaxations) body += "<li>" + esc(r) + "</li>";
        body += "</ul>\n";
      }
    }
    return body;
  }
  Date from = out.problem.mandates.front().from, to = out.problem.mandates.front().latest_end;
  for (const auto& m : out.problem.mandates) {
    from = std::min(from, m.from);
    to = std::max(to, m.latest_end);
  }
  std::string body = fmt::format(
      "<h2>Proposals</h2>\n<p>Window {} to {} (inclusive); {}{}. Lower scores are better.</p>\n",
      to_iso(from), to_iso(to), counted(static_cast<long long>(out.result.nodes), "search node"),
      out.result.optimal ? ", proven best" : ", search budget reached: not proven best");
  for (const auto& [station, year] : out.unknown_closures)
    body += fmt::format(
        "<p class=\"warning\">No holiday data for {} in {}: planned as Monday to "
        "Friday.</p>\n",
        esc(station), year);
  for (std::size_t i = 0; i < out.result.plans.size(); ++i) {
    const Plan& p = out.result.plans[i];
    const int rank = static_cast<int>(i) + 1;
    const auto& sc = p.score;
    body += fmt::format(
        "<section class=\"proposal\" data-rank=\"{0}\" data-score=\"{1}\"><h3>Plan {0}: score "
        "{1}</h3>\n"
        "<table class=\"score\"><tr><th>spacing</th><th>timing</th><th>avoid</th><th>balance</th>"
        "<th>published</th><th>experts</th></tr><tr><td>{2}</td><td>{3}</td><td>{4}</td><td>{5}</"
        "td>"
        "<td>{6}</td><td>{7}</td></tr></table>\n<table class=\"sessions\">",
        rank, sc.total(), sc.spacing, sc.timing, sc.avoid, sc.balance, sc.published, sc.experts);
    for (const auto& s : p.sessions)
      body += fmt::format(
          "<tr data-session=\"{0}#{1}\" data-first=\"{2}\" "
          "data-last=\"{3}\"><td>{0}#{1}</td><td>{4}</td>"
          "<td>{5}</td><td>{6}</td></tr>",
          esc(s.body), s.number, to_iso(s.first), to_iso(s.last), esc(s.station), esc(s.room),
          esc(to_un_range(s.first, s.last)));
    body += "</table>\n" + plan_svg(p, from, to) + "\n";
    if (can_write(ex))
      body += fmt::format(
          "<form class=\"apply\" method=\"post\" action=\"/plan/apply\">{}{}"
          "<input type=\"hidden\" name=\"rank\" value=\"{}\"><input type=\"hidden\" "
          "name=\"expect\" "
          "value=\"{}\"><button>Apply plan {}</button></form>\n",
          csrf_field(ex), hidden_request(ex), rank, esc(fingerprint(p)), rank);
    body += "</section>\n";
  }
  return body;
}

void plan_page(Exchange& ex) {
  auto store = ex.app.stores.lease();
  std::string body = form(ex, *store);
  if (ex.value("go") || ex.value("mandate")) {
    const PlanRequest rq = request_of(ex);
    body += proposals(ex, plan_mandate(*store, rq));
  }
  respond_page(ex, "Plan", body);
}

/// POST /plan/apply: the request again, `rank` (1-based) and `expect` (the plan as shown). When
/// the plans changed since the page was made, 409 and nothing is written.
void apply_page(Exchange& ex) {
  const PlanRequest rq = request_of(ex);
  const int rank = int_field(ex, "rank", 1, 50, 1);
  auto store = ex.app.stores.lease();
  const PlanOutcome out = plan_mandate(*store, rq);
  if (rank > static_cast<int>(out.result.plans.size()) ||
      fingerprint(out.result.plans[static_cast<std::size_t>(rank - 1)]) !=
          ex.value("expect").value_or("")) {
    respond_error(ex, 409, "rank", std::to_string(rank),
                  "the proposals changed since the page was made (someone changed the plan); "
                  "propose again and choose anew");
    return;
  }
  store->set_user(ex.caller->user);
  const Plan& plan = out.result.plans[static_cast<std::size_t>(rank - 1)];
  const auto findings = apply_plan(*store, plan);
  std::string body = fmt::format(
      "<p class=\"applied\" data-rank=\"{}\">Plan {} was written:</p>\n<ul>", rank, rank);
  for (const auto& s : plan.sessions)
    body += fmt::format("<li><a href=\"/sessions/{0}/{1}\">{0}#{1}</a>: {2} at {3}</li>",
                        esc(s.body), s.number, esc(to_un_range(s.first, s.last)), esc(s.station));
  body += "</ul>\n<h2>gge check on the bodies planned</h2>\n" +
          finding_list(ex, *store, findings, "No findings.");
  body += "<p><a href=\"/timeline\">Timeline</a> · <a href=\"/check\">Whole check</a></p>\n";
  respond_page(ex, fmt::format("Plan {} applied", rank), body);
}

}  // namespace

void add_plan_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/plan", Access::read, plan_page});
  out.push_back({"POST", "/plan/apply", Access::write, apply_page});
}

}  // namespace gge::web::detail
