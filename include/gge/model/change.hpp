#pragma once
/// The change log: every insert, update and delete, as history (not part of a dump).
#include <cstdint>
#include <string>

namespace gge {

struct Change {
  std::int64_t id = 0;     ///< increasing
  std::string at;          ///< UTC timestamp, ISO 8601 "2026-11-28T15:17:09Z"
  std::string table;       ///< "session", "meeting", ...
  std::string action;      ///< "insert", "update", "delete"
  std::string key;         ///< the row's natural key, e.g. "GGE-ICT-2004#2"
  std::string before;      ///< JSON object of the old row ("" on insert)
  std::string after;       ///< JSON object of the new row ("" on delete)
};

}  // namespace gge
