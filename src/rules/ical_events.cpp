// IcalWriter: one VEVENT per session, meeting or deadline.
#include "gge/core/error.hpp"
#include "rules/ical_text.hpp"
#include "rules/ical_writer_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace gge {
namespace {

using detail::append_ical_text;

/// "first", "second", ... "tenth", then "11th", "12th", "21st", ...
std::string ordinal(int n) {
  static constexpr const char* k_words[] = {"first", "second", "third", "fourth", "fifth",
                                            "sixth", "seventh", "eighth", "ninth", "tenth"};
  if (n >= 1 && n <= 10) return k_words[n - 1];
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    else if (n % 10 == 2) suffix = "nd";
    else if (n % 10 == 3) suffix = "rd";
  }
  return fmt::format("{}{}", n, suffix);
}

/// Builds one VEVENT in the writer's buffer; if anything throws, the buffer is cut back to where
/// the event began, and the InputError is located at `where`.
class EventBuilder {
public:
  EventBuilder(detail::IcalWriterState& s, bool begun) : m_s(s), m_mark(s.buffer.size()) {
    if (!begun) throw std::logic_error("IcalWriter: write before begin");
    if (s.finished) throw std::logic_error("IcalWriter: write after finish");
    m_s.buffer += "BEGIN:VEVENT\r\n";
  }
  void rollback() { m_s.buffer.resize(m_mark); m_s.line.clear(); }
  /// NAME:escaped text (left out when text is empty and `optional`).
  void text(std::string_view name, std::string_view value, std::string_view field) {
    m_s.line.assign(name);
    m_s.line.push_back(':');
    append_ical_text(m_s.line, value, field);
    m_s.end_line();
  }
  std::string& line() { return m_s.line; }
  void end_line() { m_s.end_line(); }
  void raw(std::string_view s) { m_s.buffer.append(s); }
  void identity(const std::string& uid, int revision, const std::optional<Instant>& modified,
                std::string_view field) {
    if (uid.empty()) throw InputError("", std::string(field), "", "an exported item needs a uid");
    text("UID", uid, field);
    m_s.buffer += m_s.dtstamp;
    m_s.buffer += m_s.organizer;
    if (modified) {
      m_s.line.assign("LAST-MODIFIED:");
      detail::append_ical_utc(m_s.line, *modified);
      m_s.end_line();
    }
    m_s.line.assign("SEQUENCE:");
    fmt::format_to(std::back_inserter(m_s.line), "{}", std::max(revision, 0));
    m_s.end_line();
  }
  void all_day(Date first, Date end_exclusive) {
    m_s.line.assign("DTSTART;VALUE=DATE:");
    detail::append_ical_date(m_s.line, first);
    m_s.end_line();
    m_s.line.assign("DTEND;VALUE=DATE:");
    detail::append_ical_date(m_s.line, end_exclusive);
    m_s.end_line();
  }
  void done() {
    m_s.buffer += "END:VEVENT\r\n";
    ++m_s.events;
    m_s.maybe_flush();
  }

private:
  detail::IcalWriterState& m_s;
  std::size_t m_mark;
};

template <class Fn>
void build(detail::IcalWriterState& s, bool begun, const std::string& where, Fn&& fn) {
  EventBuilder e(s, begun);
  try {
    fn(e);
  } catch (const InputError& err) {
    e.rollback();
    throw err.at(where);
  } catch (...) {
    e.rollback();
    throw;
  }
  e.done();
}

std::string location_of(const std::string& room, const DutyStation& station) {
  if (room.empty()) return station.name;
  if (station.name.empty()) return room;
  return room + ", " + station.name;
}

}  // namespace

std::string_view ical_status(SessionStatus s) {
  switch (s) {
    case SessionStatus::planned:
    case SessionStatus::postponed: return "TENTATIVE";
    case SessionStatus::confirmed:
    case SessionStatus::held: return "CONFIRMED";
    case SessionStatus::cancelled: return "CANCELLED";
  }
  return "TENTATIVE";
}

void IcalWriter::write(const IcalSession& item) {
  auto& s = *m_state;
  if (!item.session || !item.station) throw std::invalid_argument("IcalSession: session and station are required");
  const Session& ses = *item.session;
  const std::string where = fmt::format("session {}#{}", ses.body, ses.number);
  build(s, s.begun, where, [&](EventBuilder& e) {
    e.identity(ses.uid, ses.revision, item.last_modified, "session.uid");
    e.all_day(ses.first, ses.last + date::days{1});  // DTEND exclusive
    e.text("SUMMARY", fmt::format("{}: {} session", ses.body, ordinal(ses.number)), "session.body");
    e.text("LOCATION", location_of(ses.room, *item.station), "session.room/station.name");
    auto& line = e.line();
    line.assign("CATEGORIES:");
    append_ical_text(line, ses.body, "session.body");
    if (item.mandate) {
      line.push_back(',');
      append_ical_text(line, item.mandate->key, "mandate.key");
    }
    e.end_line();
    std::string desc;
    if (item.body && !item.body->name.empty()) desc += item.body->name + "\n";
    if (item.mandate) {
      desc += fmt::format("Mandate: {}", item.mandate->key);
      if (!item.mandate->resolution.empty())
        desc += fmt::format(" (resolution {})", item.mandate->resolution);
      desc += "\n";
    }
    if (item.resolution) {
      desc += fmt::format("Resolution {}", item.resolution->symbol);
      if (!item.resolution->title.empty()) desc += ": " + item.resolution->title;
      desc += "\n";
    }
    desc += fmt::format("Session: {}\nStatus: {}", ses.number, to_string(ses.status));
    e.text("DESCRIPTION", desc, "session description (body name, mandate, resolution title)");
    line.assign("STATUS:");
    line += ical_status(ses.status);
    e.end_line();
    e.raw("TRANSP:OPAQUE\r\n");
  });
}

