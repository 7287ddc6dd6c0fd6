#include "gge/core/parse.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace gge {
namespace {

[[noreturn]] void refuse(std::string_view text, std::string_view field, Where where,
                         std::string problem) {
  throw InputError(std::string{where}, std::string{field}, std::string{text}, std::move(problem));
}

// Reads exactly `n` decimal digits at `pos`; -1 if they are not all digits.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

constexpr std::array<const char*, 12> k_month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Why y-m-d is not a date, or "" when it is one.
std::string date_problem(int y, int m, int d) {
  if (y < k_first_year || y > k_last_year)
    return fmt::format("year {} is outside the supported range {}..{}", y, k_first_year,
                       k_last_year);
  if (m < 1 || m > 12) return fmt::format("there is no month {}", m);
  const auto last = date::year_month_day_last{date::year{y} / date::month(m) / date::last}.day();
  if (d < 1 || d > static_cast<int>(static_cast<unsigned>(last)))
    return fmt::format("{} {} has {} days", k_month_names[m - 1], y,
                       static_cast<unsigned>(last));
  return {};
}

}  // namespace

Date parse_date(std::string_view text, std::string_view field, Where where) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    refuse(text, field, where, "expected a date as YYYY-MM-DD");
  const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) refuse(text, field, where, "expected a date as YYYY-MM-DD");
  if (auto why = date_problem(y, m, d); !why.empty()) refuse(text, field, where, why);
  return Date{date::year{y} / date::month(m) / date::day(d)};
}

Instant parse_instant(std::string_view text, std::string_view field, Where where) {
  // "YYYY-MM-DD" + "THH:MM:SSZ": the date part is checked by parse_date.
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    refuse(text, field, where, "expected a UTC time as YYYY-MM-DDTHH:MM:SSZ");
  const Date day = parse_date(text.substr(0, 10), field, where);
  const int h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
  if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 59)
    refuse(text, field, where, "no such time of day (00:00:00 to 23:59:59)");
  return Instant{day.time_since_epoch()} + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

Minutes parse_hhmm(std::string_view text, std::string_view field, Where where) {
  if (text.size() != 5 || text[2] != ':') refuse(text, field, where, "expected a time as HH:MM");
  const int h = digits(text, 0, 2), m = digits(text, 3, 2);
  if (h < 0 || m < 0) refuse(text, field, where, "expected a time as HH:MM");
  if (m > 59 || h > 24 || (h == 24 && m != 0))
    refuse(text, field, where, "no such time of day (00:00 to 24:00)");
  return Minutes{h * 60 + m};
}

int parse_span_days(std::string_view text, std::string_view field, int max_days, Where where) {
  int count = -1;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const auto [p, ec] = std::from_chars(begin, end, count);
  const std::string_view unit{p, static_cast<std::size_t>(end - p)};
  const bool weeks = unit == "w" || unit == "W";
  const bool days = unit == "d" || unit == "D";
  const long long total = weeks ? 7LL * count : count;
  if (ec != std::errc{} || p == begin || count < 0 || !(weeks || days) || total > max_days)
    refuse(text, field, where,
           fmt::format("expected a span like 8w (weeks) or 56d (days), 0 to {} days", max_days));
  return static_cast<int>(total);
}

std::optional<Instant> read_source_date_epoch() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return std::nullopt;
  const std::string_view text{env};
  long long seconds = -1;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), seconds);
  constexpr long long k_year_9999_end = 253402300799;  // 9999-12-31T23:59:59Z
  if (r.ec != std::errc{} || r.ptr != text.data() + text.size() || seconds < 0 || seconds > k_year_9999_end)
    throw InputError({}, "SOURCE_DATE_EPOCH", std::string{text},
                     "expected whole seconds since 1970-01-01T00:00:00Z, e.g. 1100000000");
  return Instant{std::chrono::seconds{seconds}};
}

const std::string& check_text(const std::string& text, std::string_view field, Where where,
                              std::size_t max_bytes, bool multiline) {
  if (text.size() > max_bytes)
    refuse(text.substr(0, 40) + "...", field, where,
           fmt::format("too long: {} bytes, at most {}", text.size(), max_bytes));
  // Walk the UTF-8: reject malformed sequences and C0/C1 controls and DEL.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      const bool allowed_ws = multiline && (c == '\n' || c == '\t');
      if ((c < 0x20 && !allowed_ws) || c == 0x7f)
        refuse(text, field, where, fmt::format("control character U+{:04X} at byte {}", c, i));
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n)
      refuse(text, field, where, fmt::format("invalid UTF-8 at byte {}", i));
    std::uint32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80)
        refuse(text, field, where, fmt::format("invalid UTF-8 at byte {}", i));
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      refuse(text, field, where, fmt::format("invalid UTF-8 at byte {}", i));
    if (cp >= 0x80 && cp <= 0x9F)
      refuse(text, field, where, fmt::format("control character U+{:04X} at byte {}", cp, i));
    i += len;
  }
  return text;
}

const date::time_zone* parse_zone(std::string_view text, std::string_view field, Where where) {
  try {
    return date::locate_zone(text);
  } catch (const std::exception&) {
    refuse(text, field, where, "not a time zone of the tz database (e.g. Europe/Zurich)");
  }
}

}  // namespace gge
