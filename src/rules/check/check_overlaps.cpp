// Overlap rules: sessions of one body, rooms booked twice, experts in two places at once.
// Sweep lines over sorted starts with an active set; never a comparison of every pair.
#include "check_context.hpp"
#include "gge/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace gge::detail {
namespace {

/// The session a fix should move: the tentative one when only one is, else the later one.
int pick_target(const Context& c, int a, int b) {
  const auto& x = c.sessions[static_cast<std::size_t>(a)];
  const auto& y = c.sessions[static_cast<std::size_t>(b)];
  if (x.firm != y.firm) return x.firm ? b : a;
  return std::tie(x.first, x.rec->body, x.rec->number) > std::tie(y.first, y.rec->body, y.rec->number) ? a : b;
}

Finding& overlap_finding(Context& c, const char* family, int a, int b, Date first, Date last) {
  const int target = pick_target(c, a, b);
  const int other = target == a ? b : a;
  const bool firm = c.sessions[static_cast<std::size_t>(a)].firm &&
                    c.sessions[static_cast<std::size_t>(b)].firm;
  auto& f = c.add(target, firm ? family : "tentative-overlap",
                  firm ? Severity::error : Severity::warning, target);
  f.first = first;
  f.last = last;
  f.rule = family;
  f.subjects = {c.ref(target), c.ref(other)};
  return f;
}

std::string tentative_note(const Context& c, int a, int b) {
  std::string note;
  for (int s : {a, b})
    if (!c.sessions[static_cast<std::size_t>(s)].firm)
      note += fmt::format("; {} is tentative", c.ref(s));
  return note;
}

std::string status_pair(const Context& c, int a, int b) {
  return fmt::format("{} ({}) and {} ({})", c.ref(a),
                     to_string(c.sessions[static_cast<std::size_t>(a)].rec->status), c.ref(b),
                     to_string(c.sessions[static_cast<std::size_t>(b)].rec->status));
}

void body_overlap(Context& c, int a, int b) {
  const auto& x = c.sessions[static_cast<std::size_t>(a)];
  const auto& y = c.sessions[static_cast<std::size_t>(b)];
  const Date first = std::max(x.first, y.first), last = std::min(x.last, y.last);
  auto& f = overlap_finding(c, "body-overlap", a, b, first, last);
  f.reason = fmt::format("{} overlap on {}{}", status_pair(c, a, b), to_un_range(first, last),
                         tentative_note(c, a, b));
}

/// Meetings of two sessions that overlap in UTC; reports the pair when any do.
void expert_overlap(Context& c, int a, int b) {
  const auto& x = c.sessions[static_cast<std::size_t>(a)];
  const auto& y = c.sessions[static_cast<std::size_t>(b)];
  int i = x.slot_begin, j = y.slot_begin, hits = 0;
  Date first = Date::max(), last = Date::min();
  while (i < x.slot_end && j < y.slot_end) {
    const auto& p = c.slots[static_cast<std::size_t>(i)];
    const auto& q = c.slots[static_cast<std::size_t>(j)];
    if (p.utc_end <= q.utc_start) { ++i; continue; }
    if (q.utc_end <= p.utc_start) { ++j; continue; }
    ++hits;
    first = std::min({first, p.date, q.date});
    last = std::max({last, p.date, q.date});
    if (p.utc_end <= q.utc_end) ++i; else ++j;
  }
  if (hits == 0) return;
  const auto& mx = c.body_members[static_cast<std::size_t>(x.body)];
  const auto& my = c.body_members[static_cast<std::size_t>(y.body)];
  std::vector<int> shared;
  std::set_intersection(mx.begin(), mx.end(), my.begin(), my.end(), std::back_inserter(shared));
  std::vector<std::string> names;
  for (int e : shared) names.push_back(c.experts[static_cast<std::size_t>(e)]);
  std::sort(names.begin(), names.end());
  auto& f = overlap_finding(c, "expert-double-booked", a, b, first, last);
  for (const auto& n : names) f.subjects.push_back("expert " + n);
  const bool whole = x.meetings == 0 || y.meetings == 0;
  f.reason = fmt::format("expert{} {} sit{} on {} and {}, which meet at the same time ({} "
                         "overlapping {}{}, {}){}",
                         names.size() == 1 ? "" : "s", fmt::join(names, ", "),
                         names.size() == 1 ? "s" : "", x.rec->body, y.rec->body, hits,
                         whole ? "slot" : "meeting", hits == 1 ? "" : "s",
                         to_un_range(first, last), tentative_note(c, a, b));
  if (whole) f.reason += "; compared by whole session days, as a session has no meetings";
}

void sweep_sessions(Context& c) {
  std::vector<int> order(c.sessions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const auto& x = c.sessions[static_cast<std::size_t>(a)];
    const auto& y = c.sessions[static_cast<std::size_t>(b)];
    return std::tie(x.first, x.last, x.rec->body, x.rec->number) <
           std::tie(y.first, y.last, y.rec->body, y.rec->number);
  });
  // Active: sessions whose days reach within one day of the current start (a UTC instant can
  // fall on the next or previous local day at another station).
  std::vector<int> active;
  for (int s : order) {
    const auto& cur = c.sessions[static_cast<std::size_t>(s)];
    const Date horizon = cur.first - date::days{1};
    std::erase_if(active, [&](int a) { return c.sessions[static_cast<std::size_t>(a)].last < horizon; });
    for (int a : active) {
      const auto& other = c.sessions[static_cast<std::size_t>(a)];
      if (other.body == cur.body) {
        if (other.last >= cur.first) body_overlap(c, a, s);
        continue;
      }
      const auto& partners = c.body_partners[static_cast<std::size_t>(other.body)];
      if (std::binary_search(partners.begin(), partners.end(), cur.body)) expert_overlap(c, a, s);
    }
    active.push_back(s);
  }
}

