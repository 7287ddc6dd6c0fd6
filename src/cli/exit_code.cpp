#include "cli/exit_code.hpp"

#include "gge/core/error.hpp"

namespace gge::cli {

ExitCode exit_code_of(const std::exception& e) noexcept {
  if (dynamic_cast<const InputError*>(&e)) return ExitCode::bad_input;
  if (dynamic_cast<const RefusedByFindings*>(&e)) return ExitCode::findings;
  return ExitCode::storage;
}

}  // namespace gge::cli
