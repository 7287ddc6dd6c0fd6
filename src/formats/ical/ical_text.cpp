#include "formats/ical/ical_text.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace gge::detail {
namespace {

[[noreturn]] void refuse(std::string_view field, std::string_view text, std::string problem) {
  throw InputError("", std::string(field), std::string(text), std::move(problem));
}

/// Length of the valid UTF-8 sequence starting at `p` (1..4), or 0 when it is not valid
/// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_length(const unsigned char* p, std::size_t left) {
  unsigned char c = p[0];
  auto cont = [&](std::size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0; // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0; // above U+10FFFF
    return 4;
  }
  return 0;
}

/// Writes `v` (0..99) as two digits at p.
inline void put2(char* p, int v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}
/// Writes YYYYMMDD at p (8 chars).
inline void put_ymd(char* p, date::year_month_day ymd) {
  int y = static_cast<int>(ymd.year());
  put2(p, y / 100 % 100);
  put2(p + 2, y % 100);
  put2(p + 4, static_cast<int>(static_cast<unsigned>(ymd.month())));
  put2(p + 6, static_cast<int>(static_cast<unsigned>(ymd.day())));
}
/// Writes THHMMSS at p (7 chars); s in [0, 86400).
inline void put_hms(char* p, std::chrono::seconds s) {
  auto v = static_cast<int>(s.count());
  p[0] = 'T';
  put2(p + 1, v / 3600);
  put2(p + 3, v / 60 % 60);
  put2(p + 5, v % 60);
}

}  // namespace

void append_ical_text(std::string& out, std::string_view text, std::string_view field) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Copy the longest run of bytes that need no attention in one go (the common case).
    std::size_t j = i;
    while (j < n && p[j] >= 0x20 && p[j] < 0x7F && p[j] != '\\' && p[j] != ';' && p[j] != ',')
      ++j;
    out.append(text.data() + i, j - i);
    i = j;
    if (i == n) break;
    unsigned char c = p[i];
    switch (c) {
      case '\\': out += "\\\\"; ++i; continue;
      case ';': out += "\\;"; ++i; continue;
      case ',': out += "\\,"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\t': out.push_back('\t'); ++i; continue;
      case '\r':
        if (i + 1 < n && p[i + 1] == '\n') { out += "\\n"; i += 2; continue; }
        refuse(field, text, fmt::format("carriage return without newline at byte {}", i));
      default: break;
    }
    if (c < 0x20 || c == 0x7F)
      refuse(field, text, fmt::format("control character U+{:04X} at byte {}", c, i));
    std::size_t len = utf8_length(p + i, n - i);
    if (len == 0) refuse(field, text, fmt::format("invalid UTF-8 at byte {}", i));
    if (len == 2 && c == 0xC2 && p[i + 1] < 0xA0)
      refuse(field, text, fmt::format("control character U+{:04X} at byte {}", p[i + 1], i));
    out.append(text.data() + i, len);
    i += len;
  }
}

void append_folded(std::string& out, std::string_view line) {
  if (line.size() <= k_ical_fold_octets) {
    out.append(line.data(), line.size());
    out.append("\r\n", 2);
    return;
  }
  std::size_t pos = 0;
  std::size_t limit = k_ical_fold_octets;
  while (line.size() - pos > limit) {
    std::size_t cut = pos + limit;
    // Back up to the start of the UTF-8 sequence the cut would fall into.
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.data() + pos, cut - pos);
    out.append("\r\n ", 3);
    pos = cut;
    limit = k_ical_fold_octets - 1;  // the leading space counts
  }
  out.append(line.data() + pos, line.size() - pos);
  out.append("\r\n", 2);
}

void fold_in_place(std::string& out, std::size_t start, std::string& scratch) {
  if (out.size() - start <= k_ical_fold_octets) {
    out.append("\r\n", 2);
    return;
  }
  scratch.assign(out, start, std::string::npos);
  out.resize(start);
  append_folded(out, scratch);
}

void append_ical_date(std::string& out, Date d) {
  char buf[8];
  put_ymd(buf, date::year_month_day{d});
  out.append(buf, 8);
}

void append_ical_local(std::string& out, date::local_seconds t) {
  auto day = date::floor<date::days>(t);
  char buf[15];
  put_ymd(buf, date::year_month_day{date::sys_days{day.time_since_epoch()}});
  put_hms(buf + 8, t - day);
  out.append(buf, 15);
}

void append_ical_utc(std::string& out, Instant t) {
  auto day = date::floor<date::days>(t);
  char buf[16];
  put_ymd(buf, date::year_month_day{day});
  put_hms(buf + 8, t - day);
  buf[15] = 'Z';
  out.append(buf, 16);
}

void append_ical_offset(std::string& out, std::chrono::seconds offset) {
  auto v = static_cast<int>(offset.count());
  char buf[7];
  buf[0] = v < 0 ? '-' : '+';
  if (v < 0) v = -v;
  put2(buf + 1, v / 3600);
  put2(buf + 3, v / 60 % 60);
  put2(buf + 5, v % 60);
  out.append(buf, v % 60 != 0 ? 7 : 5);
}

}  // namespace gge::detail
