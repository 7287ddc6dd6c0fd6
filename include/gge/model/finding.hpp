#pragma once
/// A finding of the conflict checker (`gge check`): data, never an exception (DESIGN.md "Errors").
#include "gge/core/time.hpp"
#include "gge/model/blackout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace gge {

/// A fix that is one concrete action: move session `session` ("BODY#N") to `first`..`last`
/// (inclusive), keeping its station and room. Front-ends offer it as one click.
struct FixMove {
  std::string session;  ///< "BODY#N"
  Date first{};         ///< new first day, inclusive
  Date last{};          ///< new last day, inclusive
  friend bool operator==(const FixMove&, const FixMove&) = default;
};

/// One problem of a plan: what is wrong, which rule, and where possible the nearest fix.
///
/// Stable codes (the `--json` schema and tests rely on them):
///  calendar  `weekend`, `holiday`, `blackout`, `high-level-week`, `unknown-closures`
///  mandate   `before-mandate`, `before-resolution`, `after-latest-end`, `too-many-sessions`,
///            `too-many-days`
///  overlaps  `body-overlap`, `room-double-booked`, `expert-double-booked`, `tentative-overlap`
///            (one of the former three with a planned session involved; `rule` names which)
///  sequence  `min-gap`, `out-of-order`, `no-travel-day`
///  meetings  `meeting-outside-session`, `meeting-outside-hours`, `unknown-session`
///  imported  `expert-busy`, `room-busy`, `station-busy`, `body-busy` (busy time from .ics files)
struct Finding {
  std::string code;                   ///< stable kebab-case code, see above
  Severity severity = Severity::error;
  std::string body;                   ///< Body::symbol the finding is filed under
  int session = 0;                    ///< Session::number it is filed under; 0 = the body itself
  std::vector<std::string> subjects;  ///< what is involved: "BODY#N", "BODY#N 2004-07-12 10:00",
                                      ///< "room NY/Conference Room 4", "expert ru-1"
  Date first{};                       ///< first day the finding is about, inclusive
  Date last{};                        ///< last day the finding is about, inclusive; >= first
  std::string rule;                   ///< the rule broken, e.g. "UNHQ closure", "room-double-booked"
  std::string reason;                 ///< one line for a planner: what is wrong
  std::string fix;                    ///< the nearest fix that passes every other check; may be empty
  std::optional<FixMove> fix_move;    ///< `fix` as an action, when it is a move of a session
  friend bool operator==(const Finding&, const Finding&) = default;
};

/// Total order used for reports: body, session, code, first day, subjects, reason.
bool finding_less(const Finding& a, const Finding& b);

/// The findings of `after` that `before` does not have, matched by code and subjects (the
/// same problem with other days or wording is the same finding). Order of `after`.
std::vector<Finding> findings_not_in(const std::vector<Finding>& after,
                                     const std::vector<Finding>& before);

}  // namespace gge
