#pragma once
// Runs the real gge binary for CLI tests, each test in its own scratch directory.
#include <filesystem>
#include <string>

namespace gge::test {

struct Run {
  int code = -1;     ///< process exit code
  std::string out;   ///< stdout
  std::string err;   ///< stderr
};

/// A scratch directory removed at the end of the test; `db` is a database path inside it.
class Scratch {
public:
  Scratch();
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }
  [[nodiscard]] std::string db() const { return (m_dir / "gge.db").string(); }
  /// Runs `gge --db <db> ARGS` (ARGS is shell text) with cwd = the scratch dir, after the shell
  /// commands `before` (e.g. "ulimit -v 50000; "), if any.
  [[nodiscard]] Run gge(const std::string& args, const std::string& before = {}) const;
  /// Runs shell text `command` with cwd = the scratch dir, its stdout and stderr captured
  /// (what it redirects itself, e.g. `>/dev/full`, goes there instead).
  [[nodiscard]] Run shell(const std::string& command) const;
  /// Writes `text` to a file in the scratch dir and returns its path.
  std::string write(const std::string& name, const std::string& text) const;

private:
  std::filesystem::path m_dir;
};

/// The repository's example scenario.
std::string example_scenario();

/// Compares `actual` with tests/cli/golden/NAME; with GGE_UPDATE_GOLDEN=1 rewrites it instead.
/// Returns "" when equal, else a message naming the first differing line.
std::string golden_diff(const std::string& name, const std::string& actual);

/// Shell-quotes one argument.
std::string quote(const std::string& arg);

/// A path in the repository: repo("data/holidays") = GGE_SOURCE_DIR + "/data/holidays".
std::string repo(const std::string& relative);

/// The bytes of a file ("" when it cannot be read).
std::string bytes_of(const std::filesystem::path& path);

/// The bundled holiday calendars (data/holidays/*.toml, sorted), shell-quoted, space-separated.
std::string holiday_files();

/// Loads `scenario` and the bundled holiday calendars into `s`, as scripts/example does
/// (REQUIREs that both succeed).
void load_with_holidays(const Scratch& s, const std::string& scenario);

}  // namespace gge::test
