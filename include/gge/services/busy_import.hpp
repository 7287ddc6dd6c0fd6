#pragma once
/// Importing outside calendars (.ics) as busy time of an expert, a station, a room or a body
/// (`gge import ics|list|remove`). The files are read by `gge/formats/ical/ical_import.hpp`.
#include "gge/model/busy.hpp"
#include "gge/store/store.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gge {

/// What `gge import ics` is asked.
struct IcsImportRequest {
  std::vector<std::filesystem::path> files;
  BusyKind kind = BusyKind::expert;
  std::string subject;       ///< expert key, station code, "STATION/Room", body symbol
  std::optional<Date> from;  ///< window, inclusive; default: the stored mandates' horizon
  std::optional<Date> to;
  std::string name;  ///< source name; empty = each file's name (one source per file)
  std::string zone;  ///< IANA zone for floating times; empty = the subject's station's
};

/// Reads every file first (a bad file is an InputError "FILE:LINE: problem"; an unknown subject,
/// a bad window or zone too), then in one transaction replaces each source's earlier busy times
/// with the new ones, and returns what each source stored (model/busy.hpp IcsImportReport).
/// Nothing is written on any error.
/// Default window: the earliest mandate start to the latest stored deadline (InputError when
/// no mandate is stored and --from/--to are not both given).
std::vector<IcsImportReport> import_ics(Store& store, const IcsImportRequest& request);

/// Every imported source (model/busy.hpp BusySource), by name.
std::vector<BusySource> busy_sources(const Store& store);

/// Removes a source's busy times in one transaction; an unknown source is an InputError.
/// Returns how many were removed.
std::size_t remove_busy_source(Store& store, const std::string& source);

}  // namespace gge
