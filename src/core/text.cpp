#include "gge/core/text.hpp"

#include <fmt/format.h>

namespace gge {

std::string counted(long long n, std::string_view one, std::string_view many) {
  if (n == 1) return fmt::format("1 {}", one);
  if (many.empty()) return fmt::format("{} {}s", n, one);
  return fmt::format("{} {}", n, many);
}

namespace {

/// Bytes of the UTF-8 sequence at the start of `s` (1..4), or 0 when it is not valid UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF are not).
std::size_t utf8_length(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(0);
  const std::size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (len == 0 || len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  if (len == 3 && c == 0xE0 && byte(1) < 0xA0) return 0;   // overlong
  if (len == 3 && c == 0xED && byte(1) >= 0xA0) return 0;  // surrogate
  if (len == 4 && c == 0xF0 && byte(1) < 0x90) return 0;   // overlong
  if (len == 4 && c == 0xF4 && byte(1) >= 0x90) return 0;  // above U+10FFFF
  return len;
}

}  // namespace

std::string printable(std::string_view text, std::size_t max_bytes) {
  const bool cut = text.size() > max_bytes;
  if (cut) text = text.substr(0, max_bytes);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_length(text.substr(i));
    const auto c = static_cast<unsigned char>(text[i]);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    if (len == 1 && (c < 0x20 || c == 0x7f)) {
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\0': out += "\\0"; break;
        default: out += fmt::format("\\x{:02x}", c);
      }
    } else if (len == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));  // C1 control
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  if (cut) out += "...";
  return out;
}

}  // namespace gge
