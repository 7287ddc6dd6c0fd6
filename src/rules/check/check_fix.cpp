// Fix suggestions: the nearest whole-day shift of a session that passes every other check.
#include "check_context.hpp"
#include "gge/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace gge::detail {
namespace {

/// What a shift of one session is checked against, gathered once per session.
struct Move {
  int session = -1;
  std::vector<Date> meeting_days;  ///< distinct, sorted; empty: a session without meetings
  std::vector<int> rooms;          ///< rooms it uses
  std::optional<Date> after;       ///< the shifted first day must be >= this (order, min gap)
  std::optional<Date> before;      ///< the shifted last day must be <= this
  std::optional<Date> not_before;  ///< window: mandate start, resolution adoption
  std::optional<Date> not_after;   ///< window: latest end
};

Move prepare(const Context& c, int si) {
  Move mv;
  mv.session = si;
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  for (int k = s.slot_begin; k < s.slot_end; ++k) {
    const auto& slot = c.slots[static_cast<std::size_t>(k)];
    if (s.meetings > 0) mv.meeting_days.push_back(slot.date);
    if (slot.room >= 0) mv.rooms.push_back(slot.room);
  }
  for (auto* v : {&mv.meeting_days}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  std::sort(mv.rooms.begin(), mv.rooms.end());
  mv.rooms.erase(std::unique(mv.rooms.begin(), mv.rooms.end()), mv.rooms.end());

  // Number neighbours: the shifted session must stay after the lower-numbered and before the
  // higher-numbered sessions of its body, min_gap_days apart (at least one day, no overlap).
  const Body* body = c.body_rec[static_cast<std::size_t>(s.body)];
  const int gap = std::max(1, body != nullptr ? body->min_gap_days : 0);
  for (int o : c.body_sessions[static_cast<std::size_t>(s.body)]) {
    if (o == si) continue;
    const auto& x = c.sessions[static_cast<std::size_t>(o)];
    if (x.rec->number < s.rec->number) {
      const Date bound = x.last + date::days{gap};
      if (!mv.after || *mv.after < bound) mv.after = bound;
    } else {
      const Date bound = x.first - date::days{gap};
      if (!mv.before || bound < *mv.before) mv.before = bound;
    }
  }
  if (s.mandate >= 0) {
    const auto& m = c.sc.mandates[static_cast<std::size_t>(s.mandate)];
    mv.not_before = m.start;
    if (const auto* r = c.mandate_resolution[static_cast<std::size_t>(s.mandate)])
      mv.not_before = std::max(m.start, r->adopted);
    mv.not_after = c.mandate_latest_end[static_cast<std::size_t>(s.mandate)];
  }
  return mv;
}

bool passes(Context& c, const Move& mv, int shift) {
  const auto& s = c.sessions[static_cast<std::size_t>(mv.session)];
  const date::days d{shift};
  const Date a = s.first + d, b = s.last + d;
  if ((mv.after && a < *mv.after) || (mv.before && b > *mv.before)) return false;
  if ((mv.not_before && a < *mv.not_before) || (mv.not_after && b > *mv.not_after)) return false;
  // The `weekend` rule: a session neither starts nor ends on a weekend, meetings or not.
  if (is_weekend(a) || is_weekend(b)) return false;
  if (mv.meeting_days.empty()) {
    for (Date x = a; x <= b; x += date::days{1})
      if (!is_weekend(x) && c.closed(s.station, x) != nullptr) return false;
  } else {
    for (Date x : mv.meeting_days)
      if (is_weekend(x + d) || c.closed(s.station, x + d) != nullptr) return false;
  }
  bool blocked = false;
  c.blackout_index.for_each(a, b, [&](int id, Date, Date) {
    const auto& bo = c.blackouts[static_cast<std::size_t>(id)];
    blocked = blocked || bo.station.empty() || bo.station == s.rec->station;
  });
  if (blocked) return false;
  if (!c.session_busy_days.empty() &&
      c.session_busy_days[static_cast<std::size_t>(mv.session)].overlaps(a, b, -1))
    return false;
  if (c.body_day_index[static_cast<std::size_t>(s.body)].overlaps(a, b, mv.session)) return false;
  for (int r : mv.rooms)
    if (c.room_day_index[static_cast<std::size_t>(r)].overlaps(a, b, mv.session)) return false;
  // Experts: no session of a body sharing an expert on these days (or the day on either side,
  // as other stations' days straddle ours in UTC).
  for (int p : c.body_partners[static_cast<std::size_t>(s.body)])
    if (c.body_day_index[static_cast<std::size_t>(p)].overlaps(a - date::days{1}, b + date::days{1}, -1))
      return false;
  return true;
}

/// The fix of session `si` as text, and as an action when it is a move.
std::pair<std::string, std::optional<FixMove>> fix_for(Context& c, int si) {
  const auto& s = c.sessions[static_cast<std::size_t>(si)];
  if (s.rec->status == SessionStatus::held)
    return {fmt::format("none: {} has been held", c.ref(si)), std::nullopt};
  const Move mv = prepare(c, si);
  const int limit = c.in.options.fix_search_days;
  for (int n = 1; n <= limit; ++n)
    for (int shift : {n, -n})  // ties go to the later date
      if (passes(c, mv, shift)) {
        const date::days d{shift};
        return {
            fmt::format("move {} to {} ({} {})", c.ref(si), to_un_range(s.first + d, s.last + d),
                        counted(n, "day"), shift > 0 ? "later" : "earlier"),
            FixMove{c.ref(si), s.first + d, s.last + d}};
      }
  return {fmt::format("no shift of {} within {} days passes every check; change its length or "
                      "station",
                      c.ref(si), limit),
          std::nullopt};
}

}  // namespace

bool shift_passes(Context& c, int session, int shift) {
  return passes(c, prepare(c, session), shift);
}

void suggest_fixes(Context& c) {
  std::unordered_map<int, std::pair<std::string, std::optional<FixMove>>> memo;
  for (std::size_t i = 0; i < c.out.size(); ++i) {
    const int target = c.fix_target[i];
    if (target < 0 || !c.out[i].fix.empty()) continue;
    auto it = memo.find(target);
    if (it == memo.end()) it = memo.emplace(target, fix_for(c, target)).first;
    c.out[i].fix = it->second.first;
    c.out[i].fix_move = it->second.second;
  }
}

}  // namespace gge::detail
