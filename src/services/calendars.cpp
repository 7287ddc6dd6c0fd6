#include "gge/services/calendars.hpp"

#include "gge/formats/scenario/ga_openings_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace gge {

Calendars::Calendars(const Store& store) {
  const auto rules = store.holiday_rules();
  const auto holidays = store.holidays();
  for (const auto& s : store.stations()) {
    m_stations.emplace(s.code, make_working_calendar(s.code, rules, holidays));
    if (s.zone == "America/New_York" && m_new_york.empty()) m_new_york = s.code;
  }
  for (const auto& r : rules)
    m_coverage[r.station].rule_years.emplace_back(r.from_year == 0 ? INT_MIN : r.from_year,
                                                  r.to_year == 0 ? INT_MAX : r.to_year);
  for (const auto& h : holidays)
    m_coverage[h.station].holiday_years.push_back(int(date::year_month_day{h.date}.year()));
  for (auto& [code, c] : m_coverage) {
    std::sort(c.holiday_years.begin(), c.holiday_years.end());
    c.holiday_years.erase(std::unique(c.holiday_years.begin(), c.holiday_years.end()), c.holiday_years.end());
  }
  // The records gge ships first, the planner's own after them: the last given wins.
  const auto shipped = recorded_ga_openings();
  std::vector<GaOpening> records(shipped.begin(), shipped.end());
  for (auto& r : store.ga_openings()) records.push_back(std::move(r));
  const WorkingCalendar* ny = m_new_york.empty() ? nullptr : &m_stations.at(m_new_york);
  m_ga = std::make_unique<GaCalendar>(records, ny);
}

const WorkingCalendar& Calendars::station(const std::string& code, std::string_view field) const {
  const auto it = m_stations.find(code);
  if (it == m_stations.end())
    throw InputError({}, std::string{field}, code, "no such station");
  return it->second;
}

std::vector<Blackout> Calendars::high_level_weeks(int first_year, int last_year) const {
  std::vector<Blackout> weeks;
  if (m_new_york.empty()) return weeks;
  // Session N opens in September of 1945 + N; its high-level week is in that September.
  const int first = std::max(1, first_year - 1945);
  const int last = std::min(k_max_ga_session, last_year - 1945);
  for (int n = first; n <= last; ++n) {
    const auto d = m_ga->session(n);
    weeks.push_back({m_new_york, d.high_level_first, d.high_level_last,
                     fmt::format("GA {} high-level week (general debate opens {}, {})", n,
                                 to_iso(d.general_debate_first.date), d.general_debate_first.source),
                     Severity::error});
  }
  return weeks;
}

ClosureLookup Calendars::closure_lookup() const {
  return [this](const std::string& station, Date day) -> std::optional<std::string> {
    const auto it = m_stations.find(station);
    if (it == m_stations.end()) return std::nullopt;
    if (const Closure* c = it->second.closure_on(day)) return c->name;
    return std::nullopt;
  };
}

bool Calendars::knows_closures(const std::string& code, int year) const {
  const auto it = m_coverage.find(code);
  if (it == m_coverage.end()) return false;
  const auto& c = it->second;
  return std::binary_search(c.holiday_years.begin(), c.holiday_years.end(), year) ||
         std::any_of(c.rule_years.begin(), c.rule_years.end(),
                     [&](const auto& r) { return r.first <= year && year <= r.second; });
}

}  // namespace gge
