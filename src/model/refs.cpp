#include "gge/model/refs.hpp"

#include <fmt/format.h>

#include <charconv>

namespace gge {

SessionRef parse_session_ref(std::string_view text, std::string_view field, Where where) {
  const auto hash = text.rfind('#');
  SessionRef ref;
  if (hash != std::string_view::npos && hash > 0) {
    const auto digits = text.substr(hash + 1);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), ref.number);
    if (ec == std::errc{} && p == digits.data() + digits.size() && ref.number >= 1 &&
        ref.number <= 999) {
      ref.body = std::string{text.substr(0, hash)};
      return ref;
    }
  }
  throw InputError(std::string{where}, std::string{field}, std::string{text},
                   "expected a session as BODY#N, e.g. GGE-ICT-2004#2");
}

std::string to_string(const SessionRef& r) { return fmt::format("{}", r); }

}  // namespace gge
