#include "gge/services/output_file.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

namespace gge {

AtomicFile::AtomicFile(std::filesystem::path path, std::string_view field)
    : m_path(std::move(path)), m_tmp(m_path.string() + ".tmp-gge"), m_field(field) {
  m_file = std::fopen(m_tmp.c_str(), "wb");
  if (!m_file) fail(errno);
}

AtomicFile::~AtomicFile() {
  if (m_file) std::fclose(m_file);
  if (!m_committed) {
    std::error_code ignored;
    std::filesystem::remove(m_tmp, ignored);
  }
}

void AtomicFile::write(std::string_view chunk) {
  if (std::fwrite(chunk.data(), 1, chunk.size(), m_file) != chunk.size()) fail(errno);
}

void AtomicFile::commit() {
  std::FILE* f = std::exchange(m_file, nullptr);
  if (!f || std::fclose(f) != 0) fail(f ? errno : EBADF);
  std::error_code ec;
  std::filesystem::rename(m_tmp, m_path, ec);
  if (ec) fail(ec.value());
  m_committed = true;
}

void AtomicFile::fail(int err) const {
  throw InputError({}, m_field, m_path.string(), fmt::format("cannot write: {}", std::strerror(err)));
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string_view field) {
  AtomicFile out(path, field);
  out.write(content);
  out.commit();
}

}  // namespace gge
