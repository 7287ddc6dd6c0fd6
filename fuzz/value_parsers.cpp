// Fuzz target: the parsers of command-line values. The first byte picks the parser, the rest is
// the value. Each either accepts the value (and what it returns is checked against the value) or
// refuses it with one InputError line.
#include "fuzz_support.hpp"
#include "gge/core/parse.hpp"
#include "gge/model/bodies.hpp"
#include "gge/model/refs.hpp"
#include "gge/model/sessions.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

void parse_one(unsigned selector, std::string_view value) {
  using namespace gge;
  switch (selector % 8) {
    case 0: {
      const Date d = parse_date(value, "--first");
      if (to_iso(d) != value) std::abort();  // a date reads back as given
      break;
    }
    case 1: {
      const Minutes m = parse_hhmm(value, "--start");
      if (m.count() < 0 || m.count() > 24 * 60 || to_hhmm(m) != value) std::abort();
      break;
    }
    case 2: {
      const int days = parse_span_days(value, "minimum gap", 10000);
      if (days < 0 || days > 10000) std::abort();
      break;
    }
    case 3:
      (void)check_text(std::string{value}, "--name");
      break;
    case 4:
      (void)parse_zone(value, "--zone");
      break;
    case 5: {
      const SessionRef r = parse_session_ref(value, "SESSION");
      if (r.body.empty() || r.number < 1 || r.number > 999) std::abort();
      break;
    }
    case 6:
      (void)parse_session_status(value);
      break;
    default:
      (void)parse_body_kind(value);
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view value{reinterpret_cast<const char*>(data) + 1, size - 1};
  try {
    parse_one(data[0], value);
  } catch (const gge::InputError& e) {
    gge::fuzz::check_refusal(e);
  }
  return 0;
}
