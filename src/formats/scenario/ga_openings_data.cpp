#include "gge/formats/scenario/ga_openings_data.hpp"

#include "gge/formats/scenario/scenario_toml.hpp"

#include <string_view>
#include <vector>

namespace gge {
namespace {

constexpr std::string_view k_openings_toml =
#include "ga_openings.inc"
    ;

}  // namespace

std::span<const GaOpening> recorded_ga_openings() {
  // The file is part of the build, so a bad row fails its test (tests/formats), not a user.
  static const std::vector<GaOpening> records = [] {
    auto sc = read_scenario(k_openings_toml, "data/ga/openings.toml");
    sort_canonically(sc);
    return sc.ga_openings;
  }();
  return records;
}

}  // namespace gge
