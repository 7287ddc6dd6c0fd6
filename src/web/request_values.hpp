#pragma once
// The values a request brings, read the one way every handler takes them: a JSON body is one
// object of strings, integers and booleans; each value is untrusted text (valid UTF-8, no
// control characters, at most k_max_argument_bytes). Free of httplib, so that the fuzz target
// fuzz/web_request.cpp runs exactly this code.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace gge::web::detail {

/// The members of a JSON request body, integers and booleans as their JSON text. Throws
/// InputError naming `body` (not one object) or the member (a nested value or a null).
std::map<std::string, std::string> json_body_values(std::string_view body);

/// `text` as the value of form or JSON field `name`: nullopt when empty, else the text once it
/// passed the untrusted-text checks (InputError naming `name`).
std::optional<std::string> checked_value(std::string_view name, std::string text);

}  // namespace gge::web::detail
