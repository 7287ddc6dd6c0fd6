// write_calendar: a whole calendar from in-memory values, in a deterministic order.
#include "gge/core/error.hpp"
#include "gge/formats/ical/ical.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <tuple>

namespace gge {
namespace {

void append_uid_part(std::string& out, std::string_view part) {
  for (unsigned char c : part) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '-' || c == '_';
    if (keep) out.push_back(static_cast<char>(c));
    else fmt::format_to(std::back_inserter(out), "%{:02X}", c);
  }
}

}  // namespace

std::string deadline_uid(const Deadline& d) {
  std::string uid = "deadline-";
  append_uid_part(uid, d.mandate);
  uid.push_back('/');  // never inside a part ('/' is written %2F there), so the UID is unambiguous
  append_uid_part(uid, d.kind);
  uid += "@gge";
  return uid;
}

void write_calendar(const IcalCalendar& calendar, const IcalOptions& options, const IcalSink& sink) {
  // Sort views, not the caller's values.
  std::vector<const IcalSession*> sessions;
  std::vector<const IcalMeeting*> meetings;
  std::vector<const IcalDeadline*> deadlines;
  for (const auto& s : calendar.sessions) {
    if (!s.session || !s.station) throw std::invalid_argument("IcalSession: session and station are required");
    sessions.push_back(&s);
  }
  for (const auto& m : calendar.meetings) {
    if (!m.meeting || !m.session || !m.station)
      throw std::invalid_argument("IcalMeeting: meeting, session and station are required");
    meetings.push_back(&m);
  }
  for (const auto& d : calendar.deadlines) {
    if (!d.deadline) throw std::invalid_argument("IcalDeadline: deadline is required");
    deadlines.push_back(&d);
  }
  std::sort(sessions.begin(), sessions.end(), [](auto* a, auto* b) {
    const Session &x = *a->session, &y = *b->session;
    return std::tie(x.first, x.body, x.number, x.uid) < std::tie(y.first, y.body, y.number, y.uid);
  });
  std::sort(meetings.begin(), meetings.end(), [](auto* a, auto* b) {
    const Meeting &x = *a->meeting, &y = *b->meeting;
    return std::tie(x.date, x.start, x.body, x.session, x.number, x.uid) <
           std::tie(y.date, y.start, y.body, y.session, y.number, y.uid);
  });
  std::sort(deadlines.begin(), deadlines.end(), [](auto* a, auto* b) {
    const Deadline &x = *a->deadline, &y = *b->deadline;
    return std::tie(x.date, x.mandate, x.kind) < std::tie(y.date, y.mandate, y.kind);
  });

  // The span of all events, and exactly the zones the meetings use.
  std::optional<Date> first, last;
  auto widen = [&](Date a, Date b) {
    if (!first || a < *first) first = a;
    if (!last || b > *last) last = b;
  };
  std::set<std::string> zones;
  for (auto* s : sessions) widen(s->session->first, s->session->last);
  for (auto* m : meetings) {
    widen(m->meeting->date, m->meeting->date + date::days{1});
    zones.insert(m->station->zone);
  }
  for (auto* d : deadlines) widen(d->deadline->date, d->deadline->date);
  std::vector<std::string> zone_list(zones.begin(), zones.end());

  IcalWriter writer(sink, options);
  writer.begin(zone_list, first.value_or(Date{}), last.value_or(Date{}));
  for (auto* s : sessions) writer.write(*s);
  for (auto* m : meetings) writer.write(*m);
  for (auto* d : deadlines) writer.write(*d);
  writer.finish();
}

}  // namespace gge
