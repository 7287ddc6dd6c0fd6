#pragma once
/// Office closures of a duty station.
#include "gge/core/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace gge {

/// How sure a holiday date is: from a rule, estimated (e.g. a computed Eid), or confirmed by the
/// yearly information circular.
enum class HolidayStatus { rule, estimated, confirmed };
std::string_view to_string(HolidayStatus s);
std::optional<HolidayStatus> parse_holiday_status(std::string_view s);

/// A day on which a station is closed. Key: (`station`, `date`).
struct Holiday {
  std::string station;  ///< DutyStation::code
  Date date{};          ///< the observed (closed) day
  std::string name;     ///< "Independence Day (observed)"
  HolidayStatus status = HolidayStatus::confirmed;
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

}  // namespace gge
