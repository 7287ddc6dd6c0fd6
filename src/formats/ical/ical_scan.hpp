#pragma once
// Private to the .ics reader: a line-by-line pass over the raw text before libical sees it.
// libical forgives (it drops what it cannot parse and keeps going) and knows no line numbers;
// this pass refuses a broken file with its line, and remembers where each VEVENT and each TZID
// sits so later problems can be located too.
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gge::detail {

struct IcsScan {
  std::vector<int> event_lines;         ///< line of each BEGIN:VEVENT, in file order
  std::set<std::string> vtimezone_ids;  ///< TZIDs the file's VTIMEZONEs define
  struct TzidUse {
    std::string tzid;
    int line = 0;
  };
  std::vector<TzidUse> tzid_uses;  ///< every TZID= parameter outside VTIMEZONE, in order
};

/// Checks the structure of calendar `text` (lines are 1-based, physical lines of the file;
/// a folded line counts from its first part). Throws InputError "NAME:LINE" on: binary data
/// (NUL, invalid UTF-8, control characters), a content line that is not NAME[;PARAMS]:VALUE, a
/// line outside any component, a first component that is not VCALENDAR, END without its BEGIN,
/// BEGIN without its END.
IcsScan scan_ics(std::string_view text, std::string_view name);

/// `s` cut to 40 bytes with "..." when longer, for messages.
std::string preview(std::string_view s);

}  // namespace gge::detail
