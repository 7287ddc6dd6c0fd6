#pragma once
/// Use cases on whole scenarios: load a file into the database, dump the database as a file.
#include "gge/store/store.hpp"

#include <filesystem>
#include <string>

namespace gge {

/// How many rows of each kind a load added.
struct LoadSummary {
  std::size_t stations = 0, rooms = 0, bodies = 0, experts = 0, memberships = 0, resolutions = 0,
              mandates = 0, deadlines = 0, sessions = 0, meetings = 0, holidays = 0;
  [[nodiscard]] std::size_t total() const;
};

/// Reads the scenario at `path` and adds all of it in one transaction: all of it lands or none
/// of it does. A bad file or a clash with rows already stored throws InputError; nothing written.
LoadSummary load_scenario(Store& store, const std::filesystem::path& path);

/// The database's planning data as canonical scenario TOML (not the change log).
std::string dump_scenario(const Store& store);

}  // namespace gge
