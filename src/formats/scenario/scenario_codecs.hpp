#pragma once
// Private to the scenario reader/writer: how one model value type is read from a TOML node and
// written as TOML text. One `Codec<V>` per value type; the table descriptions
// (scenario_tables.hpp) pick the codec from each member's type.
#include "gge/core/parse.hpp"
#include "gge/model/scenario.hpp"

#include <toml++/toml.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace gge::detail {

/// A short text form of any TOML node, for error messages ("two", "12", "[...]").
std::string render(const toml::node& n);
/// `s` as a TOML basic string, with quotes and escapes (UTF-8 passes through).
std::string toml_quote(std::string_view s);

/// Throws InputError(where, field, render(n), problem).
[[noreturn]] void refuse(const toml::node& n, std::string_view field, Where where,
                         std::string problem);

template <class V>
struct Codec;

template <>
struct Codec<std::string> {
  static std::string read(const toml::node& n, std::string_view field, Where where) {
    if (const auto* s = n.as_string()) return s->get();
    refuse(n, field, where, "expected a string in quotes");
  }
  static std::string write(const std::string& v) { return toml_quote(v); }
};

template <>
struct Codec<int> {
  static int read(const toml::node& n, std::string_view field, Where where);
  static std::string write(int v) { return std::to_string(v); }
};

/// A civil date: a TOML local date (2004-07-12) or a string "2004-07-12". Written as a local date.
template <>
struct Codec<Date> {
  static Date read(const toml::node& n, std::string_view field, Where where);
  static std::string write(Date v) { return to_iso(v); }
};

/// A wall-clock time: a string "HH:MM" (or a TOML local time with zero seconds). Written "HH:MM".
template <>
struct Codec<Minutes> {
  static Minutes read(const toml::node& n, std::string_view field, Where where);
  static std::string write(Minutes v) { return toml_quote(to_hhmm(v)); }
};

/// HolidayRule::weekday: written as its name ("Thursday"); read from a name in any case, or,
/// for files written before names were used, from its number 0 (Sunday) .. 6 (Saturday).
struct WeekdayCodec {
  static int read(const toml::node& n, std::string_view field, Where where);
  static std::string write(int v) { return toml_quote(weekday_name(v)); }
};

template <>
struct Codec<bool> {
  static bool read(const toml::node& n, std::string_view field, Where where) {
    if (const auto* b = n.as_boolean()) return b->get();
    refuse(n, field, where, "expected true or false");
  }
  static std::string write(bool v) { return v ? "true" : "false"; }
};

/// A UTC instant: a string "2005-03-01T15:00:00Z" (or a TOML date-time with offset Z).
template <>
struct Codec<Instant> {
  static Instant read(const toml::node& n, std::string_view field, Where where);
  static std::string write(Instant v) { return toml_quote(to_iso(v)); }
};

template <class V>
struct Codec<std::optional<V>> {
  static std::optional<V> read(const toml::node& n, std::string_view field, Where where) {
    return Codec<V>::read(n, field, where);
  }
  static std::string write(const std::optional<V>& v) { return v ? Codec<V>::write(*v) : ""; }
};

/// "a, b or c" (or "a, b and c" with `last_joint` "and"): a list of names for messages.
std::string one_of(const std::string_view* names, std::size_t n,
                   std::string_view last_joint = "or");

/// An enumeration spelled by the model's `to_string` / `parse_*` pair.
template <class E, std::optional<E> (*Parse)(std::string_view), E... Values>
struct EnumCodec {
  static E read(const toml::node& n, std::string_view field, Where where) {
    const auto* s = n.as_string();
    if (s)
      if (auto e = Parse(s->get())) return *e;
    const std::array<std::string_view, sizeof...(Values)> names{to_string(Values)...};
    refuse(n, field, where, "expected " + one_of(names.data(), names.size()));
  }
  static std::string write(E v) { return toml_quote(to_string(v)); }
};

template <>
struct Codec<BodyKind> : EnumCodec<BodyKind, parse_body_kind, BodyKind::gge, BodyKind::oewg,
                                   BodyKind::committee, BodyKind::other> {};
template <>
struct Codec<SessionStatus>
    : EnumCodec<SessionStatus, parse_session_status, SessionStatus::planned,
                SessionStatus::confirmed, SessionStatus::held, SessionStatus::postponed,
                SessionStatus::cancelled> {};
template <>
struct Codec<HolidayStatus>
    : EnumCodec<HolidayStatus, parse_holiday_status, HolidayStatus::rule,
                HolidayStatus::estimated, HolidayStatus::confirmed> {};
template <>
struct Codec<HolidayRuleKind>
    : EnumCodec<HolidayRuleKind, parse_holiday_rule_kind, HolidayRuleKind::fixed,
                HolidayRuleKind::nth_weekday, HolidayRuleKind::last_weekday,
                HolidayRuleKind::easter, HolidayRuleKind::hijri> {};
template <>
struct Codec<Observance>
    : EnumCodec<Observance, parse_observance, Observance::none, Observance::nearest,
                Observance::friday, Observance::monday, Observance::next_working,
                Observance::previous_working> {};
template <>
struct Codec<BusyKind> : EnumCodec<BusyKind, parse_busy_kind, BusyKind::expert, BusyKind::station,
                                   BusyKind::room, BusyKind::body> {};
template <>
struct Codec<Severity> : EnumCodec<Severity, parse_severity, Severity::warning, Severity::error> {};

}  // namespace gge::detail
