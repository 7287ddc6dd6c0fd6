#include "cli/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include "gge/core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace gge::cli {
namespace {

// Code points in a UTF-8 string (continuation bytes not counted).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void print_row(const std::vector<std::string>& row, const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t i = 0; i < row.size(); ++i) {
    line += row[i];
    if (i + 1 < row.size()) line.append(widths[i] - width(row[i]) + 2, ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  std::puts(line.c_str());
}

[[noreturn]] void stdout_failed(int err) {
  throw StorageError(fmt::format("cannot write to stdout: {}; the output is incomplete",
                                 err ? std::strerror(err) : "a write failed"));
}

}  // namespace

void write_stdout(std::string_view chunk) {
  errno = 0;
  if (std::fwrite(chunk.data(), 1, chunk.size(), stdout) != chunk.size()) stdout_failed(errno);
}

void finish_stdout() {
  errno = 0;
  if (std::fflush(stdout) != 0) stdout_failed(errno);
  if (!std::ferror(stdout)) return;
  // An earlier write failed (inside puts or printf), and its errno is long gone: a write of
  // no bytes asks the output again (a full device still says so; a regular file may not).
  const int probe = ::write(STDOUT_FILENO, "", 0) < 0 ? errno : 0;
  stdout_failed(probe);
}

void Table::print() const {
  std::vector<std::size_t> widths(m_header.size(), 0);
  for (std::size_t i = 0; i < m_header.size(); ++i) widths[i] = width(m_header[i]);
  for (const auto& row : m_rows)
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], width(row[i]));
  print_row(m_header, widths);
  for (const auto& row : m_rows) print_row(row, widths);
}

void print_fields(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::size_t w = 0;
  for (const auto& [k, v] : fields) w = std::max(w, width(k));
  for (const auto& [k, v] : fields)
    std::puts(fmt::format("{}:{}{}", k, std::string(w - width(k) + 1, ' '), v).c_str());
}

void print_json(const nlohmann::json& j) { std::puts(j.dump(2).c_str()); }

}  // namespace gge::cli
