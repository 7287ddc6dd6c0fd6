#pragma once
/// Scenario files: a whole planning data set as TOML (see examples/gge-2004-2005/scenario.toml).
///
/// Reading validates every value with the model's invariants and checks that every reference
/// (a session's body, a room's station, ...) names something in the same file; the first
/// problem throws `InputError` located as "FILE:LINE" with the field and the value. A TOML syntax
/// error is reported the same way, with toml++'s description.
///
/// Writing is canonical: tables in a fixed order, rows sorted by key, fields in a fixed order,
/// empty optional fields left out. So read(write(s)) == s (up to order) and writing that again
/// gives the same bytes.
#include "gge/model/scenario.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace gge {

/// Parses scenario TOML `text`; `name` (usually the file path) is used in error locations.
Scenario read_scenario(std::string_view text, std::string_view name);
/// Reads and parses the file at `path`; an unreadable file is an InputError naming the path.
Scenario read_scenario_file(const std::filesystem::path& path);
/// The canonical TOML text of `s` (UTF-8, LF line ends, ends with a newline).
std::string write_scenario(const Scenario& s);

}  // namespace gge
