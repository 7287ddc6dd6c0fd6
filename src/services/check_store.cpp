#include "gge/services/check_store.hpp"

#include "gge/services/calendars.hpp"

#include <algorithm>

namespace gge {

std::vector<Finding> check_store(const Store& store, const CheckFilter& filter,
                                 const CheckOptions& options) {
  if (!filter.body.empty() && !store.body(filter.body))
    throw InputError({}, "--body", filter.body, "no such body");
  if (!filter.mandate.empty() && !store.mandate(filter.mandate))
    throw InputError({}, "--mandate", filter.mandate, "no such mandate");
  const Scenario plan = store.scenario();
  const Calendars calendars(store);
  // High-level weeks of every year the plan's sessions touch.
  int first_year = 0, last_year = -1;
  for (const auto& s : plan.sessions) {
    const int y1 = int(date::year_month_day{s.first}.year());
    const int y2 = int(date::year_month_day{s.last}.year());
    first_year = last_year < first_year ? y1 : std::min(first_year, y1);
    last_year = std::max(last_year, y2);
  }
  CheckInput input{plan};
  if (first_year <= last_year) input.high_level_weeks = calendars.high_level_weeks(first_year, last_year);
  input.closure = calendars.closure_lookup();
  input.knows_closures = [&calendars](const std::string& station, int year) {
    return calendars.knows_closures(station, year);
  };
  input.filter = filter;
  input.options = options;
  return check_plan(input);
}

}  // namespace gge
