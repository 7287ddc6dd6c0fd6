// IcalWriter: the calendar envelope (header, VTIMEZONEs, END) and the chunked sink.
#include "gge/core/error.hpp"
#include "formats/ical/ical_text.hpp"
#include "formats/ical/ical_timezone.hpp"
#include "formats/ical/ical_writer_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace gge {

void detail::IcalWriterState::end_line() {
  detail::append_folded(buffer, line);
  line.clear();
}

void detail::IcalWriterState::maybe_flush() {
  if (buffer.size() >= chunk_bytes) {
    sink(buffer);
    buffer.clear();
  }
}

IcalWriter::IcalWriter(IcalSink sink, IcalOptions options, std::size_t chunk_bytes)
    : m_state(std::make_unique<detail::IcalWriterState>()) {
  if (!sink) throw std::invalid_argument("IcalWriter: no sink");
  if (options.deadline_alarm_days && *options.deadline_alarm_days < 0)
    throw InputError("", "alarm", std::to_string(*options.deadline_alarm_days),
                     "days before a deadline must be >= 0");
  auto& s = *m_state;
  s.sink = std::move(sink);
  s.options = std::move(options);
  s.chunk_bytes = std::max<std::size_t>(chunk_bytes, 1);
  s.buffer.reserve(s.chunk_bytes + 4096);
  s.dtstamp = "DTSTAMP:";
  detail::append_ical_utc(s.dtstamp, s.options.dtstamp);
  s.dtstamp += "\r\n";
  if (!s.options.organizer.empty()) {
    // A parameter value is quoted (RFC 5545 3.2): it may then hold anything but '"' and controls.
    for (char c : s.options.organizer_name)
      if (c == '"' || (static_cast<unsigned char>(c) < 0x20))
        throw InputError("", "organizer name", s.options.organizer_name, "no '\"' or control characters");
    for (char c : s.options.organizer)
      if (static_cast<unsigned char>(c) <= 0x20 || c == '"')
        throw InputError("", "organizer", s.options.organizer, "a URI without spaces or '\"'");
    std::string line = "ORGANIZER";
    if (!s.options.organizer_name.empty()) line += ";CN=\"" + s.options.organizer_name + "\"";
    line += ":" + s.options.organizer;
    detail::append_folded(s.organizer, line);
  }
}

IcalWriter::~IcalWriter() = default;

std::size_t IcalWriter::events() const noexcept { return m_state->events; }

void IcalWriter::begin(std::span<const std::string> zones, Date first, Date last) {
  auto& s = *m_state;
  if (s.begun) throw std::logic_error("IcalWriter::begin called twice");
  if (last < first) std::swap(first, last);
  const int first_year = static_cast<int>(date::year_month_day{first}.year()) - 1;
  const int last_year = static_cast<int>(date::year_month_day{last}.year()) + 1;

  std::string& out = s.buffer;
  out += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
  s.line = "PRODID:";
  detail::append_ical_text(s.line, s.options.prodid, "prodid");
  s.end_line();
  out += "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
  if (!s.options.name.empty()) {
    for (const char* prop : {"NAME:", "X-WR-CALNAME:"}) {
      s.line = prop;
      detail::append_ical_text(s.line, s.options.name, "calendar name");
      s.end_line();
    }
  }
  if (!s.options.description.empty()) {
    s.line = "X-WR-CALDESC:";
    detail::append_ical_text(s.line, s.options.description, "calendar description");
    s.end_line();
  }
  out += "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\nX-PUBLISHED-TTL:PT12H\r\n";

  for (const auto& name : zones) {
    if (std::find(s.zones.begin(), s.zones.end(), name) != s.zones.end()) continue;
    const date::time_zone* zone = nullptr;
    try {
      zone = date::locate_zone(name);
    } catch (const std::runtime_error&) {
      throw InputError("", "zone", name, "not in the tz database");
    }
    detail::append_vtimezone(out, *zone, first_year, last_year);
    s.zones.push_back(name);
  }
  s.begun = true;
  s.maybe_flush();
}

void IcalWriter::finish() {
  auto& s = *m_state;
  if (!s.begun) throw std::logic_error("IcalWriter::finish before begin");
  if (s.finished) return;
  s.buffer += "END:VCALENDAR\r\n";
  s.sink(s.buffer);
  s.buffer.clear();
  s.finished = true;
}

}  // namespace gge
