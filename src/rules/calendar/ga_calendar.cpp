// Rule 1 of the GA rules of procedure, by era (see ga_calendar.hpp).
#include "gge/rules/calendar/ga_calendar.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

namespace gge {
namespace {

void check_session(int n) {
  if (n < 1 || n > k_max_ga_session)
    throw InputError("", "session", std::to_string(n),
                     fmt::format("GA regular session must be between 1 and {}", k_max_ga_session));
}

// Monday of the first week (Monday to Sunday) holding a working day (Monday to Friday, see the
// header for why not the NY calendar) of September `year`.
Date first_working_week(int year) {
  Date d{date::year{year} / 9 / 1};
  while (is_weekend(d)) d += date::days{1};
  return d - (weekday_of(d) - date::Monday);
}

}  // namespace

GaCalendar::GaCalendar(std::span<const GaOpening> records, const WorkingCalendar* ny)
    : m_ny(ny) {
  for (const auto& r : records) m_records[r.session] = r;
}

SourcedDate GaCalendar::rule_opening(int n) const {
  check_session(n);
  return rule_of(n);
}

SourcedDate GaCalendar::rule_of(int n) const {
  const int year = 1945 + n;
  const date::year y{year};
  if (n <= 52)
    return {Date{y / date::September / date::Tuesday[3]},
            "Rule 1, third Tuesday of September", false};
  if (n <= 57)
    return {Date{y / date::September / date::Monday[2]} + date::days{1},
            "Rule 1, Tuesday after the second Monday of September", false};
  const int week = n <= 77 ? 3 : 2;
  const Date monday = first_working_week(year) + date::weeks{week - 1};
  return {monday + date::days{1},
          fmt::format("rule {}, week {}", n <= 77 ? "57/301" : "75/325", week), false};
}

SourcedDate GaCalendar::opening(int n) const {
  check_session(n);
  return opening_of(n);
}

SourcedDate GaCalendar::opening_of(int n) const {
  if (auto it = m_records.find(n); it != m_records.end())
    return {it->second.opening, it->second.source.empty() ? "recorded" : it->second.source, true};
  return rule_of(n);
}

GaSessionDates GaCalendar::session(int n) const {
  GaSessionDates s;
  s.session = n;
  s.opening = opening(n);
  // The Tuesday after the opening (from 78: the second Tuesday after). A recorded opening need not
  // be a Tuesday, so count Tuesdays strictly after it.
  const int tuesdays = n >= 78 ? 2 : 1;
  Date gd = s.opening.date + date::days{1};
  while (weekday_of(gd) != date::Tuesday) gd += date::days{1};
  gd += date::weeks{tuesdays - 1};
  const std::string which = tuesdays == 1 ? "the Tuesday after" : "the second Tuesday after";
  std::string source =
      n >= 58 ? fmt::format("{} the opening (DOMAIN.md, sessions {})", which,
                            n >= 78 ? "78 on" : "58-77")
              : fmt::format("{} the opening (assumed: no rule before session 58)", which);
  const Date gd_first = working_calendar().roll(gd, Roll::after);
  if (gd_first != gd) source += ", rolled to the next working day";
  s.general_debate_first = {gd_first, source, false};
  s.general_debate_last = working_calendar().add_working_days(gd_first, 8);
  s.high_level_first = gd_first;
  s.high_level_last = working_calendar().add_working_days(gd_first, 4);
  // Session k_max_ga_session + 1 is not answered on its own but may end session k_max_ga_session.
  const SourcedDate next = opening_of(n + 1);
  s.end = {next.date - date::days{1},
           fmt::format("the day before GA {} opens ({})", n + 1, next.source), next.recorded};
  return s;
}

}  // namespace gge
