#pragma once
// The vocabulary of the planner's exhaustive oracles (plan_test.cpp, plan_joint_test.cpp), written
// from the rules in words and not from the library: one way to hold a session, and the day
// questions both oracles ask.
#include "gge/rules/plan/plan.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace gge::test {

/// One way to hold one session, found by walking the calendar day by day: its days (inclusive),
/// station and room ("" at a station without rooms).
struct Option {
  Date first, last;
  std::string station, room;
};

/// Whether day `d` lies in one of `spans` (each inclusive).
inline bool inside(const std::vector<PlanBlock>& spans, Date d) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const PlanBlock& b) { return b.first <= d && d <= b.last; });
}

/// Whether a Monday-to-Friday day lies strictly between `a` and `b` (the travel rule: sessions
/// at two stations sharing experts need one).
inline bool weekday_strictly_between(Date a, Date b) {
  for (Date x = a + date::days{1}; x < b; x += date::days{1})
    if (!is_weekend(x)) return true;
  return false;
}

/// The station `code` of `p`; std::logic_error when there is none (a broken instance).
inline const PlanStation& station_of(const PlanProblem& p, const std::string& code) {
  for (const auto& s : p.stations)
    if (s.code == code) return s;
  throw std::logic_error("no station " + code);
}

/// Whether `x` and `y` share experts: either names the other in `shares_experts_with`.
inline bool shares_experts(const PlanMandate& x, const PlanMandate& y) {
  const auto names = [](const PlanMandate& m, const std::string& key) {
    return std::count(m.shares_experts_with.begin(), m.shares_experts_with.end(), key) > 0;
  };
  return names(x, y.key) || names(y, x.key);
}

}  // namespace gge::test
