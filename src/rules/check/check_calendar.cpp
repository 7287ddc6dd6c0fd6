// Calendar rules: weekends, station closures, blackouts, GA high-level weeks.
#include "check_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace gge::detail {
namespace {

std::string join_days(const std::vector<Date>& days) {
  std::string s;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (i > 0) s += i + 1 == days.size() ? " and " : ", ";
    s += long_day(days[i]);
  }
  return s;
}

void weekend_finding(Context& c, int si, const std::vector<Date>& days,
                     std::vector<std::string> subjects, bool meetings) {
  auto& f = c.add(si, "weekend", Severity::error, si);
  f.first = days.front();
  f.last = days.back();
  f.subjects = std::move(subjects);
  f.rule = "no official meetings on Saturdays and Sundays";
  f.reason = meetings ? fmt::format("{} has meetings on {}", c.ref(si), join_days(days))
                      : fmt::format("{} {} on {}", c.ref(si),
                                    days.size() == 1 ? "starts or ends" : "starts and ends",
                                    join_days(days));
}

void holiday_finding(Context& c, int si, Date day, const std::string& name,
                     std::vector<std::string> subjects) {
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  auto& f = c.add(si, "holiday", Severity::error, si);
  f.first = f.last = day;
  f.subjects = std::move(subjects);
  f.rule = fmt::format("{} is closed on its holidays", s.rec->station);
  f.reason = fmt::format("{} meets on {}, {} at {}", c.ref(si), long_day(day), name,
                         s.rec->station);
}

void check_days(Context& c, int si) {
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  std::vector<Date> weekend;
  if (s.meetings == 0) {
    if (is_weekend(s.first)) weekend.push_back(s.first);
    if (s.last != s.first && is_weekend(s.last)) weekend.push_back(s.last);
    if (!weekend.empty()) weekend_finding(c, si, weekend, {c.ref(si)}, false);
    for (Date d = s.first; d <= s.last; d += date::days{1})
      if (!is_weekend(d))
        if (const auto* name = c.closed(s.station, d)) holiday_finding(c, si, d, *name, {c.ref(si)});
    return;
  }
  // By meeting day: slots are sorted by UTC start, so group with a small ordered map.
  std::map<Date, std::vector<std::string>> weekend_meetings, closed_meetings;
  std::map<Date, const std::string*> closure_name;
  Date seen{};
  const std::string* name = nullptr;
  bool weekend_day = false;
  for (int k = s.slot_begin; k < s.slot_end; ++k) {
    const auto& slot = c.slots[static_cast<std::size_t>(k)];
    if (k == s.slot_begin || slot.date != seen) {  // one closure lookup per meeting day
      seen = slot.date;
      weekend_day = is_weekend(seen);
      name = weekend_day ? nullptr : c.closed(s.station, seen);
    }
    if (weekend_day) {
      weekend_meetings[slot.date].push_back(c.meeting_ref(slot.meeting));
    } else if (name != nullptr) {
      closed_meetings[slot.date].push_back(c.meeting_ref(slot.meeting));
      closure_name[slot.date] = name;
    }
  }
  if (!weekend_meetings.empty()) {
    std::vector<std::string> subjects;
    for (auto& [d, refs] : weekend_meetings) {
      weekend.push_back(d);
      subjects.insert(subjects.end(), refs.begin(), refs.end());
    }
    weekend_finding(c, si, weekend, std::move(subjects), true);
  }
  for (auto& [d, refs] : closed_meetings) holiday_finding(c, si, d, *closure_name[d], refs);
}

void check_blackouts(Context& c, int si) {
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  const auto& station = s.rec->station;
  std::vector<int> hits;
  c.blackout_index.for_each(s.first, s.last, [&](int id, Date, Date) { hits.push_back(id); });
  std::sort(hits.begin(), hits.end());
  for (int id : hits) {
    const auto& b = c.blackouts[static_cast<std::size_t>(id)];
    if (!b.station.empty() && b.station != station) continue;
    const bool hlw = static_cast<std::size_t>(id) >= c.high_level_from;
    auto& f = c.add(si, hlw ? "high-level-week" : "blackout", b.severity, si);
    f.first = std::max(s.first, b.first);
    f.last = std::min(s.last, b.last);
    f.subjects = {c.ref(si)};
    const auto where = b.station.empty() ? std::string{"every station"} : b.station;
    f.rule = hlw ? fmt::format("no sessions at {} during the GA high-level week", where)
                 : fmt::format("blackout at {}: {}", where, b.reason);
    f.reason = fmt::format("{} ({}) meets during {} ({})", c.ref(si), to_un_range(s.first, s.last),
                           b.reason.empty() ? std::string{hlw ? "the high-level week" : "a blackout"}
                                            : b.reason,
                           to_un_range(b.first, b.last));
  }
}

// A session in a year for which the caller has no closure data for its station: whatever
// the other calendar rules said, its holidays were not checked.
void check_closure_data(Context& c, int si) {
  const auto& known = c.in.knows_closures;
  if (!known) return;
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  const auto& station = s.rec->station;
  std::vector<int> unknown;
  const int y1 = int(date::year_month_day{s.first}.year()), y2 = int(date::year_month_day{s.last}.year());
  for (int y = y1; y <= y2; ++y)
    if (!known(station, y)) unknown.push_back(y);
  if (unknown.empty()) return;
  auto& f = c.add(si, "unknown-closures", Severity::warning, -1);
  f.first = s.first;
  f.last = s.last;
  f.subjects = {c.ref(si)};
  f.rule = "a station's closures come from its holiday rules and dated holidays";
  const std::string years = unknown.size() == 1 ? std::to_string(unknown.front())
                                                : fmt::format("{}-{}", unknown.front(), unknown.back());
  f.reason = fmt::format("{} meets at {} in {}, for which gge has no holidays of {}: its "
                         "closures were not checked", c.ref(si), station, years, station);
  f.fix = fmt::format("import {}'s holiday calendar (gge holidays import FILE) or add its "
                      "holidays", station);
}

}  // namespace

void check_calendar(Context& c) {
  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    check_days(c, static_cast<int>(si));
    check_blackouts(c, static_cast<int>(si));
    check_closure_data(c, static_cast<int>(si));
  }
}

}  // namespace gge::detail
