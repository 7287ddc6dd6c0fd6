#include "gge/report/json.hpp"

#include <algorithm>

namespace gge {

using nlohmann::json;

void to_json(json& j, const DutyStation& v) {
  j = {{"code", v.code},
       {"name", v.name},
       {"zone", v.zone},
       {"hours_from", to_hhmm(v.hours_from)},
       {"hours_to", to_hhmm(v.hours_to)}};
}
void to_json(json& j, const Room& v) {
  j = {{"station", v.station}, {"name", v.name}, {"capacity", v.capacity}};
}
void to_json(json& j, const Body& v) {
  j = {{"symbol", v.symbol},
       {"name", v.name},
       {"kind", to_string(v.kind)},
       {"members", v.members},
       {"min_gap_days", v.min_gap_days}};
}
void to_json(json& j, const Expert& v) {
  j = {{"key", v.key}, {"name", v.name}, {"country", v.country}};
}
void to_json(json& j, const Membership& v) {
  j = {{"expert", v.expert}, {"body", v.body}, {"role", v.role}};
}
void to_json(json& j, const Resolution& v) {
  j = {{"symbol", v.symbol},
       {"adopted", to_iso(v.adopted)},
       {"ga_session", v.ga_session},
       {"title", v.title},
       {"agenda_item", v.agenda_item}};
}
void to_json(json& j, const Mandate& v) {
  j = {{"key", v.key},
       {"body", v.body},
       {"resolution", v.resolution},
       {"start", to_iso(v.start)},
       {"report_to_session", v.report_to_session},
       {"sessions_entitled", v.sessions_entitled},
       {"days_entitled", v.days_entitled},
       {"notes", v.notes}};
  // Planner overrides of the deadline chain: null = the default rule.
  const auto date_or_null = [](const std::optional<Date>& d) {
    return d ? json(to_iso(*d)) : json(nullptr);
  };
  const auto int_or_null = [](const std::optional<int>& n) { return n ? json(*n) : json(nullptr); };
  j["consider_on"] = date_or_null(v.consider_on);
  j["submission_weeks"] = int_or_null(v.submission_weeks);
  j["distribution_weeks"] = int_or_null(v.distribution_weeks);
  j["adoption_working_days"] = int_or_null(v.adoption_working_days);
  j["member_states_by"] = date_or_null(v.member_states_by);
}
void to_json(json& j, const Deadline& v) {
  j = {{"mandate", v.mandate}, {"kind", v.kind}, {"date", to_iso(v.date)}, {"source", v.source}};
}
void to_json(json& j, const Session& v) {
  j = {{"body", v.body},
       {"number", v.number},
       {"first", to_iso(v.first)},
       {"last", to_iso(v.last)},
       {"days", (v.last - v.first).count() + 1},
       {"station", v.station},
       {"room", v.room},
       {"status", to_string(v.status)},
       {"uid", v.uid},
       {"revision", v.revision}};
}
void to_json(json& j, const Meeting& v) {
  j = {{"body", v.body},         {"session", v.session},
       {"date", to_iso(v.date)}, {"start", to_hhmm(v.start)},
       {"end", to_hhmm(v.end)},  {"room", v.room},
       {"kind", v.kind},         {"number", v.number},
       {"uid", v.uid},           {"revision", v.revision}};
}
void to_json(json& j, const Holiday& v) {
  j = {{"station", v.station},
       {"date", to_iso(v.date)},
       {"name", v.name},
       {"status", to_string(v.status)}};
}
void to_json(json& j, const HolidayRule& v) {
  j = {{"station", v.station},
       {"name", v.name},
       {"kind", to_string(v.kind)},
       {"month", v.month},
       {"day", v.day},
       {"weekday", v.weekday},
       {"nth", v.nth},
       {"offset", v.offset},
       {"hijri_month", v.hijri_month},
       {"hijri_day", v.hijri_day},
       {"from_year", v.from_year},
       {"to_year", v.to_year},
       {"observance", to_string(v.observance)},
       {"source", v.source}};
}
void to_json(json& j, const GaOpening& v) {
  j = {{"session", v.session}, {"opening", to_iso(v.opening)}, {"source", v.source}};
}
void to_json(json& j, const Blackout& v) {
  j = {{"station", v.station},
       {"first", to_iso(v.first)},
       {"last", to_iso(v.last)},
       {"reason", v.reason},
       {"severity", to_string(v.severity)}};
}
void to_json(json& j, const Finding& v) {
  j = {{"code", v.code},         {"severity", to_string(v.severity)},
       {"body", v.body},         {"session", v.session},
       {"subjects", v.subjects}, {"first", to_iso(v.first)},
       {"last", to_iso(v.last)}, {"rule", v.rule},
       {"reason", v.reason},     {"fix", v.fix}};
  if (v.fix_move) j["fix_move"] = *v.fix_move;  // absent when the fix is not a move
}
void to_json(json& j, const FixMove& v) {
  j = {{"session", v.session}, {"first", to_iso(v.first)}, {"last", to_iso(v.last)}};
}
void to_json(json& j, const Change& v) {
  const auto parsed = [](const std::string& s) {
    return s.empty() ? json(nullptr) : json::parse(s);
  };
  j = {{"id", v.id},
       {"at", v.at},
       {"table", v.table},
       {"action", v.action},
       {"key", v.key},
       {"before", parsed(v.before)},
       {"after", parsed(v.after)}};
  if (!v.user.empty()) j["user"] = v.user;  // only changes made through gge serve know it
}

void to_json(json& j, const DeadlineStep& v) {
  j = {{"kind", v.kind}, {"date", to_iso(v.date)}, {"explanation", v.explanation}};
}

void to_json(json& j, const IcsImportReport& v) {
  j = {{"source", v.source},
       {"files", v.files},
       {"from", to_iso(v.from)},
       {"to", to_iso(v.to)},
       {"busy", v.busy},
       {"replaced", v.replaced},
       {"events", v.events},
       {"transparent", v.transparent},
       {"cancelled", v.cancelled},
       {"floating", v.floating},
       {"floating_zone", v.floating_zone},
       {"windows_zones", v.windows_zones}};
}
void to_json(json& j, const BusySource& v) {
  j = {{"source", v.source}, {"kind", to_string(v.kind)}, {"subject", v.subject},
       {"busy", v.count},    {"first", to_iso(v.first)},  {"last", to_iso(v.last)}};
}
json import_removed_json(const std::string& source, std::size_t removed) {
  return {{"source", source}, {"removed", removed}};
}

json check_report_json(const std::vector<Finding>& findings) {
  const auto count = [&](Severity s) {
    return std::count_if(findings.begin(), findings.end(),
                         [s](const Finding& f) { return f.severity == s; });
  };
  return {{"errors", count(Severity::error)},
          {"warnings", count(Severity::warning)},
          {"findings", findings}};
}

}  // namespace gge
