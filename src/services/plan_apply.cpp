// `gge plan --apply`: the chosen plan written as planned sessions, then checked, in one
// transaction (a plan the checker refuses is not written).
#include "gge/core/error.hpp"
#include "gge/core/fields.hpp"
#include "gge/report/check_text.hpp"
#include "gge/rules/calendar/session_days.hpp"
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

/// The findings of `gge check` that concern `bodies` (another body's old problems are not ours).
std::vector<Finding> findings_about(const Store& store, const Calendars& calendars,
                                    const std::set<std::string>& bodies) {
  CheckOptions options;
  options.suggest_fixes = false;
  auto findings = check_store(store, calendars, {}, options);
  std::erase_if(findings, [&](const Finding& f) {
    return !bodies.count(f.body) && std::none_of(f.subjects.begin(), f.subjects.end(), [&](const std::string& x) {
      return bodies.count(x.substr(0, x.find('#'))) > 0;
    });
  });
  return findings;
}

/// The findings of `after` that `before` did not have (by code and subjects), unknown closures
/// aside: `gge plan` notes those itself.
std::vector<Finding> added_findings(const std::vector<Finding>& before, const std::vector<Finding>& after) {
  auto added = findings_not_in(after, before);
  std::erase_if(added, [](const Finding& f) { return f.code == "unknown-closures"; });
  return added;
}

}  // namespace

std::vector<Finding> apply_plan(Store& store, const Plan& plan) {
  std::set<std::string> bodies;
  for (const auto& p : plan.sessions) {
    const auto mandate = store.mandate(p.mandate);
    if (!mandate) throw InputError({}, fields::k_mandate, p.mandate, "no such mandate");
    bodies.insert(mandate->body);
  }
  const Calendars calendars(store);
  const auto before = findings_about(store, calendars, bodies);
  // The plan writes sessions and meetings only: the calendars stay valid for the check and the
  // deadline refresh of the same transaction.
  return in_transaction(store, [&](WriteTx& tx) {
    Store& s = tx.store();
    for (const auto& p : plan.sessions) {
      const auto body = s.mandate(p.mandate)->body;
      const Session v{body, p.number, p.first, p.last, p.station, p.room, SessionStatus::planned, "", 0};
      const auto old = s.session(v.body, v.number);
      if (!old) {
        s.add(v);
        continue;
      }
      // Its meetings keep their meeting day of the session: the plan counts a session's length
      // in working days at its station, so a Monday-to-Friday session planned from a Wednesday
      // runs to the next Tuesday, and its Monday meetings go to the Wednesday.
      move_session_and_meetings(tx, *old, v, meeting_days(calendars.station(old->station), old->first, old->last),
                                meeting_days(calendars.station(v.station), v.first, v.last));
    }
    auto findings = findings_about(s, calendars, bodies);
    if (has_errors(findings, false))
      throw RefusedByFindings(fmt::format("the plan was not written: gge check would report errors:\n{}", to_text(findings)));
    if (const auto added = added_findings(before, findings); !added.empty())
      throw RefusedByFindings(
          fmt::format("the plan was not written: gge check would report findings it does not report now:\n{}",
                      to_text(added)));
    return findings;
  }, &calendars);
}

}  // namespace gge
