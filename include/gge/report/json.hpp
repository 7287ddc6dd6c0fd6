#pragma once
/// JSON shapes of the model values, one home for every front-end: the CLI's --json and the web
/// app's /api/ (README "JSON output"). Dates are "YYYY-MM-DD", times "HH:MM" (station wall
/// clock), session days inclusive. Found by nlohmann's ADL.
#include "gge/model/busy.hpp"
#include "gge/model/change.hpp"
#include "gge/model/finding.hpp"
#include "gge/model/scenario.hpp"
#include "gge/rules/calendar/deadlines.hpp"

#include <nlohmann/json.hpp>

namespace gge {

void to_json(nlohmann::json& j, const DutyStation& v);
void to_json(nlohmann::json& j, const Room& v);
void to_json(nlohmann::json& j, const Body& v);
void to_json(nlohmann::json& j, const Expert& v);
void to_json(nlohmann::json& j, const Membership& v);
void to_json(nlohmann::json& j, const Resolution& v);
void to_json(nlohmann::json& j, const Mandate& v);
void to_json(nlohmann::json& j, const Deadline& v);
void to_json(nlohmann::json& j, const Session& v);
void to_json(nlohmann::json& j, const Meeting& v);
void to_json(nlohmann::json& j, const Holiday& v);
void to_json(nlohmann::json& j, const HolidayRule& v);
void to_json(nlohmann::json& j, const GaOpening& v);
void to_json(nlohmann::json& j, const Blackout& v);
void to_json(nlohmann::json& j, const Change& v);
/// A finding's fix that is a move: {"session": "BODY#N", "first", "last"} (days inclusive).
void to_json(nlohmann::json& j, const FixMove& v);
/// A finding as `gge check --json` and the web API print it: code, severity, body, session,
/// subjects, first, last, rule, reason, fix, and `fix_move` (a FixMove) only when the fix is a
/// move (absent otherwise).
void to_json(nlohmann::json& j, const Finding& v);
/// One step of a deadline chain as `gge deadlines --json` prints it: kind, date, explanation.
void to_json(nlohmann::json& j, const DeadlineStep& v);

/// One source of `gge import ics --json`: source, files, from, to (the window, inclusive), busy,
/// replaced, events, transparent, cancelled, floating, floating_zone, windows_zones.
void to_json(nlohmann::json& j, const IcsImportReport& v);
/// One row of `gge import list --json`: source, kind, subject, busy, first, last (inclusive).
void to_json(nlohmann::json& j, const BusySource& v);
/// `gge import remove --json`: {"source": SOURCE, "removed": N}.
nlohmann::json import_removed_json(const std::string& source, std::size_t removed);

/// The report of a check as `gge check --json` prints it: {"errors": N, "warnings": N,
/// "findings": [...]}.
nlohmann::json check_report_json(const std::vector<Finding>& findings);

}  // namespace gge
