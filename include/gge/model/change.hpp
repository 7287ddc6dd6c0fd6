#pragma once
/// The change log: every insert, update and delete, as history (not part of a dump).
#include "gge/model/sessions.hpp"

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
  std::string user;        ///< who made it, when the front-end knew ("" = not recorded)
};

/// A meeting deleted from the plan, as its last change-log entry left it.
struct RemovedMeeting {
  Meeting meeting;         ///< its values when it was deleted (uid and revision included)
  std::string removed_at;  ///< UTC timestamp of the deletion, ISO 8601
};

/// Which changes to read; every empty field selects all.
struct ChangeFilter {
  std::string table;  ///< only this table ("session", "meeting", ...)
  /// Only this key and the keys under it: "GGE-ICT-2004" selects the body, "GGE-ICT-2004#2"
  /// and its meetings "GGE-ICT-2004#2 2005-03-07 10:00"; "58/32-ict" the mandate and its
  /// deadlines "58/32-ict submission". A key continues a prefix after a space or "#".
  std::string key;
  std::string since;  ///< only changes at or after this UTC time or day ("2005-03-07", ISO 8601)
  std::string user;   ///< only changes this user made (through a front-end with logins)
};

}  // namespace gge
