#include "check_context.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace gge::detail {

void DayIndex::finish() {
  std::sort(m_items.begin(), m_items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.first, a.last, a.id) < std::tie(b.first, b.last, b.id);
  });
  m_max_last.resize(m_items.size());
  for (std::size_t i = 0; i < m_items.size(); ++i)
    m_max_last[i] = i == 0 ? m_items[i].last : std::max(m_max_last[i - 1], m_items[i].last);
}

bool DayIndex::overlaps(Date a, Date b, int self) const {
  bool hit = false;
  for_each(a, b, [&](int id, Date, Date) { hit = hit || id != self; });
  return hit;
}

std::string long_day(Date d) {
  static constexpr std::array<const char*, 7> k_names = {
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return fmt::format("{} {}", k_names[weekday_of(d).c_encoding()], to_un_long(d));
}

int Context::intern_station(const std::string& code) {
  auto [it, fresh] = station_index.try_emplace(code, static_cast<int>(stations.size()));
  if (fresh) {
    stations.push_back(StationInfo{code});
    room_index.emplace_back();
  }
  return it->second;
}

int Context::intern_body(const std::string& symbol) {
  auto [it, fresh] = body_index.try_emplace(symbol, static_cast<int>(bodies.size()));
  if (fresh) {
    bodies.push_back(symbol);
    body_rec.push_back(nullptr);
  }
  return it->second;
}

int Context::intern_room(int station, const std::string& name) {
  auto& index = room_index[static_cast<std::size_t>(station)];
  auto [it, fresh] = index.try_emplace(name, static_cast<int>(rooms.size()));
  if (fresh) {
    rooms.push_back(stations[static_cast<std::size_t>(station)].code + "/" + name);
    room_station.push_back(station);
  }
  return it->second;
}

const std::string* Context::closed(int station, Date day) {
  const auto key = pair_key(static_cast<std::uint32_t>(station), day_u32(day));
  if (in.closure) {
    auto it = m_closure_memo.find(key);
    if (it == m_closure_memo.end())
      it = m_closure_memo
               .emplace(key, in.closure(stations[static_cast<std::size_t>(station)].code, day))
               .first;
    return it->second ? &*it->second : nullptr;
  }
  auto it = m_holidays.find(key);
  return it == m_holidays.end() ? nullptr : &it->second;
}

Stamp Context::to_utc(int station, Stamp local) {
  auto& st = stations[static_cast<std::size_t>(station)];
  if (st.zone == nullptr) return local;
  // Fast path: the offset of the last conversion holds when the candidate instant lies well
  // inside that offset's validity (12 h margins keep ambiguous and skipped local times out).
  const std::int64_t guess = local - st.cache_offset;
  if (guess >= st.cache_begin + 720 && guess < st.cache_end - 720) return static_cast<Stamp>(guess);
  const auto lt = local_seconds{std::chrono::minutes{local}};
  const auto li = st.zone->get_info(lt);
  // Ambiguous: the earliest instant (first offset); nonexistent: the offset before the gap.
  const auto off = std::chrono::duration_cast<std::chrono::minutes>(li.first.offset).count();
  const auto utc = static_cast<Stamp>(local - off);
  const auto si = st.zone->get_info(Instant{std::chrono::minutes{utc}});
  const auto to_min = [](Instant t) -> std::int64_t {
    return std::chrono::floor<std::chrono::minutes>(t.time_since_epoch()).count();
  };
  st.cache_begin = to_min(si.begin);
  st.cache_end = to_min(si.end);
  st.cache_offset = std::chrono::duration_cast<std::chrono::minutes>(si.offset).count();
  return utc;
}

std::string Context::ref(int session) const {
  const auto& s = sessions[static_cast<std::size_t>(session)];
  return fmt::format("{}#{}", s.rec->body, s.rec->number);
}

std::string Context::meeting_ref(int meeting) const {
  const auto& m = sc.meetings[static_cast<std::size_t>(meeting)];
  return fmt::format("{}#{} {} {}-{}", m.body, m.session, to_iso(m.date), to_hhmm(m.start),
                     to_hhmm(m.end));
}

Finding& Context::add(int session, std::string code, Severity sev, int target) {
  Finding f;
  f.code = std::move(code);
  f.severity = sev;
  if (session >= 0) {
    const auto& s = sessions[static_cast<std::size_t>(session)];
    f.body = s.rec->body;
    f.session = s.rec->number;
    f.first = s.first;
    f.last = s.last;
  }
  out.push_back(std::move(f));
  fix_target.push_back(target);
  return out.back();
}

namespace {

bool is_active(SessionStatus s) {
  return s != SessionStatus::cancelled && s != SessionStatus::postponed;
}

int working_days(Date first, Date last) {
  int n = 0;
  for (Date d = first; d <= last; d += date::days{1}) n += is_weekend(d) ? 0 : 1;
  return n;
}

void build_people(Context& c) {
  std::unordered_map<std::string, int> expert_index;
  const auto intern_expert = [&](const std::string& key) {
    auto [it, fresh] = expert_index.try_emplace(key, static_cast<int>(c.experts.size()));
    if (fresh) c.experts.push_back(key);
    return it->second;
  };
  for (const auto& e : c.sc.experts) intern_expert(e.key);
  std::vector<std::pair<int, int>> seats;  // (expert, body)
  seats.reserve(c.sc.memberships.size());
  for (const auto& m : c.sc.memberships) seats.emplace_back(intern_expert(m.expert), c.intern_body(m.body));
  std::sort(seats.begin(), seats.end());
  seats.erase(std::unique(seats.begin(), seats.end()), seats.end());
  c.body_members.assign(c.bodies.size(), {});
  c.expert_bodies.assign(c.experts.size(), {});
  c.body_partners.assign(c.bodies.size(), {});
  for (auto [e, b] : seats) {
    c.expert_bodies[static_cast<std::size_t>(e)].push_back(b);
    c.body_members[static_cast<std::size_t>(b)].push_back(e);
  }
  for (const auto& bs : c.expert_bodies)
    for (std::size_t i = 0; i < bs.size(); ++i)
      for (std::size_t j = 0; j < bs.size(); ++j)
        if (i != j) c.body_partners[static_cast<std::size_t>(bs[i])].push_back(bs[j]);
  for (auto& p : c.body_partners) {
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
  }
}

void build_mandates(Context& c) {
  const auto& sc = c.sc;
  std::unordered_map<std::string, const Resolution*> resolutions;
  for (const auto& r : sc.resolutions) resolutions.emplace(r.symbol, &r);
  std::unordered_map<std::string, std::size_t> mandate_index;
  c.mandate_latest_end.assign(sc.mandates.size(), std::nullopt);
  c.mandate_resolution.assign(sc.mandates.size(), nullptr);
  c.mandate_sessions.assign(sc.mandates.size(), {});
  std::vector<std::vector<int>> by_body(c.bodies.size());
  for (std::size_t i = 0; i < sc.mandates.size(); ++i) {
    const auto& m = sc.mandates[i];
    mandate_index.emplace(m.key, i);
    if (auto it = resolutions.find(m.resolution); it != resolutions.end())
      c.mandate_resolution[i] = it->second;
    const auto b = static_cast<std::size_t>(c.intern_body(m.body));
    if (b >= by_body.size()) by_body.resize(b + 1);
    by_body[b].push_back(static_cast<int>(i));
  }
  for (const auto& d : sc.deadlines) {
    auto it = mandate_index.find(d.mandate);
    if (d.kind != "latest_end" || it == mandate_index.end()) continue;
    auto& le = c.mandate_latest_end[it->second];
    le = le ? std::min(*le, d.date) : d.date;
  }
  for (auto& list : by_body)
    std::sort(list.begin(), list.end(), [&](int a, int b) {
      return std::tie(sc.mandates[static_cast<std::size_t>(a)].start, a) <
             std::tie(sc.mandates[static_cast<std::size_t>(b)].start, b);
    });
  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    auto& s = c.sessions[si];
    const auto b = static_cast<std::size_t>(s.body);
    if (b >= by_body.size() || by_body[b].empty()) continue;
    int chosen = by_body[b].front();
    for (int m : by_body[b])
      if (sc.mandates[static_cast<std::size_t>(m)].start <= s.first) chosen = m;
    s.mandate = chosen;
  }
}

void build_slots(Context& c) {
  const auto& sc = c.sc;
  std::unordered_map<std::uint64_t, bool> known;  // every session, active or not
  for (const auto& s : sc.sessions)
    known.emplace(pair_key(static_cast<std::uint32_t>(c.intern_body(s.body)),
                           static_cast<std::uint32_t>(s.number)),
                  is_active(s.status));
  // Pass 1: the owning session of every meeting (-1: none), and the count per session.
  std::vector<int> owner(sc.meetings.size(), -1);
  const std::string* last_body = nullptr;
  int last_number = -1, last_session = -1;
  bool last_known = false;
  std::vector<int> count(c.sessions.size() + 1, 0);
  for (std::size_t mi = 0; mi < sc.meetings.size(); ++mi) {
    const auto& m = sc.meetings[mi];
    // Meetings come grouped by session in practice: reuse the previous lookup.
    if (last_body == nullptr || m.session != last_number || m.body != *last_body) {
      last_body = &m.body;
      last_number = m.session;
      const auto key = pair_key(static_cast<std::uint32_t>(c.intern_body(m.body)),
                                static_cast<std::uint32_t>(m.session));
      auto it = c.session_index.find(key);
      last_session = it == c.session_index.end() ? -1 : it->second;
      last_known = known.count(key) != 0;
    }
    if (last_session < 0) {
      if (!last_known) {
        auto& f = c.add(-1, "unknown-session", Severity::error, -1);
        f.body = m.body;
        f.session = m.session;
        f.first = f.last = m.date;
        f.subjects = {c.meeting_ref(static_cast<int>(mi))};
        f.rule = "a meeting belongs to a session";
        f.reason = fmt::format("meeting of {}#{} on {}, but the body has no such session", m.body,
                               m.session, to_un_long(m.date));
        f.fix = "add the session or delete the meeting";
      }
      continue;
    }
    owner[mi] = last_session;
    ++count[static_cast<std::size_t>(last_session) + 1];
  }
  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    c.sessions[si].meetings = count[si + 1];
    if (count[si + 1] == 0) count[si + 1] = 1;  // its whole-days slot
  }
  for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
  // Pass 2: each slot straight into its session's group (a counting sort by session).
  c.slots.resize(static_cast<std::size_t>(count.back()));
  std::vector<int> pos(count.begin(), count.end() - 1);
  for (std::size_t mi = 0; mi < sc.meetings.size(); ++mi) {
    const int si = owner[mi];
    if (si < 0) continue;
    const auto& m = sc.meetings[mi];
    const auto& s = c.sessions[static_cast<std::size_t>(si)];
    Slot& slot = c.slots[static_cast<std::size_t>(pos[static_cast<std::size_t>(si)]++)];
    slot.session = si;
    slot.meeting = static_cast<int>(mi);
    slot.room = m.room.empty() ? s.room : c.intern_room(s.station, m.room);
    slot.date = m.date;
    slot.local_start = local_stamp(m.date, m.start);
    slot.local_end = local_stamp(m.date, m.end);
    slot.utc_start = c.to_utc(s.station, slot.local_start);
    slot.utc_end = c.to_utc(s.station, slot.local_end);
  }
  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    const auto& s = c.sessions[si];
    if (s.meetings > 0) continue;
    Slot& slot = c.slots[static_cast<std::size_t>(pos[si]++)];
    slot.session = static_cast<int>(si);
    slot.meeting = -1;
    slot.room = s.room;
    slot.date = s.first;
    slot.local_start = local_stamp(s.first, Minutes{0});
    slot.local_end = local_stamp(s.last + date::days{1}, Minutes{0});
    slot.utc_start = c.to_utc(s.station, slot.local_start);
    slot.utc_end = c.to_utc(s.station, slot.local_end);
  }
  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    auto& s = c.sessions[si];
    s.slot_begin = count[si];
    s.slot_end = count[si + 1];
    auto b = c.slots.begin() + s.slot_begin, e = c.slots.begin() + s.slot_end;
    if (!std::is_sorted(b, e, [](const Slot& x, const Slot& y) { return x.utc_start < y.utc_start; }))
      std::sort(b, e, [](const Slot& x, const Slot& y) {
        return std::tie(x.utc_start, x.meeting) < std::tie(y.utc_start, y.meeting);
      });
    if (s.meetings == 0) {
      s.meeting_days = working_days(s.first, s.last);
    } else if (std::is_sorted(b, e, [](const Slot& x, const Slot& y) { return x.date < y.date; })) {
      int distinct = 0;  // the usual case: count the date changes, no allocation
      for (auto it = b; it != e; ++it) distinct += it == b || it->date != (it - 1)->date;
      s.meeting_days = distinct;
    } else {
      std::vector<Date> days;
      for (auto it = b; it != e; ++it) days.push_back(it->date);
      std::sort(days.begin(), days.end());
      s.meeting_days = static_cast<int>(std::unique(days.begin(), days.end()) - days.begin());
    }
  }
}

