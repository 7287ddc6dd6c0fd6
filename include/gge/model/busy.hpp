#pragma once
/// Busy time imported from outside calendars (.ics): when an expert, a station, a room or a body
/// is taken by something gge does not plan (`gge import ics`). Checked by `gge check`.
#include "gge/core/time.hpp"

#include <optional>
#include <string>
#include <string_view>

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

}  // namespace gge
