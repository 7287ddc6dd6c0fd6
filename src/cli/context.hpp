#pragma once
// What every command shares: the global options and how to open the database.
#include "gge/store/store.hpp"

#include <cstdio>
#include <map>
#include <string>
#include <utility>

namespace gge::cli {

struct Context {
  std::string db_path;  ///< --db, default $GGE_DB or ./gge.db
  bool json = false;    ///< --json: print data as JSON for programs
  int exit_code = 0;    ///< set by a command that reports findings (`check`: 1 when errors)
  /// The running command's names for the engine's input fields ("first day" -> "--from"), set
  /// by the command before it calls the engine; errors name the flag the user typed.
  std::map<std::string, std::string, std::less<>> flags;

  /// The flag of this command for engine field `field`, or `field` itself when it has none.
  [[nodiscard]] std::string flag_for(const std::string& field) const {
    const auto it = flags.find(field);
    return it == flags.end() ? field : it->second;
  }

  /// Opens the database. Read-only commands never create or migrate a file.
  [[nodiscard]] Store open(Store::Mode mode = Store::Mode::read_write) const {
    return Store::open(db_path, mode);
  }
  /// Opens the database for reading; on a read-only place (see Store::open) a note on stderr,
  /// once per process.
  [[nodiscard]] Store open_read() const {
    Store store = open(Store::Mode::read_only);
    static bool noted = false;
    if (store.opened_immutable() && !std::exchange(noted, true))
      std::fprintf(stderr, "gge: note: %s is in a place gge cannot write; read as it is on disk, "
                           "without locks\n", db_path.c_str());
    return store;
  }
};

}  // namespace gge::cli