void build_indexes(Context& c) {
  c.body_sessions.assign(c.bodies.size(), {});
  c.body_day_index.assign(c.bodies.size(), {});
  c.room_day_index.assign(c.rooms.size(), {});
  for (std::size_t si = 0; si < c.sessions.size(); ++si) {
    const auto& s = c.sessions[si];
    const int id = static_cast<int>(si);
    c.body_sessions[static_cast<std::size_t>(s.body)].push_back(id);
    c.body_day_index[static_cast<std::size_t>(s.body)].add(s.first, s.last, id);
    int previous_room = -2;
    std::vector<int> used;
    for (int k = s.slot_begin; k < s.slot_end; ++k) {
      const int r = c.slots[static_cast<std::size_t>(k)].room;
      if (r < 0 || r == previous_room) continue;
      previous_room = r;
      used.push_back(r);
    }
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (int r : used) c.room_day_index[static_cast<std::size_t>(r)].add(s.first, s.last, id);
  }
  for (auto& list : c.body_sessions)
    std::sort(list.begin(), list.end(), [&](int a, int b) {
      const auto& x = c.sessions[static_cast<std::size_t>(a)];
      const auto& y = c.sessions[static_cast<std::size_t>(b)];
      return std::tie(x.first, x.rec->number) < std::tie(y.first, y.rec->number);
    });
  for (auto& ix : c.body_day_index) ix.finish();
  for (auto& ix : c.room_day_index) ix.finish();

  c.blackouts = c.sc.blackouts;
  c.high_level_from = c.blackouts.size();
  c.blackouts.insert(c.blackouts.end(), c.in.high_level_weeks.begin(), c.in.high_level_weeks.end());
  for (std::size_t i = 0; i < c.blackouts.size(); ++i)
    c.blackout_index.add(c.blackouts[i].first, c.blackouts[i].last, static_cast<int>(i));
  c.blackout_index.finish();
}

}  // namespace

