#pragma once
// The process exit codes of the gge command (README "Exit codes"), and which error means which.
#include <exception>

namespace gge::cli {

enum class ExitCode : int {
  ok = 0,        ///< success; `check` found no errors
  findings = 1,  ///< `check` found errors in the plan, or a write was refused because of them
  bad_input = 2, ///< bad input or usage: nothing was written
  storage = 3,   ///< storage or internal error: nothing was written
};

/// The exit code of a command that failed with `e`: InputError is bad input, RefusedByFindings
/// is findings, anything else (StorageError, a bug) is storage.
ExitCode exit_code_of(const std::exception& e) noexcept;

}  // namespace gge::cli
