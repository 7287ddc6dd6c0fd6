#pragma once
/// Stable iCalendar UIDs for sessions and meetings (RFC 5545 UID), made deterministically so
/// that the same data gives the same UIDs on every machine (golden files stay reproducible).
#include <string>
#include <string_view>

namespace gge {

/// The UID of a row of kind `kind` ("session", "meeting") with natural key `key` (e.g.
/// "GGE-ICT-2004#2"), as 32 lowercase hex digits of a 128-bit hash followed by "@gge", e.g.
/// "3f2a…@gge". `salt` 0 gives the first choice; a store that finds the UID already taken (a
/// meeting created where another one used to be) asks again with salt 1, 2, ... Pure: the same
/// arguments always give the same UID. Any text is accepted (no errors).
std::string make_uid(std::string_view kind, std::string_view key, unsigned salt = 0);

}  // namespace gge
