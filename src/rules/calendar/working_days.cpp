// Working-day arithmetic over a bitset of the supported range (see working_days.hpp).
#include "gge/rules/calendar/working_days.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace gge {
namespace {

const Date k_first_day{date::year{k_first_year} / 1 / 1};
const Date k_last_day{date::year{k_last_year} / 12 / 31};

std::string range_text() {
  return fmt::format("{}..{}", to_iso(k_first_day), to_iso(k_last_day));
}

bool in_range(Date d) { return d >= k_first_day && d <= k_last_day; }

}  // namespace

WorkingCalendar::WorkingCalendar() { set_weekdays(); }

WorkingCalendar::WorkingCalendar(std::string station, std::span<const Closure> closures)
    : m_station(std::move(station)), m_closures(closures.begin(), closures.end()) {
  set_weekdays();
  std::sort(m_closures.begin(), m_closures.end(), [](const Closure& a, const Closure& b) {
    return std::tie(a.observed, a.name) < std::tie(b.observed, b.name);
  });
  for (const auto& c : m_closures) {
    if (!in_range(c.observed)) continue;
    const auto i = static_cast<std::size_t>(c.observed.time_since_epoch().count() - m_first);
    m_bits[i >> 6] &= ~(std::uint64_t{1} << (i & 63));
  }
}

void WorkingCalendar::set_weekdays() {
  m_first = k_first_day.time_since_epoch().count();
  m_days = static_cast<std::uint64_t>((k_last_day - k_first_day).count() + 1);
  m_bits.assign((m_days + 63) / 64, 0);
  for (Date d = k_first_day; d <= k_last_day; d += date::days{1}) {
    if (is_weekend(d)) continue;
    const auto i = static_cast<std::size_t>(d.time_since_epoch().count() - m_first);
    m_bits[i >> 6] |= std::uint64_t{1} << (i & 63);
  }
}

void WorkingCalendar::out_of_range(Date d) {
  throw InputError("", "date", to_iso(d),
                   fmt::format("outside the supported range {}", range_text()));
}

const Closure* WorkingCalendar::closure_on(Date d) const {
  auto it = std::lower_bound(m_closures.begin(), m_closures.end(), d,
                             [](const Closure& c, Date x) { return c.observed < x; });
  return it != m_closures.end() && it->observed == d ? &*it : nullptr;
}

std::vector<Closure> WorkingCalendar::closures_between(Date first, Date last) const {
  auto it = std::lower_bound(m_closures.begin(), m_closures.end(), first,
                             [](const Closure& c, Date x) { return c.observed < x; });
  std::vector<Closure> out;
  for (; it != m_closures.end() && it->observed <= last; ++it) out.push_back(*it);
  return out;
}

Date WorkingCalendar::add_working_days(Date d, int n) const {
  if (!in_range(d)) out_of_range(d);
  const int step = n < 0 ? -1 : 1;
  int left = n < 0 ? -n : n;
  Date x = d;
  while (left > 0) {
    x += date::days{step};
    if (!in_range(x))
      throw InputError("", "working days", std::to_string(n),
                       fmt::format("cannot be counted from {} inside the supported range {}",
                                   to_iso(d), range_text()));
    if (is_working_day(x)) --left;
  }
  return x;
}

Date WorkingCalendar::subtract_working_days(Date d, int n) const {
  return add_working_days(d, -n);
}

int WorkingCalendar::count_working_days(Date first, Date last) const {
  if (!in_range(first)) out_of_range(first);
  if (!in_range(last)) out_of_range(last);
  int count = 0;
  for (Date d = first; d <= last; d += date::days{1}) count += is_working_day(d) ? 1 : 0;
  return count;
}

Date WorkingCalendar::roll(Date d, Roll how) const {
  if (is_working_day(d)) return d;
  switch (how) {
    case Roll::before: return add_working_days(d, -1);
    case Roll::after: return add_working_days(d, 1);
    case Roll::error: break;
  }
  const Closure* c = closure_on(d);
  throw InputError("", "date", to_iso(d),
                   c ? fmt::format("is a closure at {}: {}", m_station, c->name)
                     : std::string{"is a weekend day"});
}

WorkingCalendar make_working_calendar(std::string_view station, std::span<const HolidayRule> rules,
                                      std::span<const Holiday> holidays) {
  const auto closures = station_closures(station, k_first_year, k_last_year, rules, holidays);
  return WorkingCalendar(std::string{station}, closures);
}

}  // namespace gge
