// Fuzz target: the values of an HTTP request as `gge serve` reads them. The first byte picks the
// body's type: even, a JSON body (web/request_values: one object of strings, integers and
// booleans); odd, an application/x-www-form-urlencoded form, decoded by cpp-httplib's own
// parser as the server decodes it. Every value then goes through the check each handler applies
// (checked_value). Each input is either taken or refused with one InputError line.
#include "fuzz_support.hpp"
#include "web/request_values.hpp"

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string body{reinterpret_cast<const char*>(data) + 1, size - 1};
  try {
    if (data[0] % 2 == 0) {
      for (auto& [name, text] : gge::web::detail::json_body_values(body))
        (void)gge::web::detail::checked_value(name, text);
    } else {
      httplib::Params params;
      httplib::detail::parse_query_text(body, params);
      for (const auto& [name, text] : params) (void)gge::web::detail::checked_value(name, text);
    }
  } catch (const gge::InputError& e) {
    gge::fuzz::check_refusal(e);
  }
  return 0;
}