void build_context(Context& c) {
  const auto& sc = c.sc;
  for (const auto& st : sc.stations) {
    auto& info = c.stations[static_cast<std::size_t>(c.intern_station(st.code))];
    try {
      info.zone = date::locate_zone(st.zone);
    } catch (const std::exception&) {
      throw InputError("station " + st.code, "zone", st.zone, "not an IANA time zone");
    }
    info.hours_from = st.hours_from;
    info.hours_to = st.hours_to;
  }
  for (const auto& b : sc.bodies) c.body_rec[static_cast<std::size_t>(c.intern_body(b.symbol))] = &b;
  for (const auto& r : sc.rooms) c.intern_room(c.intern_station(r.station), r.name);
  if (!c.in.closure)
    for (const auto& h : sc.holidays)
      c.m_holidays.emplace(pair_key(static_cast<std::uint32_t>(c.intern_station(h.station)),
                                    day_u32(h.date)),
                           h.name);

  for (const auto& s : sc.sessions) {
    if (!is_active(s.status)) continue;
    SessionInfo info;
    info.rec = &s;
    info.body = c.intern_body(s.body);
    info.station = c.intern_station(s.station);
    info.room = s.room.empty() ? -1 : c.intern_room(info.station, s.room);
    info.first = s.first;
    info.last = s.last;
    info.firm = s.status != SessionStatus::planned;
    c.session_index.emplace(pair_key(static_cast<std::uint32_t>(info.body),
                                     static_cast<std::uint32_t>(s.number)),
                            static_cast<int>(c.sessions.size()));
    c.sessions.push_back(info);
  }
  build_slots(c);
  build_people(c);
  build_mandates(c);
  c.body_members.resize(c.bodies.size());
  c.body_partners.resize(c.bodies.size());
  build_indexes(c);
}

}  // namespace gge::detail
