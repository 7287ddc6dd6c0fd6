#pragma once
/// The days a busy time takes, for the rules that work in whole days (the checker's fix search,
/// the planner): one definition for both.
#include "gge/model/busy.hpp"

#include <utility>

namespace gge {

/// First and last day (inclusive) that `b` touches: an all-day busy time's own days; a timed
/// one's UTC days, from its start to the second before its end.
inline std::pair<Date, Date> busy_days(const BusyTime& b) {
  if (b.all_day) return {b.first, b.last};
  return {date::floor<date::days>(b.start),
          date::floor<date::days>(b.end - std::chrono::seconds{1})};
}

}  // namespace gge
