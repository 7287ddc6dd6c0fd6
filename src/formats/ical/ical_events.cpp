// IcalWriter: one VEVENT per session, meeting or deadline.
#include "gge/core/error.hpp"
#include "formats/ical/ical_text.hpp"
#include "formats/ical/ical_writer_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace gge {
namespace {

using detail::append_ical_text;

/// Appends the decimal digits of n.
void append_int(std::string& out, long long n) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// Appends "first", "second", ... "tenth", then "11th", "12th", "21st", ...
void append_ordinal(std::string& out, int n) {
  static constexpr std::string_view k_words[] = {"first", "second", "third", "fourth", "fifth",
                                                 "sixth", "seventh", "eighth", "ninth", "tenth"};
  if (n >= 1 && n <= 10) {
    out.append(k_words[n - 1]);
    return;
  }
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    else if (n % 10 == 2) suffix = "nd";
    else if (n % 10 == 3) suffix = "rd";
  }
  append_int(out, n);
  out += suffix;
}

std::string ordinal(int n) {
  std::string s;
  append_ordinal(s, n);
  return s;
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
  void rollback() { m_s.buffer.resize(m_mark); }
  /// Starts a content line in the buffer with `head` (name, parameters, ':' as needed) and
  /// returns the buffer to append the value to; end_line() folds it.
  std::string& start(std::string_view head) {
    m_line = m_s.buffer.size();
    m_s.buffer.append(head);
    return m_s.buffer;
  }
  void end_line() { detail::fold_in_place(m_s.buffer, m_line, m_s.line); }
  /// NAME:escaped text.
  void text(std::string_view name, std::string_view value, std::string_view field) {
    auto& b = start(name);
    b.push_back(':');
    append_ical_text(b, value, field);
    end_line();
  }
  void raw(std::string_view s) { m_s.buffer.append(s); }
  void identity(const std::string& uid, int revision, const std::optional<Instant>& modified,
                std::string_view field) {
    if (uid.empty()) throw InputError("", std::string(field), "", "an exported item needs a uid");
    text("UID", uid, field);
    m_s.buffer += m_s.dtstamp;
    m_s.buffer += m_s.organizer;
    if (modified) {
      detail::append_ical_utc(start("LAST-MODIFIED:"), *modified);
      end_line();
    }
    append_int(start("SEQUENCE:"), std::max(revision, 0));
    end_line();
  }
  void all_day(Date first, Date end_exclusive) {
    detail::append_ical_date(start("DTSTART;VALUE=DATE:"), first);
    end_line();
    detail::append_ical_date(start("DTEND;VALUE=DATE:"), end_exclusive);
    end_line();
  }
  void done() {
    m_s.buffer += "END:VEVENT\r\n";
    ++m_s.events;
    m_s.maybe_flush();
  }

private:
  detail::IcalWriterState& m_s;
  std::size_t m_mark;
  std::size_t m_line = 0;  // where the content line being built starts in the buffer
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

/// LOCATION: "room, station name" (either part alone when the other is empty).
void location(EventBuilder& e, const std::string& room, const DutyStation& station) {
  auto& b = e.start("LOCATION:");
  append_ical_text(b, room, "room");
  if (!room.empty() && !station.name.empty()) b.append("\\, ", 3);
  append_ical_text(b, station.name, "station.name");
  e.end_line();
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
  if (ses.last < ses.first)
    throw InputError(where, "session.last", to_iso(ses.last),
                     fmt::format("before the first day {}", to_iso(ses.first)));
  build(s, s.begun, where, [&](EventBuilder& e) {
    e.identity(ses.uid, ses.revision, item.last_modified, "session.uid");
    e.all_day(ses.first, ses.last + date::days{1});  // DTEND exclusive
    e.text("SUMMARY", fmt::format("{}: {} session", ses.body, ordinal(ses.number)), "session.body");
    location(e, ses.room, *item.station);
    auto& line = e.start("CATEGORIES:");
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
    e.start("STATUS:") += ical_status(ses.status);
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
  if (m.start < Minutes{0} || m.start >= k_day_minutes || m.end <= m.start || m.end > k_day_minutes) {
    auto where = fmt::format("meeting {}#{} {}", m.body, m.session, to_iso(m.date));
    throw InputError(where, "meeting.start-end", fmt::format("{}-{}", m.start.count(), m.end.count()),
                     "need 0 <= start < end <= 1440 minutes");
  }
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
  EventBuilder e(s, s.begun);
  try {
    e.identity(m.uid, item.removed ? m.revision + 1 : m.revision, item.last_modified, "meeting.uid");
    const auto day = date::local_days{m.date.time_since_epoch()};
    for (auto [name, t] : {std::pair{"DTSTART;TZID=", m.start}, std::pair{"DTEND;TZID=", m.end}}) {
      auto& line = e.start(name);
      line += zone;
      line.push_back(':');
      detail::append_ical_local(line, day + t);
      e.end_line();
    }
    auto& line = e.start("SUMMARY:");
    append_ical_text(line, m.body, "meeting.body");
    line += ": ";
    append_ordinal(line, m.session);
    line += " session\\, meeting";
    if (m.number > 0) {
      line.push_back(' ');
      append_int(line, m.number);
    }
    if (!m.kind.empty()) {
      line += " (";
      append_ical_text(line, m.kind, "meeting.kind");
      line.push_back(')');
    }
    e.end_line();
    location(e, m.room.empty() ? ses.room : m.room, *item.station);
    if (item.body && !item.body->name.empty()) e.text("DESCRIPTION", item.body->name, "body.name");
    e.start("STATUS:") += item.removed ? std::string_view{"CANCELLED"} : ical_status(ses.status);
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
    auto& line = e.start("CATEGORIES:deadline");
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
      auto& trigger = e.start("TRIGGER:-P");
      append_int(trigger, *s.options.deadline_alarm_days);
      trigger.push_back('D');
      e.end_line();
      e.text("DESCRIPTION", summary, "deadline.mandate/kind");
      e.raw("END:VALARM\r\n");
    }
  });
}

}  // namespace gge
