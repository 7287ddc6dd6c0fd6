// Fuzz target: the scenario reader (gge load). Any text either reads, and then its canonical
// write reads back to the same rows, or is refused with one InputError line.
#include "fuzz_support.hpp"
#include "gge/formats/scenario/scenario_toml.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  gge::Scenario s;
  try {
    s = gge::read_scenario(text, "fuzz.toml");
  } catch (const gge::InputError& e) {
    gge::fuzz::check_refusal(e);
    return 0;
  }
  const std::string written = gge::write_scenario(s);
  if (gge::write_scenario(gge::read_scenario(written, "written.toml")) != written) std::abort();
  return 0;
}
