#include "gge/services/session_edits.hpp"

#include "gge/model/validate.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace gge {

Session require_session(const Store& store, const SessionRef& ref, std::string_view field) {
  if (!store.body(ref.body))
    throw InputError({}, std::string{field}, to_string(ref), fmt::format("no body {}", ref.body));
  auto s = store.session(ref.body, ref.number);
  if (!s)
    throw InputError({}, std::string{field}, to_string(ref),
                     fmt::format("body {} has no session {}", ref.body, ref.number));
  return *s;
}

std::vector<Date> days_between(Date first, Date last) {
  std::vector<Date> days;
  for (Date d = first; d <= last; d += date::days{1}) days.push_back(d);
  return days;
}

void move_session_and_meetings(Store& store, const Session& before, const Session& moved,
                               const std::vector<Date>& old_days, const std::vector<Date>& new_days) {
  validate(moved);  // a bad span is named as such, not as meetings without a day
  // Each meeting's new day first, so that nothing is written when one has none.
  const auto day_of = [&](Date d) {  // index into old_days (0-based)
    return static_cast<std::size_t>(std::lower_bound(old_days.begin(), old_days.end(), d) - old_days.begin());
  };
  const auto meetings = store.meetings(moved.body, moved.number);
  std::size_t days_needed = 0;
  for (const auto& m : meetings) days_needed = std::max(days_needed, day_of(m.date) + 1);
  std::vector<std::pair<Meeting, Date>> moves;  // meeting as stored, its new date
  for (const auto& m : meetings) {
    const std::size_t k = day_of(m.date);
    if (k >= new_days.size())
      throw InputError({}, "meeting.date", to_iso(m.date),
                       fmt::format("session {}#{} on {} to {} has no day for this meeting (day {} of "
                                   "the session; its meetings need {} days): make it longer, or clear "
                                   "its meetings first (gge meeting clear) and generate them after",
                                   moved.body, moved.number, to_iso(moved.first), to_iso(moved.last),
                                   k + 1, days_needed));
    moves.emplace_back(m, new_days[k]);
  }
  store.update(moved);
  // The day map is increasing, so meetings moving later are rewritten latest first and those
  // moving earlier earliest first: a slot is always vacated before it is taken.
  const auto later = std::stable_partition(moves.begin(), moves.end(),
                                           [](const auto& mv) { return mv.second > mv.first.date; });
  std::sort(moves.begin(), later, [](const auto& a, const auto& b) { return a.first.date > b.first.date; });
  std::sort(later, moves.end(), [](const auto& a, const auto& b) { return a.first.date < b.first.date; });
  for (auto& [m, day] : moves) {
    const bool new_station = moved.station != before.station && !m.room.empty();
    if (day == m.date && !new_station) continue;
    m.date = day;
    if (new_station) m.room.clear();  // a room belongs to its station
    store.update(m);
  }
}

Session move_session(Store& store, const SessionRef& ref, Date first, std::optional<Date> last,
                     std::optional<std::string> station, std::optional<std::string> room) {
  return in_transaction(store, [&](Store& st) {
    const Session old = require_session(st, ref, "session");
    Session s = old;
    s.first = first;
    s.last = last.value_or(old.last + (first - old.first));
    if (station) {
      s.station = *station;
      if (!room) s.room.clear();  // a room belongs to its station
    }
    if (room) s.room = *room;
    move_session_and_meetings(st, old, s, days_between(old.first, old.last), days_between(s.first, s.last));
    return *st.session(ref.body, ref.number);
  });
}

Session set_session_status(Store& store, const SessionRef& ref, SessionStatus status) {
  return in_transaction(store, [&](Store& st) {
    Session s = require_session(st, ref, "session");
    s.status = status;
    st.update(s);
    return *st.session(ref.body, ref.number);
  });
}

std::vector<Meeting> generate_meetings(Store& store, const SessionRef& ref) {
  return in_transaction(store, [&](Store& st) {
    const Session s = require_session(st, ref, "session");
    std::set<Date> closed;
    for (const auto& h : st.holidays(s.station)) closed.insert(h.date);
    const auto existing = st.meetings(ref.body, ref.number);
    int number = 0;
    for (const auto& m : existing) number = std::max(number, m.number);
    const auto taken = [&](Date d, Minutes start) {
      return std::any_of(existing.begin(), existing.end(),
                         [&](const Meeting& m) { return m.date == d && m.start == start; });
    };
    std::vector<Meeting> created;
    for (Date d = s.first; d <= s.last; d += date::days{1}) {
      if (is_weekend(d) || closed.count(d)) continue;
      for (auto [start, end] : {std::pair{k_morning_start, k_morning_end},
                                std::pair{k_afternoon_start, k_afternoon_end}}) {
        if (taken(d, start)) continue;
        Meeting m{s.body, s.number, d, start, end, "", "plenary", ++number, "", 0};
        st.add(m);
        created.push_back(m);
      }
    }
    return created;
  });
}

std::size_t remove_meetings(Store& store, const SessionRef& ref, std::optional<Date> date,
                            std::optional<Minutes> start) {
  return in_transaction(store, [&](Store& st) {
    (void)require_session(st, ref, "SESSION");
    const std::size_t n = st.remove_meetings(ref.body, ref.number, date, start);
    if (n == 0 && date)
      throw InputError({}, start ? "--start" : "--date", start ? to_hhmm(*start) : to_iso(*date),
                       start ? fmt::format("{} has no meeting on {} at {}", to_string(ref), to_iso(*date), to_hhmm(*start))
                             : fmt::format("{} has no meeting on {}", to_string(ref), to_iso(*date)));
    return n;
  });
}

}  // namespace gge
