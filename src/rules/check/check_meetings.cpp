// Meeting rules: every meeting within its session's days and its station's meeting hours.
#include "check_context.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gge::detail {

void check_meetings(Context& c) {
  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    const auto& s = c.sessions[si];
    if (s.meetings == 0) continue;
    const auto& st = c.stations[static_cast<std::size_t>(s.station)];
    std::vector<int> outside_days, outside_hours;
    // From the slots alone: the meetings themselves are large records not worth streaming again.
    const Stamp from = static_cast<Stamp>(st.hours_from.count()), to = static_cast<Stamp>(st.hours_to.count());
    for (int k = s.slot_begin; k < s.slot_end; ++k) {
      const auto& slot = c.slots[static_cast<std::size_t>(k)];
      if (slot.date < s.first || slot.date > s.last) outside_days.push_back(slot.meeting);
      const Stamp midnight = local_stamp(slot.date, Minutes{0});
      if (slot.local_start - midnight < from || slot.local_end - midnight > to)
        outside_hours.push_back(slot.meeting);
    }
    const int id = static_cast<int>(si);
    const auto fill = [&](Finding& f, std::vector<int>& list) {
      std::sort(list.begin(), list.end(), [&](int a, int b) {
        const auto& x = c.sc.meetings[static_cast<std::size_t>(a)];
        const auto& y = c.sc.meetings[static_cast<std::size_t>(b)];
        return std::tie(x.date, x.start, a) < std::tie(y.date, y.start, b);
      });
      f.first = c.sc.meetings[static_cast<std::size_t>(list.front())].date;
      f.last = c.sc.meetings[static_cast<std::size_t>(list.back())].date;
      for (int mi : list) f.subjects.push_back(c.meeting_ref(mi));
    };
    if (!outside_days.empty()) {
      auto& f = c.add(id, "meeting-outside-session", Severity::error, -1);
      fill(f, outside_days);
      f.rule = "a session's meetings fall within its days";
      f.reason = fmt::format("{} meeting{} of {} outside its days ({})", outside_days.size(),
                             outside_days.size() == 1 ? " is" : "s are", c.ref(id),
                             to_un_range(s.first, s.last));
      f.fix = fmt::format("move the meeting{} into {}, or extend the session",
                          outside_days.size() == 1 ? "" : "s", to_un_range(s.first, s.last));
    }
    if (!outside_hours.empty()) {
      auto& f = c.add(id, "meeting-outside-hours", Severity::warning, -1);
      fill(f, outside_hours);
      f.rule = fmt::format("{} meeting hours {} to {}", st.code, to_hhmm(st.hours_from),
                           to_hhmm(st.hours_to));
      f.reason = fmt::format("{} meeting{} of {} outside {}'s meeting hours ({} to {}, local time)",
                             outside_hours.size(), outside_hours.size() == 1 ? " is" : "s are",
                             c.ref(id), st.code, to_hhmm(st.hours_from), to_hhmm(st.hours_to));
      f.fix = fmt::format("hold the meeting{} between {} and {}", outside_hours.size() == 1 ? "" : "s",
                          to_hhmm(st.hours_from), to_hhmm(st.hours_to));
    }
  }
}

}  // namespace gge::detail
