#pragma once
/// Parsers for untrusted text (CLI arguments, scenario files). Each names the field, the value
/// and where it came from when it refuses, by throwing `InputError`.
#include "gge/core/error.hpp"
#include "gge/core/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace gge {

/// Where a value came from, for messages: "file.toml:12", "--first", "" (unknown).
using Where = std::string_view;

/// A civil date "YYYY-MM-DD" in years 1900..2199 (the supported range).
/// Refuses 2005-02-30 ("February 2005 has 28 days"), 2005-13-01, and anything not in that form.
Date parse_date(std::string_view text, std::string_view field, Where where = {});

/// A UTC instant "YYYY-MM-DDTHH:MM:SSZ" (as `to_iso(Instant)` writes it), years 1900..2199.
Instant parse_instant(std::string_view text, std::string_view field, Where where = {});

/// A wall-clock time "HH:MM", 00:00..24:00 (24:00 only as "24:00").
Minutes parse_hhmm(std::string_view text, std::string_view field, Where where = {});

/// A span of calendar days written as a count and a unit: "8w" (weeks of 7 days) or "56d"
/// (days). The unit is required and case-insensitive ("8W" is "8w"). Returns the days,
/// 0..`max_days` inclusive; anything else ("8", "3wd", "-1d", "8x", too many days) is an
/// InputError naming `field` and the text.
int parse_span_days(std::string_view text, std::string_view field, int max_days, Where where = {});

/// The instant in the environment variable SOURCE_DATE_EPOCH (reproducible builds), the one
/// reader for every layer (the store's clock, DTSTAMP of exports): nullopt when it is unset or
/// empty; whole decimal seconds since 1970-01-01T00:00:00Z, 0 up to 9999-12-31T23:59:59Z,
/// otherwise. Any other value is bad input, never ignored: InputError naming SOURCE_DATE_EPOCH.
std::optional<Instant> read_source_date_epoch();

/// Checks a free-text value: at most `max_bytes` bytes of valid UTF-8 with no control characters
/// (a tab or newline is allowed only when `multiline`). Returns the text unchanged.
const std::string& check_text(const std::string& text, std::string_view field, Where where = {},
                              std::size_t max_bytes = 1000, bool multiline = false);

/// An IANA zone that the system tz database knows ("America/New_York").
const date::time_zone* parse_zone(std::string_view text, std::string_view field, Where where = {});

/// The supported civil years, inclusive.
inline constexpr int k_first_year = 1900;
inline constexpr int k_last_year = 2199;

}  // namespace gge
