#pragma once
/// `gge export ics` as a use case: the stored plan as iCalendar (formats/ical/ical.hpp),
/// streamed from the store so memory does not grow with the number of meetings. Reads only.
///
/// What a calendar holds: the scope's sessions (all-day), meetings (timed, in the session's
/// station zone, with a VTIMEZONE per zone used) and deadlines (all-day, transparent). Each item
/// carries its stored UID, SEQUENCE = its revision, LAST-MODIFIED from the change log (sessions
/// and meetings; deadlines have none), and the caller's DTSTAMP. Cancelled sessions stay in,
/// with STATUS:CANCELLED. The same database, scope and DTSTAMP give byte-identical output.
#include "gge/core/time.hpp"
#include "gge/formats/ical/ical.hpp"
#include "gge/store/store.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// Which items a calendar holds. `from`/`to` are inclusive days: a session is in when any of
/// its days is in [from, to], a meeting or deadline when its day is.
struct IcsScope {
  enum class Kind {
    all,      ///< every body: sessions, meetings, deadlines
    body,     ///< one body (`key` = symbol): its sessions, meetings and its mandates' deadlines
    mandate,  ///< one mandate (`key`): its body's sessions and meetings, its own deadlines
    station,  ///< one duty station (`key` = code): sessions held there and their meetings
    expert,   ///< one expert (`key`): sessions and meetings of every body they sit on
  };
  Kind kind = Kind::all;
  std::string key;             ///< empty for `all`
  std::optional<Date> from;    ///< first day, inclusive; nullopt = unbounded
  std::optional<Date> to;      ///< last day, inclusive; nullopt = unbounded
  std::optional<int> alarm_days;  ///< VALARM this many days before each deadline; nullopt = none
};

/// What an export wrote.
struct IcsExportResult {
  std::string name;             ///< the calendar's NAME / X-WR-CALNAME
  std::size_t sessions = 0;
  std::size_t meetings = 0;
  std::size_t deadlines = 0;
  std::size_t removed_meetings = 0;  ///< deleted meetings of the scope's sessions, as cancelled
  [[nodiscard]] std::size_t events() const noexcept { return sessions + meetings + deadlines + removed_meetings; }
};

/// Streams the calendar of `scope` to `sink`, in chunks. Order: VTIMEZONEs (zones by name),
/// sessions (by first day, body, number), meetings (by body, session, date, start), meetings
/// deleted from those sessions (STATUS:CANCELLED, Store::removed_meetings), deadlines
/// (by date, mandate, kind). Memory holds the scope's sessions, deadlines and deleted meetings,
/// never all meetings.
/// InputError (nothing handed to the sink): an unknown body/mandate/station/expert (field
/// "--body", "--mandate", "--station" or "--expert"), `to` before `from`, a negative alarm.
/// A scope that matches nothing is a valid empty calendar (result.events() == 0). InputError
/// from the writer (a zone missing from the tz database, bad stored text) may come after part of
/// the output was handed over: write to a file with `export_ics_to_file` to leave nothing behind.
IcsExportResult export_ics(const Store& store, const IcsScope& scope, Instant dtstamp,
                           const IcalSink& sink);

/// `export_ics` into a temporary file beside `path`, renamed over `path` on success: on any
/// error no file (and no partial file) is left, and an old file at `path` is kept. An
/// unwritable place is an InputError naming `field` and the path ("cannot write: ...").
IcsExportResult export_ics_to_file(const Store& store, const IcsScope& scope, Instant dtstamp,
                                   const std::filesystem::path& path, std::string_view field);

/// DTSTAMP for exports: SOURCE_DATE_EPOCH (decimal seconds since 1970-01-01T00:00:00Z, as
/// reproducible builds define it) when set and non-empty, else the system clock (whole
/// seconds). A value that is not a count of seconds in years 1970..9999 is an InputError naming
/// SOURCE_DATE_EPOCH.
Instant dtstamp_from_env();

/// "--alarm" values: "7d" (days) or "1w" (weeks, = 7 days), 0..365 days; returns days.
/// Anything else ("3wd", "-1d", "7", "400d") is an InputError naming `field`.
int parse_alarm_days(std::string_view text, std::string_view field);

}  // namespace gge
