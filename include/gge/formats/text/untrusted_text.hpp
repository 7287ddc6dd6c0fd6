#pragma once
/// The one reader of untrusted text files (scenario TOML, holiday-rule TOML, iCalendar .ics,
/// later HTTP bodies) and the limits every untrusted input keeps. The limits live here and nowhere
/// else; each is checked by a linear scan BEFORE a parser sees the text, so no parser can be made
/// to recurse, backtrack or allocate without bound. A text over a limit is an `InputError`
/// (exit 2) naming the file, the line and the value.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace gge {

/// Bytes in one input file. 64 MiB holds a scenario of about 400,000 meetings.
inline constexpr std::size_t k_max_file_bytes = std::size_t{64} << 20;
/// Bytes in one line, its line end not counted.
inline constexpr std::size_t k_max_line_bytes = 16 * 1024;
/// Bytes in one string value (a multi-line string may span lines).
inline constexpr std::size_t k_max_string_bytes = 64 * 1024;
/// Arrays and inline tables open at once (a [[table]] header counts 2).
inline constexpr int k_max_nesting = 32;
/// Parts of one dotted key ("a.b.c" has 3), in a key or a [table] header.
inline constexpr int k_max_key_parts = 32;
/// Key/value pairs in one file.
inline constexpr std::size_t k_max_values = 8'000'000;
/// iCalendar (.ics): bytes in one content line once unfolded (RFC 5545 3.1: a long value is
/// folded over many physical lines, each of which keeps k_max_line_bytes).
inline constexpr std::size_t k_max_unfolded_line_bytes = 256 * 1024;
/// iCalendar: components (BEGIN lines) in one file.
inline constexpr std::size_t k_max_components = 500'000;
/// iCalendar: event instances kept from one file (after expansion over the window).
inline constexpr std::size_t k_max_instances = 200'000;
/// iCalendar: recurrence steps taken for one file, over every RRULE (an endless rule is
/// expanded only up to the window's end; this bounds the steps before its start and the
/// steps a dense rule takes inside it).
inline constexpr std::size_t k_max_recurrence_steps = 2'000'000;
/// Bytes in one command-line argument.
inline constexpr std::size_t k_max_argument_bytes = 4096;

/// Reads the whole regular file at `path` in bounded chunks. `what` names the kind of file in
/// messages ("scenario file"). A missing or unreadable path, a directory, or a file over
/// `k_max_file_bytes` (e.g. /dev/zero: reading stops at the limit) is an InputError (exit 2)
/// located at the path; a read failure after opening (EIO) is an `Error` (exit 3).
std::string read_untrusted_file(const std::filesystem::path& path, std::string_view what);

/// Checks `text` against `k_max_file_bytes` and `k_max_line_bytes` (lines end at LF). Throws
/// InputError located "NAME:LINE".
void check_text_limits(std::string_view text, std::string_view name);

/// `check_text_limits`, then the shape of TOML `text`: nesting, dotted-key parts, string
/// length and the count of key/value pairs, by one pass that tracks strings and comments (it
/// does not validate TOML; the parser does that next, on a text now known to be bounded).
void check_toml_limits(std::string_view text, std::string_view name);

}  // namespace gge
