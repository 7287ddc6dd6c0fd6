// Mandate rules: the window a mandate allows, and how many sessions and meeting days it entitles.
#include "check_context.hpp"
#include "gge/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gge::detail {
namespace {

void check_window(Context& c, int si) {
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  if (s.mandate < 0) return;
  const auto& m = c.sc.mandates[static_cast<std::size_t>(s.mandate)];
  if (s.first < m.start) {
    auto& f = c.add(si, "before-mandate", Severity::error, si);
    f.last = std::min(s.last, m.start - date::days{1});
    f.subjects = {c.ref(si), "mandate " + m.key};
    f.rule = fmt::format("mandate {} starts on {}", m.key, to_un_long(m.start));
    f.reason = fmt::format("{} starts on {}, before its mandate {} starts ({})", c.ref(si),
                           to_un_long(s.first), m.key, to_un_long(m.start));
  }
  if (const auto* r = c.mandate_resolution[static_cast<std::size_t>(s.mandate)];
      r != nullptr && s.first < r->adopted) {
    auto& f = c.add(si, "before-resolution", Severity::error, si);
    f.last = std::min(s.last, r->adopted - date::days{1});
    f.subjects = {c.ref(si), "resolution " + r->symbol};
    f.rule = fmt::format("resolution {} was adopted on {}", r->symbol, to_un_long(r->adopted));
    f.reason = fmt::format("{} starts on {}, before resolution {} establishing it was adopted ({})",
                           c.ref(si), to_un_long(s.first), r->symbol, to_un_long(r->adopted));
  }
  if (const auto& le = c.mandate_latest_end[static_cast<std::size_t>(s.mandate)];
      le && s.last > *le) {
    auto& f = c.add(si, "after-latest-end", Severity::error, si);
    f.first = std::max(s.first, *le + date::days{1});
    f.subjects = {c.ref(si), "mandate " + m.key};
    f.rule = fmt::format("the last session of mandate {} must end by {} (latest_end)", m.key,
                         to_un_long(*le));
    f.reason = fmt::format("{} ends on {}, after the latest end day {} that the deadline chain "
                           "of mandate {} allows",
                           c.ref(si), to_un_long(s.last), to_un_long(*le), m.key);
  }
}

void check_entitlements(Context& c, std::size_t mi) {
  const auto& m = c.sc.mandates[mi];
  const auto& list = c.mandate_sessions[mi];
  if (m.sessions_entitled > 0 && static_cast<int>(list.size()) > m.sessions_entitled) {
    const int first_excess = list[static_cast<std::size_t>(m.sessions_entitled)];
    auto& f = c.add(first_excess, "too-many-sessions", Severity::error, -1);
    for (std::size_t k = static_cast<std::size_t>(m.sessions_entitled); k < list.size(); ++k)
      f.subjects.push_back(c.ref(list[k]));
    f.subjects.push_back("mandate " + m.key);
    f.last = c.sessions[static_cast<std::size_t>(list.back())].last;
    f.rule = fmt::format("mandate {} entitles {}", m.key, counted(m.sessions_entitled, "session"));
    f.reason = fmt::format("{} holds {} sessions under mandate {}, which entitles {}; {} is the "
                           "first beyond the entitlement",
                           m.body, list.size(), m.key, m.sessions_entitled, c.ref(first_excess));
    f.fix = fmt::format("cancel or merge {}, or record a larger entitlement",
                        counted(static_cast<long long>(list.size()) - m.sessions_entitled, "session"));
  }
  if (m.days_entitled > 0) {
    int total = 0, crossing = -1, at_crossing = 0;
    for (int si : list) {
      total += c.sessions[static_cast<std::size_t>(si)].meeting_days;
      if (crossing < 0 && total > m.days_entitled) {
        crossing = si;
        at_crossing = total;
      }
    }
    if (crossing >= 0) {
      auto& f = c.add(crossing, "too-many-days", Severity::error, -1);
      f.subjects = {c.ref(crossing), "mandate " + m.key};
      f.last = c.sessions[static_cast<std::size_t>(list.back())].last;
      f.rule = fmt::format("mandate {} entitles {}", m.key, counted(m.days_entitled, "meeting day"));
      f.reason = fmt::format("{} meets on {} days under mandate {}, which entitles {}; the total "
                             "passes the entitlement with {} ({} days)",
                             m.body, total, m.key, m.days_entitled, c.ref(crossing), at_crossing);
      f.fix = fmt::format("drop {}, or record a larger entitlement",
                          counted(total - m.days_entitled, "meeting day"));
    }
  }
}

}  // namespace

void check_mandate(Context& c) {
  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    const int m = c.sessions[si].mandate;
    if (m >= 0) c.mandate_sessions[static_cast<std::size_t>(m)].push_back(static_cast<int>(si));
    check_window(c, static_cast<int>(si));
  }
  for (std::size_t mi = 0; mi < c.mandate_sessions.size(); ++mi) {
    auto& list = c.mandate_sessions[mi];
    std::sort(list.begin(), list.end(), [&](int a, int b) {
      const auto& x = c.sessions[static_cast<std::size_t>(a)];
      const auto& y = c.sessions[static_cast<std::size_t>(b)];
      return std::tie(x.first, x.rec->number) < std::tie(y.first, y.rec->number);
    });
    check_entitlements(c, mi);
  }
}

}  // namespace gge::detail
