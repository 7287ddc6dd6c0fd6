#include "formats/ical/ical_timezone.hpp"

#include "formats/ical/ical_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

namespace gge::detail {
namespace {

using std::chrono::seconds;

/// One change of the zone's rules: at `at` (UTC) the offset goes from `from` to `to`.
struct Transition {
  date::sys_seconds at;
  seconds from, to;
  bool dst = false;
  std::string name;
  date::local_seconds local() const { return date::local_seconds{at.time_since_epoch() + from}; }
};

/// When in its year a transition happens, in local time before it (RFC 5545 DTSTART).
struct YearlyPlace {
  int year = 0;
  unsigned month = 0;
  unsigned weekday = 0;  // 0 = Sunday
  int nth = 0;           // 1..5: which such weekday of the month
  bool last = false;     // the last such weekday of the month
  seconds time_of_day{};
};

YearlyPlace place_of(const Transition& t) {
  auto local = t.local();
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  YearlyPlace p;
  p.year = static_cast<int>(ymd.year());
  p.month = static_cast<unsigned>(ymd.month());
  p.weekday = date::weekday{day}.c_encoding();
  auto d = static_cast<unsigned>(ymd.day());
  p.nth = static_cast<int>((d - 1) / 7 + 1);
  auto month_days = static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
  p.last = d + 7 > month_days;
  p.time_of_day = local - day;
  return p;
}

/// A run of transitions of one kind, one per consecutive year, at the same yearly place.
struct Run {
  std::vector<const Transition*> items;
  bool by_nth = true, by_last = true;  // which RRULE forms fit every item so far
};

bool extend(Run& run, const Transition& t) {
  auto a = place_of(*run.items.back());
  auto b = place_of(t);
  if (b.year != a.year + 1 || b.month != a.month || b.weekday != a.weekday ||
      b.time_of_day != a.time_of_day)
    return false;
  bool nth = run.by_nth && b.nth == a.nth && b.nth <= 4;
  bool last = run.by_last && b.last;
  if (!nth && !last) return false;
  run.by_nth = nth;
  run.by_last = last;
  run.items.push_back(&t);
  return true;
}

constexpr const char* k_day_codes[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

/// One STANDARD/DAYLIGHT block, ready to be sorted by its DTSTART.
struct Observance {
  date::local_seconds start;
  std::string text;
};

void append_line(std::string& out, std::string& line) {
  append_folded(out, line);
  line.clear();
}

Observance observance(const Transition& first, seconds from, const std::string* rrule) {
  Observance o{first.local(), {}};
  std::string& out = o.text;
  std::string line;
  const char* kind = first.dst ? "DAYLIGHT" : "STANDARD";
  out += fmt::format("BEGIN:{}\r\n", kind);
  line = "DTSTART:";
  append_ical_local(line, first.local());
  append_line(out, line);
  if (rrule) {
    line = *rrule;
    append_line(out, line);
  }
  line = "TZOFFSETFROM:";
  append_ical_offset(line, from);
  append_line(out, line);
  line = "TZOFFSETTO:";
  append_ical_offset(line, first.to);
  append_line(out, line);
  if (!first.name.empty()) {
    line = "TZNAME:";
    append_ical_text(line, first.name, "TZNAME");
    append_line(out, line);
  }
  out += fmt::format("END:{}\r\n", kind);
  return o;
}

}  // namespace

void append_vtimezone(std::string& out, const date::time_zone& zone, int first_year, int last_year) {
  using date::sys_days;
  // Span in UTC, widened by a day on each side so local years are fully covered.
  auto span_begin = date::sys_seconds{sys_days{date::year{first_year} / 1 / 1}} - date::days{1};
  auto span_end = date::sys_seconds{sys_days{date::year{last_year + 1} / 1 / 1}} + date::days{1};

  auto info = zone.get_info(span_begin);
  Transition initial{span_begin, info.offset, info.offset, info.save != std::chrono::minutes{0},
                     info.abbrev};
  // The opening observance starts at local midnight, 1 January of first_year.
  initial.at = date::sys_seconds{sys_days{date::year{first_year} / 1 / 1}} - info.offset;

  std::vector<Transition> transitions;
  auto prev = info;
  while (prev.end < span_end) {
    auto next = zone.get_info(prev.end);
    if (next.offset != prev.offset || next.save != prev.save || next.abbrev != prev.abbrev)
      transitions.push_back({next.begin, prev.offset, next.offset,
                             next.save != std::chrono::minutes{0}, next.abbrev});
    prev = next;
  }

  // Group by kind (offsets, dst, name), keep time order within each group, cut into runs.
  using Key = std::tuple<seconds::rep, seconds::rep, bool, std::string>;
  std::map<Key, std::vector<const Transition*>> groups;
  for (const auto& t : transitions) groups[{t.from.count(), t.to.count(), t.dst, t.name}].push_back(&t);

  const int span_last_year = last_year;
  std::vector<Observance> observances;
  observances.push_back(observance(initial, initial.from, nullptr));
  for (const auto& [key, items] : groups) {
    std::vector<Run> runs;
    for (const auto* t : items) {
      if (runs.empty() || !extend(runs.back(), *t)) runs.push_back(Run{{t}});
    }
    for (const auto& run : runs) {
      const Transition& first = *run.items.front();
      if (run.items.size() < 2) {
        observances.push_back(observance(first, first.from, nullptr));
        continue;
      }
      auto place = place_of(first);
      std::string rrule = fmt::format("RRULE:FREQ=YEARLY;BYMONTH={};BYDAY={}{}", place.month,
                                      run.by_nth ? place.nth : -1, k_day_codes[place.weekday]);
      // Open-ended only when the pattern holds to the last year of the span; otherwise bounded
      // at its last occurrence, so it cannot invent transitions the zone no longer has.
      const Transition& last = *run.items.back();
      if (place_of(last).year < span_last_year) {
        rrule += ";UNTIL=";
        append_ical_utc(rrule, last.at);
      }
      observances.push_back(observance(first, first.from, &rrule));
    }
  }
  std::stable_sort(observances.begin(), observances.end(),
                   [](const Observance& a, const Observance& b) { return a.start < b.start; });

  std::string line = "BEGIN:VTIMEZONE";
  append_line(out, line);
  line = "TZID:";
  append_ical_text(line, zone.name(), "TZID");
  append_line(out, line);
  for (const auto& o : observances) out += o.text;
  out += "END:VTIMEZONE\r\n";
}

}  // namespace gge::detail
