#pragma once
/// iCalendar text and value primitives (private to the writer): TEXT escaping, line folding,
/// DATE / DATE-TIME / UTC-OFFSET values. Everything appends to a caller's buffer.
#include "gge/core/time.hpp"

#include <string>
#include <string_view>

namespace gge::detail {

/// The longest content line, in octets, before it is folded (RFC 5545 3.1), CRLF not counted.
inline constexpr std::size_t k_ical_fold_octets = 75;

/// Appends `text` as an RFC 5545 TEXT value: backslash, semicolon and comma get a backslash,
/// a newline ("\n" or "\r\n") becomes "\n"; a colon is left alone. `text` must be valid UTF-8
/// with no control character other than newline and tab (C0, DEL and C1 are refused): otherwise
/// throws InputError(field, text). On a throw, `out` may hold part of the value.
void append_ical_text(std::string& out, std::string_view text, std::string_view field);

/// Appends one content line (given without its line end) folded for RFC 5545: at most 75 octets
/// per physical line, continuation lines start with one space (counted in the 75), a fold never
/// splits a UTF-8 sequence; each physical line ends with CRLF.
void append_folded(std::string& out, std::string_view line);

/// Folds the content line that occupies out[start, end) in place (as append_folded) and ends it
/// with CRLF; `scratch` is working space, its content is lost.
void fold_in_place(std::string& out, std::size_t start, std::string& scratch);

/// Appends a DATE value "YYYYMMDD". Years 0..9999.
void append_ical_date(std::string& out, Date d);
/// Appends a local DATE-TIME "YYYYMMDDTHHMMSS" (no zone suffix).
void append_ical_local(std::string& out, date::local_seconds t);
/// Appends a UTC DATE-TIME "YYYYMMDDTHHMMSSZ".
void append_ical_utc(std::string& out, Instant t);
/// Appends a UTC-OFFSET "+HHMM", or "+HHMMSS" when the seconds are not zero; zero is "+0000".
void append_ical_offset(std::string& out, std::chrono::seconds offset);

}  // namespace gge::detail
