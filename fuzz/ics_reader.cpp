// Fuzz target: the .ics reader (gge import ics). Any text either reads, every busy time kept
// inside the window and well formed, or is refused with one InputError line.
#include "fuzz_support.hpp"
#include "gge/formats/ical/ical_import.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace date::literals;
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  gge::IcsOptions options;
  options.from = gge::Date{2005_y / 1 / 1};
  options.to = gge::Date{2005_y / 12 / 31};
  options.floating_zone = date::locate_zone("Europe/Zurich");
  gge::IcsImport got;
  try {
    got = gge::read_ics(text, "fuzz.ics", options);
  } catch (const gge::InputError& e) {
    gge::fuzz::check_refusal(e);
    return 0;
  }
  const gge::Instant begin{options.from.time_since_epoch()};
  const gge::Instant end{(options.to + date::days{1}).time_since_epoch()};
  if (got.busy.size() > options.max_instances) std::abort();
  for (const auto& b : got.busy) {
    if (b.uid.empty()) std::abort();
    if (b.all_day && (b.last < b.first || b.last < options.from || b.first > options.to))
      std::abort();
    if (!b.all_day && (b.end <= b.start || b.end <= begin || b.start >= end)) std::abort();
  }
  return 0;
}
