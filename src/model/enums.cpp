// Spellings of the model's enumerations, shared by files, the CLI and the database.
#include "gge/model/bodies.hpp"
#include "gge/model/holiday.hpp"
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

}  // namespace

std::string_view to_string(BodyKind k) { return name_of(k_body_kinds, k); }
std::optional<BodyKind> parse_body_kind(std::string_view s) { return lookup(k_body_kinds, s); }

std::string_view to_string(SessionStatus s) { return name_of(k_session_statuses, s); }
std::optional<SessionStatus> parse_session_status(std::string_view s) {
  return lookup(k_session_statuses, s);
}

std::string_view to_string(HolidayStatus s) { return name_of(k_holiday_statuses, s); }
std::optional<HolidayStatus> parse_holiday_status(std::string_view s) {
  return lookup(k_holiday_statuses, s);
}

}  // namespace gge
