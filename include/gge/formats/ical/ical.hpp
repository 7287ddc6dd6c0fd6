#pragma once
/// The iCalendar writer (RFC 5545, RFC 7986): sessions, meetings and deadlines as a VCALENDAR
/// with VTIMEZONEs generated from the tz database.
///
/// Pure: the export timestamp (DTSTAMP) and every LAST-MODIFIED are parameters; nothing reads the
/// clock. Output is byte-identical for the same inputs: CRLF line ends, lines folded at 75 octets
/// never inside a UTF-8 sequence, text escaped (backslash, semicolon, comma, newline; never colon).
///
/// Streaming: `IcalWriter` keeps one small buffer and hands full chunks to the caller's sink, so
/// memory does not grow with the number of events. `write_calendar` assembles a whole calendar
/// from in-memory values, in a deterministic order.
#include "gge/core/time.hpp"
#include "gge/model/bodies.hpp"
#include "gge/model/mandates.hpp"
#include "gge/model/places.hpp"
#include "gge/model/sessions.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gge {
namespace detail {
struct IcalWriterState;  // src/formats/ical/ical_writer_state.hpp
}

/// Calendar-wide settings.
struct IcalOptions {
  std::string name;         ///< NAME and X-WR-CALNAME; may be empty (then both are left out)
  std::string description;  ///< X-WR-CALDESC; may be empty (then left out)
  std::string prodid = "-//gge//gge 0.1//EN";
  /// ORGANIZER of every event (RFC 5546 requires one in a METHOD:PUBLISH VEVENT) as a cal-address
  /// URI, and its CN. The default names no real mailbox (.invalid is reserved, RFC 2606).
  std::string organizer = "mailto:calendar@gge.invalid";
  std::string organizer_name = "gge";
  /// DTSTAMP of every event, UTC: the caller passes SOURCE_DATE_EPOCH when set, else now.
  Instant dtstamp{};
  /// A VALARM this many days before each deadline (TRIGGER:-PnD, ACTION:DISPLAY);
  /// nullopt = no alarms (the default). Must be >= 0.
  std::optional<int> deadline_alarm_days;
};

/// A session and the values around it, written as an all-day VEVENT.
struct IcalSession {
  const Session* session = nullptr;        ///< required; `uid` must be non-empty
  const DutyStation* station = nullptr;    ///< required (its name goes into LOCATION)
  const Body* body = nullptr;              ///< optional (its name goes into DESCRIPTION)
  const Mandate* mandate = nullptr;        ///< optional (CATEGORIES, DESCRIPTION)
  const Resolution* resolution = nullptr;  ///< optional (DESCRIPTION)
  std::optional<Instant> last_modified;    ///< LAST-MODIFIED, UTC; nullopt = left out
};

/// A meeting, written as a timed VEVENT in its station's zone, RELATED-TO its session.
struct IcalMeeting {
  const Meeting* meeting = nullptr;      ///< required; `uid` must be non-empty
  const Session* session = nullptr;      ///< required (RELATED-TO = its uid, default room, status)
  const DutyStation* station = nullptr;  ///< required (`zone` gives TZID)
  const Body* body = nullptr;            ///< optional
  std::optional<Instant> last_modified;  ///< LAST-MODIFIED, UTC; nullopt = left out
  /// Deleted from the plan: written STATUS:CANCELLED with SEQUENCE revision + 1 (the deletion is
  /// its newest change), so that a calendar which has it drops it.
  bool removed = false;
};

/// A deadline, written as a transparent all-day VEVENT with UID `deadline_uid(deadline)`.
struct IcalDeadline {
  const Deadline* deadline = nullptr;    ///< required
  const Mandate* mandate = nullptr;      ///< optional (its body goes into CATEGORIES)
  std::optional<Instant> last_modified;  ///< LAST-MODIFIED, UTC; nullopt = left out
};

/// Receives the output in chunks, in order. It may write them to a file, a stream or a string.
using IcalSink = std::function<void(std::string_view chunk)>;

/// Writes one VCALENDAR to a sink, event by event.
///
/// Use: `begin(zones, first, last)`, then `write(...)` for each event in the order wanted, then
/// `finish()`. Bad input (unknown zone, control characters, an empty uid) throws InputError before
/// the offending event's first byte is added; what was already handed to the sink stays there,
/// so callers write to a temporary file and rename it on success.
class IcalWriter {
public:
  /// `chunk_bytes`: the buffer size at which output is handed to the sink (>= 1).
  explicit IcalWriter(IcalSink sink, IcalOptions options, std::size_t chunk_bytes = 64 * 1024);
  ~IcalWriter();
  IcalWriter(const IcalWriter&) = delete;
  IcalWriter& operator=(const IcalWriter&) = delete;

  /// Writes the calendar header and one VTIMEZONE per zone in `zones` (IANA names, written in
  /// the given order; duplicates are written once). The VTIMEZONEs cover the years from the year
  /// before `first` to the year after `last` (inclusive). Throws InputError naming the zone when
  /// the tz database does not know it.
  void begin(std::span<const std::string> zones, Date first, Date last);
  /// All-day VEVENT: DTSTART first, DTEND last+1 (exclusive). InputError when last < first.
  void write(const IcalSession& s);
  /// Timed VEVENT with DTSTART/DTEND;TZID=<station zone>; the zone must have been passed to
  /// `begin` (else InputError naming the zone and the meeting); InputError unless
  /// 0 <= start < end <= 24:00. A local time the zone skips (spring-forward gap) is written as
  /// given; clients then shift it forward (RFC 5545 3.3.5).
  void write(const IcalMeeting& m);
  /// All-day VEVENT for the deadline day, TRANSP:TRANSPARENT, optional VALARM.
  void write(const IcalDeadline& d);
  /// Writes END:VCALENDAR and hands the rest of the buffer to the sink.
  void finish();

  /// Events written so far.
  [[nodiscard]] std::size_t events() const noexcept;

private:
  std::unique_ptr<detail::IcalWriterState> m_state;
};

/// Everything `write_calendar` exports. Items point into the caller's values.
struct IcalCalendar {
  std::vector<IcalSession> sessions;
  std::vector<IcalMeeting> meetings;
  std::vector<IcalDeadline> deadlines;
};

/// Writes a whole calendar: VTIMEZONEs for exactly the zones the meetings use (sorted by name)
/// covering all events, then sessions (by first day, body, number), meetings (by date, start,
/// body, session, uid) and deadlines (by date, mandate, kind). An empty calendar is valid
/// (no VTIMEZONE, no event). Throws InputError as IcalWriter does.
void write_calendar(const IcalCalendar& calendar, const IcalOptions& options, const IcalSink& sink);

/// The deterministic UID of a deadline: "deadline-<mandate>/<kind>@gge", each part with bytes
/// outside [A-Za-z0-9._-] written as "%XX" (hex), so distinct (mandate, kind) give distinct UIDs:
/// {"58/32-ict", "submission"} -> "deadline-58%2F32-ict/submission@gge".
std::string deadline_uid(const Deadline& d);

/// ICalendar STATUS of a session status: planned/postponed -> TENTATIVE, confirmed/held ->
/// CONFIRMED, cancelled -> CANCELLED.
std::string_view ical_status(SessionStatus s);

}  // namespace gge
