#pragma once
/// The General Assembly's recorded opening days that ship with gge: data/ga/openings.toml
/// (scenario-format [[ga_opening]] rows, each with its primary source), compiled in at build time.
#include "gge/model/ga.hpp"

#include <span>

namespace gge {

/// The shipped records, sorted by session; parsed on first use. Planners' own records (a
/// scenario's or database's [[ga_opening]]) are kept apart and win over these (services/calendars).
std::span<const GaOpening> recorded_ga_openings();

}  // namespace gge
