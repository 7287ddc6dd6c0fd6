#pragma once
/// Writing output files so that a failure leaves nothing behind.
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace gge {

/// A file written through a temporary beside it ("PATH.tmp-gge"), renamed over `path` by
/// `commit`: readers see the old file or the whole new one, never a part. The temporary is
/// removed on every failure and when the AtomicFile is destroyed uncommitted (an exception
/// while writing leaves nothing behind). An unwritable place is an InputError naming `field`
/// and the path ("cannot write: <reason>").
class AtomicFile {
public:
  AtomicFile(std::filesystem::path path, std::string_view field);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  /// Appends `chunk` (buffered); InputError when it cannot be written.
  void write(std::string_view chunk);
  /// Closes the temporary and renames it over the path; InputError on failure. Once only.
  void commit();

private:
  [[noreturn]] void fail(int err) const;
  std::filesystem::path m_path, m_tmp;
  std::string m_field;
  std::FILE* m_file = nullptr;
  bool m_committed = false;
};

/// `content` written as a whole through an AtomicFile.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string_view field);

}  // namespace gge
