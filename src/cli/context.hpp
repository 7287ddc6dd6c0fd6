#pragma once
// What every command shares: the global options and how to open the database.
#include "gge/store/store.hpp"

#include <string>

namespace gge::cli {

struct Context {
  std::string db_path;  ///< --db, default $GGE_DB or ./gge.db
  bool json = false;    ///< --json: print data as JSON for programs
  int exit_code = 0;    ///< set by a command that reports findings (`check`: 1 when errors)

  /// Opens the database. Read-only commands never create or migrate a file.
  [[nodiscard]] Store open(Store::Mode mode = Store::Mode::read_write) const {
    return Store::open(db_path, mode);
  }
  [[nodiscard]] Store open_read() const { return open(Store::Mode::read_only); }
};

}  // namespace gge::cli
