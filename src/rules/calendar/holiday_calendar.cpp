// A station's closures from its rules and confirmed dates (see holiday_calendar.hpp).
#include "gge/rules/calendar/holiday_calendar.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"
#include "gge/model/validate.hpp"
#include "gge/rules/calendar/computus.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

namespace gge {
namespace {

constexpr std::string_view k_observed_suffix = " (observed)";
constexpr int k_confirmed_match_days = 45;

void check_year_range(int first_year, int last_year) {
  const auto bad = [](int y) { return y < k_first_year || y > k_last_year; };
  if (bad(first_year) || bad(last_year) || first_year > last_year)
    throw InputError("", "year",
                     first_year == last_year ? std::to_string(first_year)
                                             : fmt::format("{}..{}", first_year, last_year),
                     fmt::format("outside the supported range {}..{}", k_first_year, k_last_year));
}

int year_of(Date d) { return static_cast<int>(date::year_month_day{d}.year()); }

bool applies(const HolidayRule& r, int year) {
  return (r.from_year == 0 || year >= r.from_year) && (r.to_year == 0 || year <= r.to_year);
}

// rule_days without validation (the rule has been validated by the caller).
std::vector<Date> days_of(const HolidayRule& r, int year) {
  if (!applies(r, year)) return {};
  const date::year y{year};
  const auto m = date::month{static_cast<unsigned>(r.month)};
  const auto wd = date::weekday{static_cast<unsigned>(r.weekday)};
  switch (r.kind) {
    case HolidayRuleKind::fixed: {
      const date::year_month_day ymd{y, m, date::day{static_cast<unsigned>(r.day)}};
      if (!ymd.ok()) return {};  // 29 February in a common year
      return {Date{ymd}};
    }
    case HolidayRuleKind::nth_weekday: {
      const date::year_month_weekday ymw{y, m, wd[static_cast<unsigned>(r.nth)]};
      if (!ymw.ok()) return {};  // no fifth such weekday this month
      return {Date{ymw} + date::days{r.offset}};
    }
    case HolidayRuleKind::last_weekday:
      return {Date{date::year_month_weekday_last{y, m, date::weekday_last{wd}}} +
              date::days{r.offset}};
    case HolidayRuleKind::easter:
      return {easter_sunday(year) + date::days{r.offset}};
    case HolidayRuleKind::hijri:
      return hijri_days_in_year(year, r.hijri_month, r.hijri_day);
  }
  return {};
}

struct Occurrence {
  std::string name;
  Date actual{};
  std::optional<Date> observed;  // set when the closed day is known (confirmed "(observed)")
  HolidayStatus status = HolidayStatus::rule;
  Observance observance = Observance::none;
  std::string source;
  bool from_rule = true;
  bool confirmed_replaced = false;
};

// First candidate day and direction of travel for a weekend day under `o`.
std::pair<Date, int> start_of(Date actual, Observance o) {
  const bool saturday = weekday_of(actual) == date::Saturday;
  switch (o) {
    case Observance::none: return {actual, 0};
    case Observance::nearest:
      return saturday ? std::pair{actual - date::days{1}, -1} : std::pair{actual + date::days{1}, 1};
    case Observance::friday:
      return {actual - date::days{saturday ? 1 : 2}, -1};
    case Observance::monday:
      return {actual + date::days{saturday ? 2 : 1}, 1};
    case Observance::next_working: return {actual + date::days{1}, 1};
    case Observance::previous_working: return {actual - date::days{1}, -1};
  }
  return {actual, 0};
}

}  // namespace

std::vector<Date> rule_days(const HolidayRule& r, int year) {
  check_year_range(year, year);
  validate(r);
  return days_of(r, year);
}

std::vector<Closure> station_closures(std::string_view station, int first_year, int last_year,
                                      std::span<const HolidayRule> rules,
                                      std::span<const Holiday> holidays) {
  check_year_range(first_year, last_year);
  // One year either side, so that a holiday observed across New Year (and its collisions) is seen.
  const int w1 = std::max(k_first_year, first_year - 1);
  const int w2 = std::min(k_last_year, last_year + 1);

  std::vector<Occurrence> occ;
  for (const auto& r : rules) {
    if (r.station != station) continue;
    validate(r, fmt::format("holiday rule '{}'", r.name));
    for (int y = w1; y <= w2; ++y)
      for (Date d : days_of(r, y))
        occ.push_back({r.name, d, std::nullopt,
                       r.kind == HolidayRuleKind::hijri ? HolidayStatus::estimated
                                                        : HolidayStatus::rule,
                       r.observance, r.source, true, false});
  }
  std::sort(occ.begin(), occ.end(),
            [](const Occurrence& a, const Occurrence& b) { return a.actual < b.actual; });

  // Confirmed dates replace the nearest unreplaced occurrence of the same name.
  std::vector<const Holiday*> confirmed;
  for (const auto& h : holidays)
    if (h.station == station && h.status == HolidayStatus::confirmed && year_of(h.date) >= w1 &&
        year_of(h.date) <= w2)
      confirmed.push_back(&h);
  std::sort(confirmed.begin(), confirmed.end(), [](const Holiday* a, const Holiday* b) {
    return std::tie(a->date, a->name) < std::tie(b->date, b->name);
  });
  for (const Holiday* h : confirmed) {
    std::string_view base = h->name;
    const bool observed_form = base.ends_with(k_observed_suffix);
    if (observed_form) base.remove_suffix(k_observed_suffix.size());
    Occurrence* best = nullptr;
    for (auto& o : occ) {
      if (!o.from_rule || o.confirmed_replaced || o.name != base) continue;
      const auto gap = std::abs((o.actual - h->date).count());
      if (gap <= k_confirmed_match_days &&
          (!best || gap < std::abs((best->actual - h->date).count())))
        best = &o;
    }
    const std::string source = fmt::format("confirmed ({} {})", h->name, to_iso(h->date));
    if (best) {
      best->confirmed_replaced = true;
      best->status = HolidayStatus::confirmed;
      best->source = source;
      if (observed_form)
        best->observed = h->date;
      else
        best->actual = h->date;
    } else {
      occ.push_back({h->name, h->date, h->date, HolidayStatus::confirmed, Observance::none, source,
                     false, true});
    }
  }

  // Days already closed: known observed days and weekday actual days; then move weekend days.
  std::set<Date> taken;
  for (auto& o : occ) {
    if (o.observed) {
      taken.insert(*o.observed);
    } else if (!is_weekend(o.actual)) {
      o.observed = o.actual;
      taken.insert(o.actual);
    }
  }
  std::sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) {
    return std::tie(a.actual, a.name) < std::tie(b.actual, b.name);
  });
  for (auto& o : occ) {
    if (o.observed) continue;
    auto [d, step] = start_of(o.actual, o.observance);
    if (step != 0)
      while (is_weekend(d) || taken.contains(d)) d += date::days{step};
    o.observed = d;
    taken.insert(d);
  }

  std::vector<Closure> out;
  for (const auto& o : occ) {
    const int y = year_of(*o.observed);
    if (y < first_year || y > last_year) continue;
    out.push_back({o.name, o.actual, *o.observed, o.status, o.source});
  }
  std::sort(out.begin(), out.end(), [](const Closure& a, const Closure& b) {
    return std::tie(a.observed, a.name) < std::tie(b.observed, b.name);
  });
  return out;
}

std::vector<Closure> station_closures(std::string_view station, int year,
                                      std::span<const HolidayRule> rules,
                                      std::span<const Holiday> holidays) {
  return station_closures(station, year, year, rules, holidays);
}

std::vector<Holiday> to_holidays(std::string_view station, std::span<const Closure> closures) {
  std::vector<Holiday> out;
  out.reserve(closures.size());
  for (const auto& c : closures) {
    std::string name = c.observed == c.actual ? c.name : c.name + std::string{k_observed_suffix};
    // Holidays are keyed by (station, date): two closures on one day become one row, and the
    // row is only as sure as its least sure part.
    if (!out.empty() && out.back().date == c.observed) {
      out.back().name += " / " + name;
      if (c.status == HolidayStatus::estimated) out.back().status = HolidayStatus::estimated;
      else if (c.status == HolidayStatus::rule && out.back().status == HolidayStatus::confirmed)
        out.back().status = HolidayStatus::rule;
      continue;
    }
    out.push_back({std::string{station}, c.observed, std::move(name), c.status});
  }
  return out;
}

}  // namespace gge
