#include "gge/services/sessions.hpp"

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

Session move_session(Store& store, const SessionRef& ref, Date first, std::optional<Date> last,
                     std::optional<std::string> station, std::optional<std::string> room) {
  return in_transaction(store, [&](Store& st) {
    Session s = require_session(st, ref, "session");
    const date::days shift = first - s.first;
    const Date new_last = last.value_or(s.last + shift);
    // Meetings are kept on the same day of the session, so they shift with it.
    auto meetings = st.meetings(ref.body, ref.number);
    s.first = first;
    s.last = new_last;
    if (station) {
      s.station = *station;
      if (!room) s.room.clear();  // a room belongs to its station
    }
    if (room) s.room = *room;
    st.update(s);
    for (auto& m : meetings) {
      if (shift.count() == 0) break;
      m.date += shift;
      st.update(m);
    }
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

}  // namespace gge
