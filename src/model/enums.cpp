// Spellings of the model's enumerations, shared by files, the CLI and the database.
#include "gge/core/error.hpp"
#include "gge/model/blackout.hpp"
#include "gge/model/bodies.hpp"
#include "gge/model/busy.hpp"
#include "gge/model/holiday.hpp"
#include "gge/model/holiday_rule.hpp"
#include "gge/model/sessions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace gge {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view s) {
  for (const auto& [value, name] : table)
    if (iequals(name, s)) return value;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [value, name] : table)
    if (value == e) return name;
  return "?";
}

constexpr std::array<std::pair<BodyKind, std::string_view>, 4> k_body_kinds{{
    {BodyKind::gge, "GGE"}, {BodyKind::oewg, "OEWG"}, {BodyKind::committee, "committee"},
    {BodyKind::other, "other"}}};

constexpr std::array<std::pair<SessionStatus, std::string_view>, 5> k_session_statuses{{
    {SessionStatus::planned, "planned"}, {SessionStatus::confirmed, "confirmed"},
    {SessionStatus::held, "held"}, {SessionStatus::postponed, "postponed"},
    {SessionStatus::cancelled, "cancelled"}}};

constexpr std::array<std::pair<HolidayStatus, std::string_view>, 3> k_holiday_statuses{{
    {HolidayStatus::rule, "rule"}, {HolidayStatus::estimated, "estimated"},
    {HolidayStatus::confirmed, "confirmed"}}};

constexpr std::array<std::pair<HolidayRuleKind, std::string_view>, 5> k_rule_kinds{{
    {HolidayRuleKind::fixed, "fixed"}, {HolidayRuleKind::nth_weekday, "nth_weekday"},
    {HolidayRuleKind::last_weekday, "last_weekday"}, {HolidayRuleKind::easter, "easter"},
    {HolidayRuleKind::hijri, "hijri"}}};

constexpr std::array<std::pair<Observance, std::string_view>, 6> k_observances{{
    {Observance::none, "none"}, {Observance::nearest, "nearest"}, {Observance::friday, "friday"},
    {Observance::monday, "monday"}, {Observance::next_working, "next_working"},
    {Observance::previous_working, "previous_working"}}};

constexpr std::array<std::pair<Severity, std::string_view>, 2> k_severities{{
    {Severity::warning, "warning"}, {Severity::error, "error"}}};

constexpr std::array<std::pair<BusyKind, std::string_view>, 4> k_busy_kinds{
    {{BusyKind::expert, "expert"},
     {BusyKind::station, "station"},
     {BusyKind::room, "room"},
     {BusyKind::body, "body"}}};

}  // namespace

std::string_view to_string(BusyKind k) { return name_of(k_busy_kinds, k); }
std::optional<BusyKind> parse_busy_kind(std::string_view s) { return lookup(k_busy_kinds, s); }

std::string_view to_string(HolidayRuleKind k) { return name_of(k_rule_kinds, k); }
std::optional<HolidayRuleKind> parse_holiday_rule_kind(std::string_view s) {
  return lookup(k_rule_kinds, s);
}

std::string_view weekday_name(int weekday) {
  static constexpr std::array<std::string_view, 7> k_names{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                           "Thursday", "Friday", "Saturday"};
  return weekday >= 0 && weekday < 7 ? k_names[static_cast<std::size_t>(weekday)] : "?";
}
std::optional<int> parse_weekday_name(std::string_view s) {
  for (int d = 0; d < 7; ++d)
    if (iequals(weekday_name(d), s)) return d;
  return std::nullopt;
}

std::string_view to_string(Observance o) { return name_of(k_observances, o); }
std::optional<Observance> parse_observance(std::string_view s) { return lookup(k_observances, s); }

std::string_view to_string(Severity s) { return name_of(k_severities, s); }
std::optional<Severity> parse_severity(std::string_view s) { return lookup(k_severities, s); }

std::string_view to_string(BodyKind k) { return name_of(k_body_kinds, k); }
std::optional<BodyKind> parse_body_kind(std::string_view s) { return lookup(k_body_kinds, s); }

std::string_view to_string(SessionStatus s) { return name_of(k_session_statuses, s); }
std::optional<SessionStatus> parse_session_status(std::string_view s) {
  return lookup(k_session_statuses, s);
}

SessionStatus require_session_status(std::string_view text, std::string_view field) {
  const auto s = parse_session_status(text);
  if (!s)
    throw InputError({}, std::string{field}, std::string{text},
                     "expected planned, confirmed, held, postponed or cancelled");
  return *s;
}

std::string_view to_string(HolidayStatus s) { return name_of(k_holiday_statuses, s); }
std::optional<HolidayStatus> parse_holiday_status(std::string_view s) {
  return lookup(k_holiday_statuses, s);
}

}  // namespace gge
