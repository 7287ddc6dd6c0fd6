#pragma once
/// Duty stations and their conference rooms.
#include "gge/core/time.hpp"

#include <string>

namespace gge {

/// A UN duty station: where a body meets and whose holidays apply. Key: `code`.
struct DutyStation {
  std::string code;  ///< short key, e.g. "NY", "GVA", "VIE", "NBO"; [A-Za-z0-9_-], 1..16 chars
  std::string name;  ///< "New York (UNHQ)"
  std::string zone;  ///< IANA zone of its wall clocks, e.g. "America/New_York"
  /// Meeting hours, local wall clock, [hours_from, hours_to): a meeting outside them is a
  /// finding of `gge check`.
  Minutes hours_from{9 * 60};
  Minutes hours_to{21 * 60};
  friend bool operator==(const DutyStation&, const DutyStation&) = default;
};

/// A conference room at a station. Key: (`station`, `name`).
struct Room {
  std::string station;  ///< DutyStation::code
  std::string name;     ///< "Conference Room 4"
  int capacity = 0;     ///< seats, > 0
  friend bool operator==(const Room&, const Room&) = default;
};

}  // namespace gge
