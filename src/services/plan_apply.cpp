// `gge plan --apply`: the chosen plan written as planned sessions, then checked, in one
// transaction (a plan the checker refuses is not written).
#include "gge/core/error.hpp"
#include "gge/services/check.hpp"
#include "gge/services/plan.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace gge {

std::vector<Finding> apply_plan(Store& store, const Plan& plan) {
  std::set<std::string> bodies;
  return in_transaction(store, [&](Store& s) {
    for (const auto& p : plan.sessions) {
      const auto mandate = s.mandate(p.mandate);
      if (!mandate) throw InputError({}, "MANDATE", p.mandate, "no such mandate");
      bodies.insert(mandate->body);
      Session v;
      v.body = mandate->body;
      v.number = p.number;
      v.first = p.first;
      v.last = p.last;
      v.station = p.station;
      v.room = p.room;
      v.status = SessionStatus::planned;
      const auto before = s.session(v.body, v.number);
      if (!before) {
        s.add(v);
        continue;
      }
      s.update(v);
      // Its meetings move with it, by the same number of days (rooms are dropped at a new station).
      for (auto meeting : s.meetings(v.body, v.number)) {
        meeting.date += v.first - before->first;
        if (before->station != v.station) meeting.room.clear();
        s.update(meeting);
      }
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
