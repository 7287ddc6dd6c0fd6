#pragma once
/// Busy time imported from outside calendars (.ics): when an expert, a station, a room or a body
/// is taken by something gge does not plan (`gge import ics`). Checked by `gge check`.
#include "gge/core/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// Whose busy time it is.
enum class BusyKind { expert, station, room, body };
/// "expert", "station", "room", "body".
std::string_view to_string(BusyKind k);
std::optional<BusyKind> parse_busy_kind(std::string_view s);

/// One busy period: one instance of an imported event (a recurring event gives one per instance).
/// Either all-day (`first`..`last`, civil days, inclusive; the subject's own days) or timed
/// (`start`..`end`, UTC instants, half-open [start, end)).
/// Key: (`kind`, `subject`, `source`, `uid`, the start: `first` or `start`).
struct BusyTime {
  BusyKind kind = BusyKind::expert;
  std::string subject;  ///< Expert::key, DutyStation::code, "STATION/Room name" or Body::symbol
  std::string source;   ///< the import's name (`--name`, default the file name)
  std::string uid;      ///< the event's UID in its file (shared by a series' instances)
  std::string summary;  ///< the event's SUMMARY, shown in findings; may be empty
  bool all_day = false;
  Date first{}, last{};    ///< all-day only: inclusive days, first <= last
  Instant start{}, end{};  ///< timed only: UTC, [start, end), start < end
  friend bool operator==(const BusyTime&, const BusyTime&) = default;
};

/// What one source of an import stored (`gge import ics`, services/busy_import.hpp).
struct IcsImportReport {
  std::string source;
  std::vector<std::string> files;
  Date from{}, to{};         ///< the window used, inclusive
  std::size_t busy = 0;      ///< busy times stored
  std::size_t replaced = 0;  ///< busy times of an earlier import of this source removed
  std::size_t events = 0, transparent = 0, cancelled = 0, floating = 0;
  std::string floating_zone;  ///< "Europe/Zurich (station GVA)"; empty when no zone applied
  std::vector<std::string> windows_zones;  ///< "W. Europe Standard Time -> Europe/Berlin"
};

/// One imported source, summarised (`gge import list`).
struct BusySource {
  std::string source;
  BusyKind kind = BusyKind::expert;
  std::string subject;
  std::size_t count = 0;
  Date first{}, last{};  ///< the days its busy times touch (UTC days for timed ones), inclusive
};

}  // namespace gge
