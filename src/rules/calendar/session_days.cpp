// The days a session may use (see session_days.hpp): blocked days, meeting days, travel.
#include "gge/rules/calendar/session_days.hpp"

namespace gge {

bool blackout_applies(const Blackout& b, std::string_view station) {
  return b.station.empty() || b.station == station;
}

std::vector<Date> meeting_days(const WorkingCalendar& calendar, Date first, Date last) {
  std::vector<Date> days;
  for (Date d = first; d <= last; d += date::days{1})
    if (calendar.is_working_day(d)) days.push_back(d);
  return days;
}

bool weekday_between(Date last, Date first) {
  // Any three consecutive days hold a weekday; fewer are looked at one by one.
  if ((first - last).count() > 3) return true;
  for (Date d = last + date::days{1}; d < first; d += date::days{1})
    if (!is_weekend(d)) return true;
  return false;
}

bool can_share_experts(Date a_first, Date a_last, std::string_view a_station, Date b_first, Date b_last,
                       std::string_view b_station) {
  if (a_first <= b_last && b_first <= a_last) return false;
  if (a_station == b_station) return true;
  return a_last < b_first ? weekday_between(a_last, b_first) : weekday_between(b_last, a_first);
}

}  // namespace gge
