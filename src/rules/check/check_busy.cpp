// Imported busy time (`gge import ics`): a session that meets while its station, its room, its
// body or one of its body's experts is busy elsewhere.
#include "check_context.hpp"
#include "gge/model/busy_days.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace gge::detail {
namespace {

std::string subject_key(BusyKind kind, const std::string& subject) {
  return fmt::format("{}\x1f{}", to_string(kind), subject);
}

/// UTC minutes since 1970 of an instant, rounded down (start) or up (end).
Stamp minutes_floor(Instant t) {
  return static_cast<Stamp>(date::floor<std::chrono::minutes>(t).time_since_epoch().count());
}
Stamp minutes_ceil(Instant t) {
  return static_cast<Stamp>(date::ceil<std::chrono::minutes>(t).time_since_epoch().count());
}

/// The days of session `si` on which busy time `b` meets one of its slots (only the slots in
/// `room` when it is >= 0), sorted and unique.
std::vector<Date> clash_days(const Context& c, int si, const BusyTime& b, int room) {
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  std::vector<Date> days;
  const auto [bf, bl] = busy_days(b);
  for (int k = s.slot_begin; k < s.slot_end; ++k) {
    const auto& slot = c.slots[static_cast<std::size_t>(k)];
    if (room >= 0 && slot.room != room) continue;
    const bool whole_days = slot.meeting < 0;
    if (b.all_day) {
      if (whole_days) {
        for (Date d = std::max(s.first, bf); d <= std::min(s.last, bl); d += date::days{1})
          days.push_back(d);
      } else if (slot.date >= bf && slot.date <= bl) {
        days.push_back(slot.date);
      }
      continue;
    }
    if (minutes_floor(b.start) >= slot.utc_end || minutes_ceil(b.end) <= slot.utc_start) continue;
    if (whole_days) {
      for (Date d = std::max(s.first, bf); d <= std::min(s.last, bl); d += date::days{1})
        days.push_back(d);
    } else {
      days.push_back(slot.date);
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

struct Subject {
  BusyKind kind;
  std::string key;
  int room = -1;  ///< room subjects: the room's index (only slots there clash)
};

/// Whose busy time concerns session `si`: its station, its body, its body's experts, its rooms.
std::vector<Subject> subjects_of(const Context& c, int si) {
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  std::vector<Subject> out;
  out.push_back({BusyKind::station, s.rec->station});
  out.push_back({BusyKind::body, s.rec->body});
  for (int e : c.body_members[static_cast<std::size_t>(s.body)])
    out.push_back({BusyKind::expert, c.experts[static_cast<std::size_t>(e)]});
  std::vector<int> rooms;
  for (int k = s.slot_begin; k < s.slot_end; ++k)
    if (const int r = c.slots[static_cast<std::size_t>(k)].room; r >= 0) rooms.push_back(r);
  std::sort(rooms.begin(), rooms.end());
  rooms.erase(std::unique(rooms.begin(), rooms.end()), rooms.end());
  for (int r : rooms) out.push_back({BusyKind::room, c.rooms[static_cast<std::size_t>(r)], r});
  return out;
}

std::string days_text(const std::vector<Date>& days) {
  if (days.size() == 1) return long_day(days.front());
  return fmt::format("{} days, {}", days.size(), to_un_range(days.front(), days.back()));
}

}  // namespace

void check_busy(Context& c) {
  const auto& busy = c.sc.busy_times;
  c.session_busy_days.assign(c.sessions.size(), DayIndex{});
  if (busy.empty()) {
    for (auto& index : c.session_busy_days) index.finish();
    return;
  }
  std::unordered_map<std::string, std::vector<int>> by_subject;
  for (std::size_t i = 0; i < busy.size(); ++i)
    by_subject[subject_key(busy[i].kind, busy[i].subject)].push_back(static_cast<int>(i));

  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    const int session = static_cast<int>(si);
    // One finding per subject and imported event (a series' instances together).
    std::map<std::tuple<BusyKind, std::string, std::string, std::string>, std::vector<Date>>
        clashes;
    std::map<std::tuple<BusyKind, std::string, std::string, std::string>, const BusyTime*> sample;
    for (const auto& subject : subjects_of(c, session)) {
      const auto found = by_subject.find(subject_key(subject.kind, subject.key));
      if (found == by_subject.end()) continue;
      for (int id : found->second) {
        const auto& b = busy[static_cast<std::size_t>(id)];
        const auto [bf, bl] = busy_days(b);
        c.session_busy_days[si].add(bf, bl, id);
        auto days = clash_days(c, session, b, subject.kind == BusyKind::room ? subject.room : -1);
        if (days.empty()) continue;
        const auto key = std::make_tuple(b.kind, b.subject, b.source, b.uid);
        auto& all = clashes[key];
        all.insert(all.end(), days.begin(), days.end());
        sample.emplace(key, &b);
      }
    }
    c.session_busy_days[si].finish();
    for (auto& [key, days] : clashes) {
      std::sort(days.begin(), days.end());
      days.erase(std::unique(days.begin(), days.end()), days.end());
      const BusyTime& b = *sample.at(key);
      auto& f = c.add(session, fmt::format("{}-busy", to_string(b.kind)), Severity::error, session);
      f.first = days.front();
      f.last = days.back();
      f.subjects = {c.ref(session), fmt::format("{} {}", to_string(b.kind), b.subject)};
      f.rule = fmt::format("imported busy time of {} {} (source {})", to_string(b.kind), b.subject,
                           b.source);
      f.reason = fmt::format("{} meets on {} while {} {} is busy: \"{}\" (imported from {})",
                             c.ref(session), days_text(days), to_string(b.kind), b.subject,
                             b.summary.empty() ? std::string{"(no summary)"} : b.summary, b.source);
    }
  }
}

}  // namespace gge::detail
