// `gge plan --apply`: the chosen plan written as planned sessions, then checked, in one
// transaction (a plan the checker refuses is not written).
#include "gge/core/error.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/check_store.hpp"
#include "gge/services/plan_mandate.hpp"
#include "gge/services/session_edits.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace gge {
namespace {

// The working days of `calendar` in [first, last], both inclusive.
std::vector<Date> working_days(const WorkingCalendar& calendar, Date first, Date last) {
  std::vector<Date> days;
  for (Date d = first; d <= last; d += date::days{1})
    if (calendar.is_working_day(d)) days.push_back(d);
  return days;
}

}  // namespace

std::vector<Finding> apply_plan(Store& store, const Plan& plan) {
  std::set<std::string> bodies;
  const Calendars calendars(store);
  return in_transaction(store, [&](Store& s) {
    for (const auto& p : plan.sessions) {
      const auto mandate = s.mandate(p.mandate);
      if (!mandate) throw InputError({}, "MANDATE", p.mandate, "no such mandate");
      bodies.insert(mandate->body);
      const Session v{mandate->body, p.number, p.first, p.last, p.station, p.room, SessionStatus::planned, "", 0};
      const auto before = s.session(v.body, v.number);
      if (!before) {
        s.add(v);
        continue;
      }
      // Its meetings keep their working day of the session: the plan counts a session's length
      // in working days at its station, so a Monday-to-Friday session planned from a Wednesday
      // runs to the next Tuesday, and its Monday meetings go to the Wednesday.
      move_session_and_meetings(s, *before, v,
                                working_days(calendars.station(before->station), before->first, before->last),
                                working_days(calendars.station(v.station), v.first, v.last));
    }
    CheckOptions options;
    options.suggest_fixes = false;
    auto findings = check_store(s, {}, options);
    // Only what concerns the bodies planned here (another body's old problems are not ours).
    std::erase_if(findings, [&](const Finding& f) {
      return !bodies.count(f.body) && std::none_of(f.subjects.begin(), f.subjects.end(), [&](const std::string& x) {
        return bodies.count(x.substr(0, x.find('#'))) > 0;
      });
    });
    if (has_errors(findings, false))
      throw RefusedByFindings(fmt::format("the plan was not written: gge check would report errors:\n{}", to_text(findings)));
    return findings;
  });
}

}  // namespace gge
