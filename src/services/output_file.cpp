#include "gge/services/output_file.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace gge {

void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string_view field) {
  const auto fail = [&](int err) {
    throw InputError({}, std::string{field}, path.string(),
                     fmt::format("cannot write: {}", std::strerror(err)));
  };
  const std::filesystem::path tmp = path.string() + ".tmp-gge";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) fail(errno);
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const int write_errno = errno;
  if (std::fclose(f) != 0 || !written) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    fail(written ? errno : write_errno);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    fail(ec.value());
  }
}

}  // namespace gge
