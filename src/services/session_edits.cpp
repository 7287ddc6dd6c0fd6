#include "gge/services/session_edits.hpp"

#include "gge/core/fields.hpp"
#include "gge/model/validate.hpp"
#include "gge/rules/calendar/session_days.hpp"
#include "gge/rules/calendar/working_days.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/check_store.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

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

void move_session_and_meetings(WriteTx& tx, const Session& before, const Session& moved,
                               const std::vector<Date>& old_days, const std::vector<Date>& new_days) {
  Store& store = tx.store();
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
                       fmt::format("session {} on {} to {} has no day for this meeting (day {} of "
                                   "the session; its meetings need {} days): make it longer, or clear "
                                   "its meetings first (gge meeting clear) and generate them after",
                                   ref_of(moved), to_iso(moved.first), to_iso(moved.last),
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

Session require_session_at(const Store& store, const SessionRef& ref,
                           std::optional<long long> from_revision) {
  Session s = require_session(store, ref, fields::k_session);
  if (from_revision && *from_revision != s.revision)
    throw StaleRevision(to_string(ref), *from_revision, s.revision);
  return s;
}

std::vector<Session> list_sessions(const Store& store, const SessionFilter& filter) {
  if (filter.from && filter.to && *filter.to < *filter.from)
    throw InputError({}, fields::k_last_day, to_iso(*filter.to),
                     fmt::format("is before the first day {}", to_iso(*filter.from)));
  if (!filter.body.empty() && !store.body(filter.body))
    throw InputError({}, fields::k_body, filter.body, "no such body");
  if (!filter.station.empty() && !store.station(filter.station))
    throw InputError({}, fields::k_station, filter.station, "no such station");
  auto sessions = store.sessions(filter.body);
  std::erase_if(sessions, [&](const Session& s) {
    return (!filter.station.empty() && s.station != filter.station) ||
           (filter.status && s.status != *filter.status) ||
           (filter.from && s.last < *filter.from) || (filter.to && s.first > *filter.to);
  });
  return sessions;
}

Session move_session_in(WriteTx& tx, const SessionRef& ref, Date first, std::optional<Date> last,
                        std::optional<std::string> station, std::optional<std::string> room,
                        std::optional<long long> from_revision) {
  Store& st = tx.store();
  const Session old = require_session_at(st, ref, from_revision);
  Session s = old;
  s.first = first;
  s.last = last.value_or(old.last + (first - old.first));
  if (station) {
    s.station = *station;
    if (!room) s.room.clear();  // a room belongs to its station
  }
  if (room) s.room = *room;
  move_session_and_meetings(tx, old, s, days_between(old.first, old.last),
                            days_between(s.first, s.last));
  return *st.session(ref.body, ref.number);
}

Session move_session(Store& store, const SessionRef& ref, Date first, std::optional<Date> last,
                     std::optional<std::string> station, std::optional<std::string> room,
                     std::optional<long long> from_revision) {
  return in_transaction(store, [&](WriteTx& tx) {
    return move_session_in(tx, ref, first, last, std::move(station), std::move(room),
                           from_revision);
  });
}

MovePreview preview_move(Store& store, const SessionRef& ref, Date first, std::optional<Date> last,
                         std::optional<std::string> station, std::optional<std::string> room,
                         std::optional<long long> from_revision) {
  // A move changes sessions and meetings only: the stations' calendars and the deadline chains
  // are the same before and after, so one set of calendars serves both checks. The stored plan
  // and its findings are read under a snapshot, before the write transaction (whose lock other
  // writers wait for), and read again inside it only if something was written meanwhile.
  std::optional<Calendars> calendars;
  std::vector<Finding> before;
  long long read_at = 0;
  {
    const Store::Snapshot view(store);
    read_at = store.newest_change_id();
    calendars.emplace(store);
    before = check_store(store, *calendars);
  }
  MovePreview p;
  {
    WriteTx tx(store);  // never committed: its destructor rolls the move back
    if (tx.store().newest_change_id() != read_at) {
      calendars.emplace(tx.store());
      before = check_store(tx.store(), *calendars);
    }
    p.before = require_session_at(tx.store(), ref, from_revision);
    p.after =
        move_session_in(tx, ref, first, last, std::move(station), std::move(room), from_revision);
    const auto after = check_store(tx.store(), *calendars);
    p.added = findings_not_in(after, before);
    p.resolved = findings_not_in(before, after);
    const std::string id = to_string(ref);
    for (const auto& f : after)
      if ((f.body == ref.body && f.session == ref.number) ||
          std::find(f.subjects.begin(), f.subjects.end(), id) != f.subjects.end())
        p.session_findings.push_back(f);
  }
  return p;
}

Session set_session_status(Store& store, const SessionRef& ref, SessionStatus status,
                           std::optional<long long> from_revision) {
  return in_transaction(store, [&](WriteTx& tx) {
    Store& st = tx.store();
    Session s = require_session_at(st, ref, from_revision);
    s.status = status;
    st.update(s);
    return *st.session(ref.body, ref.number);
  });
}

std::vector<Meeting> generate_meetings(Store& store, const SessionRef& ref,
                                       std::optional<long long> from_revision) {
  return in_transaction(store, [&](WriteTx& tx) {
    Store& st = tx.store();
    const Session s = require_session_at(st, ref, from_revision);
    const Calendars calendars(st);
    const auto existing = st.meetings(ref.body, ref.number);
    int number = 0;
    for (const auto& m : existing) number = std::max(number, m.number);
    const auto taken = [&](Date d, Minutes start) {
      return std::any_of(existing.begin(), existing.end(),
                         [&](const Meeting& m) { return m.date == d && m.start == start; });
    };
    std::vector<Meeting> created;
    // The session's meeting days (session_days.hpp): its station's working days, so a
    // stretched session's meetings skip the closures it runs over.
    for (Date d : meeting_days(calendars.station(s.station), s.first, s.last)) {
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
                            std::optional<Minutes> start, std::optional<long long> from_revision) {
  return in_transaction(store, [&](WriteTx& tx) {
    Store& st = tx.store();
    (void)require_session_at(st, ref, from_revision);
    const std::size_t n = st.remove_meetings(ref.body, ref.number, date, start);
    if (n == 0 && date)
      throw InputError({}, start ? fields::k_meeting_start : fields::k_meeting_day, start ? to_hhmm(*start) : to_iso(*date),
                       start ? fmt::format("{} has no meeting on {} at {}", to_string(ref), to_iso(*date), to_hhmm(*start))
                             : fmt::format("{} has no meeting on {}", to_string(ref), to_iso(*date)));
    return n;
  });
}

}  // namespace gge
