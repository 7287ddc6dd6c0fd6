#pragma once
/// Private to the conflict checker: the plan interned to small integers once, so that every rule
/// family (check_*.cpp) works on sorted arrays instead of strings.
#include "gge/rules/check/check.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gge::detail {

/// Minutes since 1970-01-01 00:00, either local wall clock (of one station) or UTC. 32 bits
/// hold every minute of the supported years 1900..2199 (+-2^31 minutes is +-4000 years), and
/// keep a Slot at 32 bytes: the checker streams through a million of them.
using Stamp = std::int32_t;

inline Stamp local_stamp(Date d, Minutes m) {
  return static_cast<Stamp>(d.time_since_epoch().count() * 1440 + m.count());
}
inline std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  return (static_cast<std::uint64_t>(a) << 32) | b;
}
inline std::uint32_t day_u32(Date d) {
  return static_cast<std::uint32_t>(d.time_since_epoch().count());
}

struct StationInfo {
  std::string code;
  const date::time_zone* zone = nullptr;  ///< nullptr: unknown station, treated as UTC
  Minutes hours_from{0}, hours_to{k_day_minutes};
  // One-entry cache of the zone's offset around the last conversion (UTC minutes, [begin, end)).
  std::int64_t cache_begin = 0, cache_end = 0;
  std::int64_t cache_offset = 0;
};

struct SessionInfo {
  const Session* rec = nullptr;
  int body = -1;
  int station = -1;
  int room = -1;          ///< the session's own room; -1 = none assigned
  int mandate = -1;       ///< index into Scenario::mandates; -1 = none
  Date first{}, last{};   ///< inclusive
  bool firm = false;      ///< confirmed or held (planned = tentative)
  int slot_begin = 0, slot_end = 0;  ///< its slots in Context::slots, sorted by UTC start
  int meetings = 0;       ///< meetings it has (0: it occupies its whole days)
  int meeting_days = 0;   ///< distinct meeting dates, or working days when it has no meetings
};

/// A span of time a session occupies: one meeting, or the whole days of a session without any.
struct Slot {
  int session = -1;
  int room = -1;          ///< -1 = no room known
  int meeting = -1;       ///< index into Scenario::meetings; -1 = the whole-days slot
  Date date{};            ///< local date of the start
  Stamp local_start = 0, local_end = 0;  ///< station wall clock, [start, end)
  Stamp utc_start = 0, utc_end = 0;      ///< UTC, [start, end)
};

/// A static index of inclusive day intervals answering "does anything other than `self`
/// overlap [a, b]?" in O(log n + hits): sorted by first, with the running maximum of last.
class DayIndex {
public:
  void add(Date first, Date last, int id) { m_items.push_back({first, last, id}); }
  void finish();
  /// True when an item other than `self` intersects [a, b] (inclusive days).
  [[nodiscard]] bool overlaps(Date a, Date b, int self) const;
  /// Calls `f(id, first, last)` for every item intersecting [a, b].
  template <class F> void for_each(Date a, Date b, F&& f) const;

private:
  struct Item { Date first, last; int id; };
  std::vector<Item> m_items;
  std::vector<Date> m_max_last;
};

template <class F> void DayIndex::for_each(Date a, Date b, F&& f) const {
  // Items with first <= b are a prefix; walk it back while some item still reaches a.
  auto it = std::upper_bound(m_items.begin(), m_items.end(), b,
                             [](Date d, const Item& x) { return d < x.first; });
  for (auto i = static_cast<std::ptrdiff_t>(it - m_items.begin()) - 1; i >= 0; --i) {
    if (m_max_last[static_cast<std::size_t>(i)] < a) break;
    const auto& x = m_items[static_cast<std::size_t>(i)];
    if (x.last >= a) f(x.id, x.first, x.last);
  }
}

struct Context {
  const CheckInput& in;
  const Scenario& sc;

  std::vector<StationInfo> stations;
  std::unordered_map<std::string, int> station_index;
  std::vector<std::string> bodies;  ///< body symbols
  std::unordered_map<std::string, int> body_index;
  std::vector<const Body*> body_rec;  ///< nullptr when a session names an unknown body
  std::vector<std::string> rooms;     ///< "STATION/Room"
  std::vector<int> room_station;
  std::vector<std::unordered_map<std::string, int>> room_index;  ///< per station
  std::vector<std::string> experts;

  std::vector<SessionInfo> sessions;  ///< active sessions only
  std::unordered_map<std::uint64_t, int> session_index;  ///< (body, number) -> sessions index
  std::vector<std::vector<int>> body_sessions;  ///< per body, sorted by (first, number)
  std::vector<Slot> slots;            ///< grouped by session, each group sorted by utc_start
  std::vector<std::vector<int>> body_members;   ///< per body, expert indexes (sorted, unique)
  std::vector<std::vector<int>> expert_bodies;  ///< per expert, body indexes (sorted, unique)
  std::vector<std::vector<int>> body_partners;  ///< per body, other bodies sharing an expert
  std::vector<std::vector<int>> mandate_sessions;  ///< per mandate, sessions by (first, number)
  std::vector<std::optional<Date>> mandate_latest_end;
  std::vector<const Resolution*> mandate_resolution;

  std::vector<Blackout> blackouts;   ///< scenario blackouts then high-level weeks
  std::size_t high_level_from = 0;   ///< blackouts[i] for i >= this are high-level weeks
  DayIndex blackout_index;           ///< ids index `blackouts`

  std::vector<DayIndex> body_day_index;  ///< per body: its sessions' days
  std::vector<DayIndex> room_day_index;  ///< per room: days of sessions using the room
  /// Per active session: days its station, body, experts and rooms are busy (imported busy
  /// time; UTC days for timed ones); ids index `sc.busy_times`. Filled by check_busy.
  std::vector<DayIndex> session_busy_days;

  std::vector<Finding> out;
  std::vector<int> fix_target;  ///< per finding in `out`: the session to move, -1 = none

  explicit Context(const CheckInput& input) : in(input), sc(input.scenario) {}

  /// The closure's name when station `station` is closed on `day`, else nullptr.
  const std::string* closed(int station, Date day);
  /// UTC stamp of a local stamp at `station` (earliest instant of an ambiguous local time).
  Stamp to_utc(int station, Stamp local);

  int intern_station(const std::string& code);
  int intern_body(const std::string& symbol);
  int intern_room(int station, const std::string& name);

  /// "BODY#N" of an active session.
  std::string ref(int session) const;
  /// "BODY#N 2004-07-12 10:00-13:00" of a meeting.
  std::string meeting_ref(int meeting) const;
  /// A finding filed under `session`; `target` is the session a fix would move (-1: none).
  Finding& add(int session, std::string code, Severity sev, int target);

  std::unordered_map<std::uint64_t, std::optional<std::string>> m_closure_memo;
  std::unordered_map<std::uint64_t, std::string> m_holidays;
};

void build_context(Context& c);
void check_calendar(Context& c);
void check_mandate(Context& c);
void check_overlaps(Context& c);
void check_sequence(Context& c);
void check_meetings(Context& c);
/// `expert-busy`, `room-busy`, `station-busy`, `body-busy`: imported busy time (check_busy.cpp).
void check_busy(Context& c);
/// Fills `Finding::fix` for findings with a fix target: the nearest whole-day shift.
void suggest_fixes(Context& c);
/// True when `session` moved by `shift` days passes the calendar, window, order and overlap
/// rules (day-level, conservatively).
bool shift_passes(Context& c, int session, int shift);

/// "Saturday 17 July 2004".
std::string long_day(Date d);

}  // namespace gge::detail
