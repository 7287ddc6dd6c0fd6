#pragma once
/// The small `gge::Error` hierarchy for real failures (DESIGN.md "Errors").
///
/// Rule findings (conflicts, missed deadlines) are data, never exceptions. Each error knows its
/// exit code, and its `what()` is the one line the CLI prints.
#include <stdexcept>
#include <string>

namespace gge {

/// Documented process exit codes (README "Exit codes").
enum class ExitCode : int {
  ok = 0,        ///< success; `check` found no errors
  findings = 1,  ///< `check` (or an import) found errors in the plan
  bad_input = 2, ///< bad input or usage: nothing was written
  storage = 3,   ///< storage or internal error: nothing was written
};

class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
  [[nodiscard]] virtual ExitCode exit_code() const noexcept { return ExitCode::storage; }
};

/// A write refused because the plan it would leave has errors (`gge plan --apply` when the
/// checker objects): nothing was written; `what()` lists the findings. Exit code 1 (findings).
class RefusedByFindings : public Error {
public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::findings; }
};

/// Untrusted input that cannot be accepted. `what()` names where, the field and the value:
///   `scenario.toml:12: session.first_day '2005-02-30': February 2005 has 28 days`
class InputError : public Error {
public:
  /// `where` is a location such as "file.toml:12" or "--first"; may be empty.
  InputError(std::string where, std::string field, std::string value, std::string problem);
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::bad_input; }
  [[nodiscard]] const std::string& where() const noexcept { return m_where; }
  [[nodiscard]] const std::string& field() const noexcept { return m_field; }
  [[nodiscard]] const std::string& value() const noexcept { return m_value; }
  [[nodiscard]] const std::string& problem() const noexcept { return m_problem; }
  /// The same error, located: used when a parser that knew only the field learns the line.
  [[nodiscard]] InputError at(std::string where) const;

private:
  std::string m_where, m_field, m_value, m_problem;
};

/// The database could not be opened, read or written (not SQLite, newer schema, I/O failure).
class StorageError : public Error {
public:
  using Error::Error;
};

}  // namespace gge
