// Fuzz target: the holiday-rule reader (gge holidays import). Any text either reads or is
// refused with one InputError line.
#include "fuzz_support.hpp"
#include "gge/formats/holidays/holiday_rules_toml.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  try {
    (void)gge::read_holiday_data(text, "fuzz.toml");
  } catch (const gge::InputError& e) {
    gge::fuzz::check_refusal(e);
  }
  return 0;
}
