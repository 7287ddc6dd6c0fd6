#pragma once
/// Written references to keyed rows, as the CLI and the change log spell them.
#include "gge/core/parse.hpp"

#include <fmt/format.h>

#include <string>

namespace gge {

/// A session named as "BODY#N", e.g. "GGE-ICT-2004#2".
struct SessionRef {
  std::string body;
  int number = 0;
  friend bool operator==(const SessionRef&, const SessionRef&) = default;
};

/// Parses "BODY#N" (N >= 1); throws InputError naming `field` and the text otherwise.
SessionRef parse_session_ref(std::string_view text, std::string_view field, Where where = {});
/// "BODY#N" (the same text as formatting with fmt::formatter<SessionRef>).
std::string to_string(const SessionRef& r);

}  // namespace gge

/// Formats a session reference as "BODY#N": the one spelling of a session in messages, keys and
/// reports. No format spec.
template <>
struct fmt::formatter<gge::SessionRef> {
  constexpr auto parse(format_parse_context& ctx) -> decltype(ctx.begin()) { return ctx.begin(); }
  template <class FormatContext>
  auto format(const gge::SessionRef& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{}#{}", r.body, r.number);
  }
};