void IcalWriter::write(const IcalMeeting& item) {
  auto& s = *m_state;
  if (!item.meeting || !item.session || !item.station)
    throw std::invalid_argument("IcalMeeting: meeting, session and station are required");
  const Meeting& m = *item.meeting;
  const Session& ses = *item.session;
  const std::string& zone = item.station->zone;
  if (std::find(s.zones.begin(), s.zones.end(), zone) == s.zones.end()) {
    auto where = fmt::format("meeting {}#{} {} {}", m.body, m.session, to_iso(m.date), to_hhmm(m.start));
    bool known = true;
    try {
      (void)date::locate_zone(zone);
    } catch (const std::runtime_error&) {
      known = false;
    }
    throw InputError(where, "station.zone", zone,
                     known ? "zone not declared in IcalWriter::begin" : "not in the tz database");
  }
  auto& line = s.line;
  EventBuilder e(s, s.begun);
  try {
    e.identity(m.uid, m.revision, item.last_modified, "meeting.uid");
    const auto day = date::local_days{m.date.time_since_epoch()};
    for (auto [name, t] : {std::pair{"DTSTART;TZID=", m.start}, std::pair{"DTEND;TZID=", m.end}}) {
      line.assign(name);
      line += zone;
      line.push_back(':');
      detail::append_ical_local(line, day + t);
      e.end_line();
    }
    line.assign("SUMMARY:");
    append_ical_text(line, m.body, "meeting.body");
    line += ": ";
    line += ordinal(m.session);
    line += " session\\, ";
    if (m.number > 0) fmt::format_to(std::back_inserter(line), "meeting {}", m.number);
    else line += "meeting";
    if (!m.kind.empty()) {
      line += " (";
      append_ical_text(line, m.kind, "meeting.kind");
      line.push_back(')');
    }
    e.end_line();
    e.text("LOCATION", location_of(m.room.empty() ? ses.room : m.room, *item.station),
           "meeting.room/station.name");
    if (item.body && !item.body->name.empty()) e.text("DESCRIPTION", item.body->name, "body.name");
    line.assign("STATUS:");
    line += ical_status(ses.status);
    e.end_line();
    if (!ses.uid.empty()) e.text("RELATED-TO", ses.uid, "session.uid");
    e.raw("TRANSP:OPAQUE\r\n");
  } catch (const InputError& err) {
    e.rollback();
    throw err.at(fmt::format("meeting {}#{} {} {}", m.body, m.session, to_iso(m.date), to_hhmm(m.start)));
  } catch (...) {
    e.rollback();
    throw;
  }
  e.done();
}

void IcalWriter::write(const IcalDeadline& item) {
  auto& s = *m_state;
  if (!item.deadline) throw std::invalid_argument("IcalDeadline: deadline is required");
  const Deadline& d = *item.deadline;
  const std::string where = fmt::format("deadline {} {}", d.mandate, d.kind);
  build(s, s.begun, where, [&](EventBuilder& e) {
    e.identity(deadline_uid(d), 0, item.last_modified, "deadline");
    e.all_day(d.date, d.date + date::days{1});  // DTEND exclusive
    std::string summary = fmt::format("{}: {} deadline", d.mandate, d.kind);
    e.text("SUMMARY", summary, "deadline.mandate/kind");
    auto& line = e.line();
    line.assign("CATEGORIES:deadline");
    if (item.mandate) {
      line.push_back(',');
      append_ical_text(line, item.mandate->body, "mandate.body");
    }
    line.push_back(',');
    append_ical_text(line, d.mandate, "deadline.mandate");
    e.end_line();
    if (!d.source.empty()) e.text("DESCRIPTION", d.source, "deadline.source");
    e.raw("TRANSP:TRANSPARENT\r\n");
    if (s.options.deadline_alarm_days) {
      e.raw("BEGIN:VALARM\r\nACTION:DISPLAY\r\n");
      line.assign("TRIGGER:");
      fmt::format_to(std::back_inserter(line), "-P{}D", *s.options.deadline_alarm_days);
      e.end_line();
      e.text("DESCRIPTION", summary, "deadline.mandate/kind");
      e.raw("END:VALARM\r\n");
    }
  });
}

}  // namespace gge
