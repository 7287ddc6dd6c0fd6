#pragma once
/// Scenario files: a whole planning data set as TOML (see examples/gge-2004-2005/scenario.toml).
///
/// Reading validates every value with the model's invariants and checks that every reference
/// (a session's body, a room's station, ...) names something in the same file; the first
/// problem in the file (by line) throws `InputError` located as "FILE:LINE" with the field and
/// the value: `scenario.toml:13: session.first '2005-02-30': February 2005 has 28 days`. LINE is
/// the line of the offending key; for a missing key or a duplicate composite key, the line of
/// the row's [[table]] header. A TOML syntax error (a key written twice included) is reported
/// the same way, with toml++'s description. Unknown tables and keys are errors.
///
/// Writing is canonical: tables in a fixed order, rows sorted by key, fields in a fixed order,
/// empty optional fields left out. So read(write(s)) == s (up to order) and writing that again
/// gives the same bytes.
///
/// The format (examples/README.md has the full table of fields):
/// - one array of tables per row type: [[station]] [[room]] [[body]] [[expert]] [[membership]]
///   [[resolution]] [[mandate]] [[deadline]] [[session]] [[meeting]] [[holiday]] [[holiday_rule]]
///   [[ga_opening]] [[blackout]]; any other table or key is an error (a typo is never ignored);
/// - dates are TOML local dates (2004-07-12) or strings "2004-07-12"; the writer uses local dates;
///   times of day are strings "HH:MM" (station hours, meeting start/end);
/// - a session's `first`..`last` are inclusive days; a meeting's `start`..`end` is [start, end);
/// - sessions and meetings carry `uid` (kept by dump -> load, so iCalendar identity survives) and
///   `revision` (written when not 0, so an iCalendar SEQUENCE never goes back); both optional.
#include "gge/core/error.hpp"
#include "gge/model/scenario.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace gge {

/// Parses scenario TOML `text`; `name` (usually the file path) is used in error locations.
Scenario read_scenario(std::string_view text, std::string_view name);
/// Reads and parses the file at `path`; an unreadable file is an InputError naming the path.
Scenario read_scenario_file(const std::filesystem::path& path);
/// The canonical TOML text of `s` (UTF-8, LF line ends, ends with a newline). Rows are written
/// in `sort_canonically` order; `s` itself is not changed.
std::string write_scenario(const Scenario& s);
/// Sorts every table of `s` by its key (station code; room station, name; session body, number;
/// meeting body, session, date, start; ...), the order the writer uses. Stable.
void sort_canonically(Scenario& s);

}  // namespace gge
