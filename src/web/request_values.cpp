#include "web/request_values.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"
#include "gge/formats/text/untrusted_text.hpp"

#include <nlohmann/json.hpp>

namespace gge::web::detail {

std::map<std::string, std::string> json_body_values(std::string_view body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object())
    throw InputError({}, "body", std::string{body.substr(0, 64)}, "expected one JSON object");
  std::map<std::string, std::string> values;
  for (const auto& [k, v] : j.items()) {
    if (v.is_string())
      values[k] = v.get<std::string>();
    else if (v.is_number_integer() || v.is_boolean())
      values[k] = v.dump();
    else
      // The type, not the value: dumping a nested value recurses as deep as the body nests.
      throw InputError({}, k, v.type_name(), "expected a string or an integer");
  }
  return values;
}

std::optional<std::string> checked_value(std::string_view name, std::string text) {
  if (text.empty()) return std::nullopt;
  if (text.size() > k_max_argument_bytes)
    throw InputError({}, std::string{name}, text.substr(0, 64),
                     "is " + std::to_string(text.size()) + " bytes long; at most " +
                         std::to_string(k_max_argument_bytes));
  check_text(text, name, {}, k_max_argument_bytes);
  return text;
}

}  // namespace gge::web::detail
