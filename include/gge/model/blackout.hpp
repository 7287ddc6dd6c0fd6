#pragma once
/// Periods a planner declares unavailable for sessions, and how serious a finding is.
#include "gge/core/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace gge {

/// How serious a finding of `gge check` is: errors make `check` exit 1; warnings only with
/// `--strict`.
enum class Severity { warning, error };
/// "warning", "error".
std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

/// A period when no session should be held at a station (or at every station).
/// Days are inclusive: `first`..`last`. Key: (`station`, `first`, `reason`).
struct Blackout {
  std::string station;  ///< DutyStation::code; empty = every station
  Date first{};         ///< first day, inclusive
  Date last{};          ///< last day, inclusive; >= first
  std::string reason;   ///< "ECOSOC substantive session", shown in findings
  Severity severity = Severity::error;
  friend bool operator==(const Blackout&, const Blackout&) = default;
};

}  // namespace gge
