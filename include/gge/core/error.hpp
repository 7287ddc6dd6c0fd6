#pragma once
/// The small `gge::Error` hierarchy for real failures (DESIGN.md "Errors").
///
/// Rule findings (conflicts, missed deadlines) are data, never exceptions. An error's `what()`
/// is one line a front-end can print; which exit code or status each kind means is the
/// front-end's business (the CLI's is cli/exit_code.hpp).
#include <stdexcept>
#include <string>

namespace gge {

class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A write refused because the plan it would leave has errors (`gge plan --apply` when the
/// checker objects): nothing was written; `what()` lists the findings.
class RefusedByFindings : public Error {
public:
  using Error::Error;
};

/// Untrusted input that cannot be accepted. `what()` names where, the field and the value:
///   `scenario.toml:12: session.first_day '2005-02-30': February 2005 has 28 days`
/// The engine names fields in the words of the domain ("first day", "venues", "session.first");
/// a front-end that took the value from one of its own flags or form fields renames the field
/// (`with_field`) before it shows the error.
class InputError : public Error {
public:
  /// `where` is a location such as "file.toml:12"; may be empty.
  InputError(std::string where, std::string field, std::string value, std::string problem);
  [[nodiscard]] const std::string& where() const noexcept { return m_where; }
  [[nodiscard]] const std::string& field() const noexcept { return m_field; }
  [[nodiscard]] const std::string& value() const noexcept { return m_value; }
  [[nodiscard]] const std::string& problem() const noexcept { return m_problem; }
  /// The same error, located: used when a parser that knew only the field learns the line.
  [[nodiscard]] InputError at(std::string where) const;
  /// The same error, with the field named as a front-end calls it (e.g. "--from" for "first day").
  [[nodiscard]] InputError with_field(std::string field) const;

private:
  std::string m_where, m_field, m_value, m_problem;
};

/// A write made from an older state of a row than the stored one (optimistic concurrency): the
/// writer read revision `from`, the row is at `current` now. Nothing was written. An InputError
/// (field fields::k_revision) so a front-end without its own answer treats it as bad input; the web
/// answers 409 Conflict with what changed since `from`.
class StaleRevision : public InputError {
 public:
  StaleRevision(std::string key, long long from, long long current);
  [[nodiscard]] const std::string& key() const noexcept { return m_key; }
  [[nodiscard]] long long from() const noexcept { return m_from; }
  [[nodiscard]] long long current() const noexcept { return m_current; }

 private:
  std::string m_key;
  long long m_from, m_current;
};

/// The database could not be opened, read or written (not SQLite, newer schema, I/O failure).
class StorageError : public Error {
public:
  using Error::Error;
};

}  // namespace gge
