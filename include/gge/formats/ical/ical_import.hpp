#pragma once
/// Reading outside calendars (.ics, RFC 5545) as busy time: Outlook, Google, Apple exports.
///
/// Parsing and recurrence expansion are libical's (private to this target; no libical type
/// appears here). Every VEVENT becomes one `BusyTime` per instance that meets the window:
/// - RRULE, RDATE and EXDATE expanded; a VEVENT with a RECURRENCE-ID replaces that instance.
/// - All-day events (DTSTART;VALUE=DATE) give inclusive days (iCalendar's DTEND is exclusive;
///   no DTEND = one day); timed events give UTC instants, [start, end) (no DTEND or DURATION =
///   an instant, taken as one minute so it can clash).
/// - TZID: the file's own VTIMEZONE first, else an IANA name (system tz database), else a
///   Windows zone name as Outlook writes it ("W. Europe Standard Time"), mapped to IANA with
///   ICU's copy of CLDR windowsZones (territory 001). Floating times (no TZID, no Z) are taken
///   in `IcsOptions::floating_zone`.
/// - TRANSP:TRANSPARENT and STATUS:CANCELLED events (or overridden instances) are skipped and
///   counted.
/// `kind`, `subject` and `source` of the results are left empty for the caller.
///
/// The text keeps the limits of formats/text/untrusted_text.hpp (file size, line length, an
/// unfolded line's length, components per file, instances, recurrence steps), checked before or
/// while libical reads it. An RRULE without end (no COUNT, no UNTIL) is expanded up to the
/// window's end only.
/// Bad input throws InputError located "NAME:LINE" with the problem: a file over
/// the size limit, binary data (NUL or invalid UTF-8), a line that is not NAME:VALUE, a BEGIN
/// without its END (or an END without its BEGIN), a TZID with no VTIMEZONE that is neither an
/// IANA nor a Windows name, a VEVENT without a usable DTSTART, a floating time with no
/// floating zone, more than `max_instances` instances in the window (e.g. an RRULE with no
/// end that repeats every minute), or more than `max_steps` recurrence steps.
#include "gge/formats/text/untrusted_text.hpp"
#include "gge/model/busy.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

struct IcsOptions {
  Date from{};  ///< window: first day, inclusive (UTC days for timed events)
  Date to{};    ///< window: last day, inclusive; >= from
  const date::time_zone* floating_zone = nullptr;  ///< zone of floating times; nullptr = refuse
  std::size_t max_instances = k_max_instances;     ///< busy times kept, over the whole file
  std::size_t max_steps = k_max_recurrence_steps;  ///< recurrence steps taken, over the file
};

/// What a file gave.
struct IcsImport {
  std::vector<BusyTime> busy;              ///< sorted by uid, then start; kind/subject/source empty
  std::size_t events = 0;                  ///< VEVENT components read
  std::size_t transparent = 0;             ///< events or instances skipped as TRANSP:TRANSPARENT
  std::size_t cancelled = 0;               ///< events or instances skipped as STATUS:CANCELLED
  std::size_t floating = 0;                ///< busy times whose times were floating
  std::vector<std::string> windows_zones;  ///< "W. Europe Standard Time -> Europe/Berlin", sorted
};

/// Reads calendar `text`; `name` (the file's name) locates errors.
IcsImport read_ics(std::string_view text, std::string_view name, const IcsOptions& options);
/// Reads the file at `path` through read_untrusted_file (refused when larger than
/// k_max_file_bytes; a missing or unreadable file is an InputError located at the path).
IcsImport read_ics_file(const std::filesystem::path& path, const IcsOptions& options);

/// The IANA zone CLDR maps a Windows zone name to ("W. Europe Standard Time" ->
/// "Europe/Berlin"), empty when the name is not a Windows zone.
std::string iana_zone_of_windows_zone(std::string_view windows_name);

}  // namespace gge
