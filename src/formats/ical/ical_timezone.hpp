#pragma once
/// VTIMEZONE generation from the tz database (private to the writer).
#include <date/tz.h>

#include <string>

namespace gge::detail {

/// Appends a VTIMEZONE (TZID = the IANA name) describing `zone` from 1 January of `first_year`
/// to 31 December of `last_year` (inclusive, local years). Transitions that follow a yearly
/// pattern (same month, weekday, nth or last week, local time and offsets, in consecutive years)
/// become one STANDARD/DAYLIGHT with RRULE:FREQ=YEARLY (bounded by UNTIL when the pattern stops
/// inside the span); others one observance each. The offset in force on 1 January of
/// `first_year` opens the VTIMEZONE as an observance with TZOFFSETFROM = TZOFFSETTO; a zone
/// with no transition in the span therefore gets exactly one observance.
/// Requires first_year <= last_year.
void append_vtimezone(std::string& out, const date::time_zone& zone, int first_year, int last_year);

}  // namespace gge::detail
