#include "gge/core/time.hpp"

#include <fmt/format.h>

#include <array>

namespace gge {
namespace {
constexpr std::array<const char*, 12> k_months = {"January", "February", "March",     "April",
                                                  "May",     "June",     "July",      "August",
                                                  "September", "October", "November", "December"};
const char* month_name(date::month m) { return k_months[static_cast<unsigned>(m) - 1]; }
}  // namespace

std::string to_iso(Date d) {
  const date::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string to_hhmm(Minutes m) {
  return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60);
}

std::string to_iso(Instant t) {
  const auto day = date::floor<date::days>(t);
  const date::hh_mm_ss hms{t - day};
  return fmt::format("{}T{:02}:{:02}:{:02}Z", to_iso(Date{day}), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

std::string to_un_long(Date d) {
  const date::year_month_day ymd{d};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()), month_name(ymd.month()),
                     static_cast<int>(ymd.year()));
}

std::string to_un_range(Date first, Date last) {
  if (first == last) return to_un_long(first);
  const date::year_month_day a{first}, b{last};
  if (a.year() != b.year()) return fmt::format("{} to {}", to_un_long(first), to_un_long(last));
  if (a.month() != b.month())
    return fmt::format("{} {} to {}", static_cast<unsigned>(a.day()), month_name(a.month()),
                       to_un_long(last));
  return fmt::format("{} to {}", static_cast<unsigned>(a.day()), to_un_long(last));
}

}  // namespace gge
