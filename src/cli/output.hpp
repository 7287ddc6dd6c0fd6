#pragma once
// Printing for people (aligned tables, "key: value" pages) and for programs (--json).
#include "cli/context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gge::cli {

/// A text table: a header row and rows of cells, printed with aligned columns (width counted
/// in code points, so accented and CJK names line up as well as a terminal allows).
class Table {
public:
  explicit Table(std::vector<std::string> header) : m_header(std::move(header)) {}
  void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
  [[nodiscard]] bool empty() const { return m_rows.empty(); }
  void print() const;

private:
  std::vector<std::string> m_header;
  std::vector<std::vector<std::string>> m_rows;
};

/// "key: value" lines, keys padded to one width.
void print_fields(const std::vector<std::pair<std::string, std::string>>& fields);

/// Writes `chunk` to stdout; StorageError (exit 3) when it cannot (a full disk, /dev/full, a
/// closed pipe's EPIPE), so a long stream stops at the first failure.
void write_stdout(std::string_view chunk);

/// Flushes stdout and checks that everything printed reached it; StorageError (exit 3) when
/// not. The one check every command's output passes before gge exits 0 (called from main).
void finish_stdout();

/// Pretty JSON on stdout, two-space indent, ending with a newline.
void print_json(const nlohmann::json& j);

/// Prints `items` as a JSON array (with --json) or as a table built by `row` under `header`;
/// an empty list prints `none` on stdout as "(no <none>)".
template <class T, class Row>
void print_list(const Context& ctx, const std::vector<T>& items, std::vector<std::string> header,
                Row row, std::string_view none) {
  if (ctx.json) {
    print_json(nlohmann::json(items));
    return;
  }
  Table t(std::move(header));
  for (const auto& item : items) t.add(row(item));
  if (t.empty()) {
    std::printf("(no %.*s)\n", static_cast<int>(none.size()), none.data());
    return;
  }
  t.print();
}

}  // namespace gge::cli