struct RoomEvent {
  int room, a, b;
  Date date;
  friend bool operator<(const RoomEvent& x, const RoomEvent& y) {
    return std::tie(x.room, x.a, x.b, x.date) < std::tie(y.room, y.a, y.b, y.date);
  }
};

/// Slots with a room, grouped by room (counting sort) and, within a room, by (local start,
/// slot): each entry packs the biased local start above the slot index, so the sort compares
/// plain integers. Returns the packed entries and each room's [begin, end) in them.
std::vector<std::uint64_t> slots_by_room(const Context& c, std::vector<std::size_t>& room_begin) {
  room_begin.assign(c.rooms.size() + 1, 0);
  for (const auto& slot : c.slots)
    if (slot.room >= 0) ++room_begin[static_cast<std::size_t>(slot.room) + 1];
  for (std::size_t r = 1; r < room_begin.size(); ++r) room_begin[r] += room_begin[r - 1];
  std::vector<std::uint64_t> packed(room_begin.back());
  std::vector<std::size_t> next(room_begin.begin(), room_begin.end() - 1);
  for (std::size_t k = 0; k < c.slots.size(); ++k) {
    const auto& slot = c.slots[k];
    if (slot.room < 0) continue;
    const auto start = static_cast<std::uint32_t>(static_cast<std::int64_t>(slot.local_start) -
                                                  std::numeric_limits<Stamp>::min());
    packed[next[static_cast<std::size_t>(slot.room)]++] = (std::uint64_t{start} << 32) | k;
  }
  for (std::size_t r = 0; r + 1 < room_begin.size(); ++r)
    std::sort(packed.begin() + static_cast<std::ptrdiff_t>(room_begin[r]),
              packed.begin() + static_cast<std::ptrdiff_t>(room_begin[r + 1]));
  return packed;
}

void sweep_rooms(Context& c) {
  std::vector<std::size_t> room_begin;
  const auto packed = slots_by_room(c, room_begin);
  std::vector<RoomEvent> events;
  std::vector<int> active;
  for (int room = 0; room + 1 < static_cast<int>(room_begin.size()); ++room) {
    active.clear();
    for (auto i = room_begin[static_cast<std::size_t>(room)];
         i < room_begin[static_cast<std::size_t>(room) + 1]; ++i) {
      const int slot = static_cast<int>(packed[i] & 0xffffffffU);
      const auto& cur = c.slots[static_cast<std::size_t>(slot)];
      // Half-open [start, end): a meeting ending at 13:00 frees the room for one starting at 13:00.
      std::erase_if(active, [&](int a) { return c.slots[static_cast<std::size_t>(a)].local_end <= cur.local_start; });
      for (int a : active) {
        const auto& other = c.slots[static_cast<std::size_t>(a)];
        // Two sessions of one body in one room are already a body-overlap finding.
        if (other.session == cur.session ||
            c.sessions[static_cast<std::size_t>(other.session)].body ==
                c.sessions[static_cast<std::size_t>(cur.session)].body)
          continue;
        events.push_back({room, std::min(other.session, cur.session),
                          std::max(other.session, cur.session), cur.date});
      }
      active.push_back(slot);
    }
  }
  std::sort(events.begin(), events.end());
  for (std::size_t i = 0; i < events.size();) {
    std::size_t j = i;
    while (j < events.size() && events[j].room == events[i].room && events[j].a == events[i].a &&
           events[j].b == events[i].b)
      ++j;
    const auto& e = events[i];
    const Date first = e.date, last = events[j - 1].date;
    auto& f = overlap_finding(c, "room-double-booked", e.a, e.b, first, last);
    const auto& room_name = c.rooms[static_cast<std::size_t>(e.room)];
    f.subjects.push_back("room " + room_name);
    f.reason = fmt::format("room {} is booked by {} at the same time ({}, {}){}",
                           room_name, status_pair(c, e.a, e.b), counted(j - i, "overlapping booking"),
                           to_un_range(first, last), tentative_note(c, e.a, e.b));
    i = j;
  }
}

}  // namespace

void check_overlaps(Context& c) {
  sweep_sessions(c);
  sweep_rooms(c);
}

}  // namespace gge::detail
