#pragma once
/// Small text helpers for planner-facing messages.
#include <string>
#include <string_view>

namespace gge {

/// "1 session", "2 sessions", "0 sessions": `n` and the noun, `many` when n != 1 (default: `one`
/// + "s"; give it for irregular nouns: counted(n, "body", "bodies")).
std::string counted(long long n, std::string_view one, std::string_view many = {});

/// `text` made safe for one terminal line: valid UTF-8 is kept; control characters are written
/// as escapes (\n, \r, \t, \0, else \xNN, e.g. ESC as \x1b, DEL as \x7f; C1 controls as
/// \u0080..\u009f); every byte that is not part of valid UTF-8 as \xNN. A backslash is kept
/// as it is. When `max_bytes` is given, the input is cut after that many bytes and "..." added.
/// Applying it again changes nothing (its output has no controls and is valid UTF-8).
std::string printable(std::string_view text, std::size_t max_bytes = std::string_view::npos);

}  // namespace gge
