#pragma once
// The schema migrations embedded from schema/NNNN_name.sql at build time, oldest first.
#include <span>

namespace gge::detail {

struct Migration {
  int version;       ///< NNNN: PRAGMA user_version after it is applied
  const char* name;  ///< "0001_init"
  const char* sql;   ///< the file's text, run as one script inside the opening transaction
};

/// All migrations in ascending version order (versions 1, 2, ... without gaps).
std::span<const Migration> migrations();

}  // namespace gge::detail
