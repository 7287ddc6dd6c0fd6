#pragma once
/// Written references to keyed rows, as the CLI and the change log spell them.
#include "gge/core/parse.hpp"

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
/// "BODY#N".
std::string to_string(const SessionRef& r);

}  // namespace gge
