// `gge plan --apply`: the chosen plan written as planned sessions, then checked, in one
// transaction (a plan the checker refuses is not written).
#include "gge/core/error.hpp"
#include "gge/services/check.hpp"
#include "gge/services/plan.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

namespace gge {

std::vector<Finding> apply_plan(Store& store, const std::string& mandate_key, const Plan& plan) {
  const auto mandate = store.mandate(mandate_key);
  if (!mandate) throw InputError({}, "MANDATE", mandate_key, "no such mandate");
  return in_transaction(store, [&](Store& s) {
    for (const auto& p : plan.sessions) {
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
    CheckFilter filter;
    filter.mandate = mandate_key;
    CheckOptions options;
    options.suggest_fixes = false;
    auto findings = check_store(s, filter, options);
    if (has_errors(findings, false))
      throw Error(fmt::format("the plan was not written: gge check would report errors:\n{}", to_text(findings)));
    return findings;
  });
}

}  // namespace gge
