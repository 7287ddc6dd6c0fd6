// How model values are read from TOML nodes and written as TOML text (scenario_codecs.hpp).
#include "formats/scenario/scenario_codecs.hpp"

#include <fmt/format.h>

#include <limits>

namespace gge::detail {

std::string render(const toml::node& n) {
  if (const auto* s = n.as_string()) return s->get();
  if (const auto* i = n.as_integer()) return std::to_string(i->get());
  if (const auto* f = n.as_floating_point()) return fmt::format("{}", f->get());
  if (const auto* b = n.as_boolean()) return b->get() ? "true" : "false";
  if (const auto* d = n.as_date()) {
    const auto v = d->get();
    return fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day);
  }
  if (const auto* t = n.as_time()) {
    const auto v = t->get();
    return fmt::format("{:02}:{:02}:{:02}", v.hour, v.minute, v.second);
  }
  if (const auto* dt = n.as_date_time()) {
    const auto v = dt->get();
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", v.date.year, v.date.month,
                       v.date.day, v.time.hour, v.time.minute, v.time.second);
  }
  if (n.is_array()) return "[...]";
  return "{...}";
}

std::string toml_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        // Other C0 controls and DEL cannot appear raw in a TOML basic string.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  out += '"';
  return out;
}

void refuse(const toml::node& n, std::string_view field, Where where, std::string problem) {
  throw InputError(std::string{where}, std::string{field}, render(n), std::move(problem));
}

std::string one_of(const std::string_view* names, std::size_t n, std::string_view last_joint) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && i + 1 == n) out += fmt::format(" {} ", last_joint);
    else if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

int Codec<int>::read(const toml::node& n, std::string_view field, Where where) {
  const auto* i = n.as_integer();
  if (!i) refuse(n, field, where, "expected a whole number");
  const std::int64_t v = i->get();
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
    refuse(n, field, where, "out of range");
  return static_cast<int>(v);
}

int WeekdayCodec::read(const toml::node& n, std::string_view field, Where where) {
  if (const auto* s = n.as_string())
    if (auto d = parse_weekday_name(s->get())) return *d;
  if (const auto* i = n.as_integer(); i && i->get() >= 0 && i->get() <= 6) return static_cast<int>(i->get());
  refuse(n, field, where, "expected a weekday name, Monday..Sunday");
}

Date Codec<Date>::read(const toml::node& n, std::string_view field, Where where) {
  // A TOML date literal was already checked by toml++; its year range is ours to check.
  if (n.is_date() || n.is_string()) return parse_date(render(n), field, where);
  if (n.is_date_time()) refuse(n, field, where, "expected a date without a time, as YYYY-MM-DD");
  refuse(n, field, where, "expected a date as YYYY-MM-DD");
}

Instant Codec<Instant>::read(const toml::node& n, std::string_view field, Where where) {
  if (n.is_string() || n.is_date_time()) return parse_instant(render(n), field, where);
  refuse(n, field, where, "expected a UTC time as \"YYYY-MM-DDTHH:MM:SSZ\"");
}

Minutes Codec<Minutes>::read(const toml::node& n, std::string_view field, Where where) {
  if (const auto* s = n.as_string()) return parse_hhmm(s->get(), field, where);
  if (const auto* t = n.as_time()) {
    const auto v = t->get();
    if (v.second == 0 && v.nanosecond == 0)
      return Minutes{static_cast<int>(v.hour) * 60 + static_cast<int>(v.minute)};
  }
  refuse(n, field, where, "expected a time as \"HH:MM\"");
}

}  // namespace gge::detail
