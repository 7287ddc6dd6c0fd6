// Sequence rules: a body's sessions in number order and far enough apart; experts with a working
// day to travel between stations.
#include "check_context.hpp"
#include "gge/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace gge::detail {
namespace {

void check_body_order(Context& c, int body) {
  const auto& list = c.body_sessions[static_cast<std::size_t>(body)];
  const Body* rec = c.body_rec[static_cast<std::size_t>(body)];
  const int min_gap = rec != nullptr ? rec->min_gap_days : 0;
  // Adjacent pairs by start day (overlapping pairs are body-overlap findings, not gaps).
  for (std::size_t k = 1; k < list.size(); ++k) {
    const int p = list[k - 1], n = list[k];
    const auto& prev = c.sessions[static_cast<std::size_t>(p)];
    const auto& next = c.sessions[static_cast<std::size_t>(n)];
    if (next.rec->number < prev.rec->number) {
      auto& f = c.add(n, "out-of-order", Severity::error, n);
      f.subjects = {c.ref(n), c.ref(p)};
      f.rule = "a body's sessions are numbered in the order they meet";
      f.reason = fmt::format("{} ({}) starts after {} ({})", c.ref(n), to_un_range(next.first, next.last),
                             c.ref(p), to_un_range(prev.first, prev.last));
    }
    const auto gap = (next.first - prev.last).count();
    if (min_gap > 0 && gap > 0 && gap < min_gap) {
      auto& f = c.add(n, "min-gap", Severity::warning, n);
      f.first = prev.last;
      f.last = next.first;
      f.subjects = {c.ref(n), c.ref(p)};
      f.rule = fmt::format("{} sessions at least {} days apart (body min_gap_days)", c.bodies[static_cast<std::size_t>(body)], min_gap);
      f.reason = fmt::format("{} starts {} after {} ends ({} to {})", c.ref(n), counted(gap, "day"),
                             c.ref(p), to_un_long(prev.last), to_un_long(next.first));
    }
  }
}

/// "a, b, c, d, e, ..." (at most five names).
std::string short_list(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size() && i < 5; ++i) s += (i ? ", " : "") + names[i];
  if (names.size() > 5) s += ", ...";
  return s;
}

/// No working day (Mon-Fri) strictly between the two days.
bool no_working_day_between(Date end, Date start) {
  for (Date d = end + date::days{1}; d < start; d += date::days{1})
    if (!is_weekend(d)) return false;
  return true;
}

void check_travel(Context& c) {
  // Experts with the same bodies share the answer: group them by their set of bodies.
  std::map<std::vector<int>, std::vector<int>> groups;
  for (std::size_t e = 0; e < c.expert_bodies.size(); ++e)
    if (!c.expert_bodies[e].empty()) groups[c.expert_bodies[e]].push_back(static_cast<int>(e));
  std::map<std::pair<int, int>, std::vector<int>> pairs;  // (previous, next) -> experts
  std::vector<int> merged, tmp;
  const auto by_start = [&](int a, int b) {
    const auto& x = c.sessions[static_cast<std::size_t>(a)];
    const auto& y = c.sessions[static_cast<std::size_t>(b)];
    return std::tie(x.first, x.body, x.rec->number) < std::tie(y.first, y.body, y.rec->number);
  };
  for (const auto& [bodies, experts] : groups) {
    merged.clear();
    for (int b : bodies) {
      const auto& list = c.body_sessions[static_cast<std::size_t>(b)];
      tmp.resize(merged.size() + list.size());
      std::merge(merged.begin(), merged.end(), list.begin(), list.end(), tmp.begin(), by_start);
      merged.swap(tmp);
    }
    int cur = -1;
    for (int s : merged) {
      const auto& next = c.sessions[static_cast<std::size_t>(s)];
      if (cur >= 0) {
        const auto& prev = c.sessions[static_cast<std::size_t>(cur)];
        if (next.first > prev.last && next.station != prev.station &&
            no_working_day_between(prev.last, next.first)) {
          auto& list = pairs[{cur, s}];
          list.insert(list.end(), experts.begin(), experts.end());
        }
      }
      if (cur < 0 || next.last > c.sessions[static_cast<std::size_t>(cur)].last) cur = s;
    }
  }
  for (auto& [pair, experts] : pairs) {
    const auto [p, n] = pair;
    const auto& prev = c.sessions[static_cast<std::size_t>(p)];
    const auto& next = c.sessions[static_cast<std::size_t>(n)];
    std::vector<std::string> names;
    for (int e : experts) names.push_back(c.experts[static_cast<std::size_t>(e)]);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    auto& f = c.add(n, "no-travel-day", Severity::warning, n);
    f.first = prev.last;
    f.last = next.first;
    f.subjects = {c.ref(n), c.ref(p)};
    for (const auto& name : names) f.subjects.push_back("expert " + name);
    f.rule = "a working day to travel between duty stations";
    f.reason = fmt::format("{} expert{} ({}) must travel from {} ({} ends {}) to {} ({} starts {}) "
                           "with no working day between",
                           names.size(), names.size() == 1 ? "" : "s",
                           short_list(names),
                           prev.rec->station, c.ref(p), to_un_long(prev.last), next.rec->station,
                           c.ref(n), to_un_long(next.first));
  }
}

}  // namespace

void check_sequence(Context& c) {
  for (std::size_t b = 0; b < c.bodies.size(); ++b) check_body_order(c, static_cast<int>(b));
  check_travel(c);
}

}  // namespace gge::detail
