#pragma once
/// Writing output files so that a failure leaves nothing behind: the one output path of gge.
#include <filesystem>
#include <string>
#include <string_view>

namespace gge {

/// A file written through a temporary in the target's directory, renamed over `path` by
/// `commit`: readers see the old file or the whole new one, never a part.
///
/// The temporary ".NAME.XXXXXXXXXXXXXXXX.tmp-gge" (16 random hex digits) is created with
/// O_CREAT|O_EXCL|O_NOFOLLOW, so nothing planted at that name (a symlink, a file) is ever
/// followed or reused; its mode is that of an existing regular file at `path`, else 0644 (less
/// the umask). `commit` writes out the buffer, fsyncs, renames, and fsyncs the directory. Two
/// writers of one path each write their own temporary: the last rename wins, and the file is
/// always one writer's whole output.
///
/// The temporary is removed on every failure, when the AtomicFile is destroyed uncommitted, and
/// when the process gets SIGINT, SIGTERM or SIGHUP (a handler unlinks the live temporaries, then
/// the signal does what it did before: by default, ends the process; an ignored signal stays
/// ignored).
///
/// Errors: a place that cannot be written (no such directory, no permission, read-only, `path`
/// is a directory) is an InputError naming `field` and the path (exit 2); a failure while
/// writing (full disk, quota, I/O error, file size limit) is a StorageError (exit 3).
class AtomicFile {
public:
  AtomicFile(std::filesystem::path path, std::string_view field);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  /// Appends `chunk` (buffered); StorageError when it cannot be written.
  void write(std::string_view chunk);
  /// Writes out, fsyncs and renames the temporary over the path; StorageError on failure.
  /// Once only.
  void commit();
  /// The temporary's path (for tests and diagnostics).
  [[nodiscard]] const std::filesystem::path& temporary() const { return m_tmp; }

private:
  void flush();
  void discard() noexcept;
  [[noreturn]] void fail_write(int err);
  std::filesystem::path m_path, m_tmp;
  std::string m_field;
  std::string m_buffer;
  int m_fd = -1;
  int m_slot = -1;  ///< index in the signal handler's table of live temporaries
  bool m_committed = false;
};

/// `content` written as a whole through an AtomicFile.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string_view field);

/// A directory's whole content replaced at once: `gge feeds DIR`. The constructor makes an
/// empty staging directory ".NAME.XXXXXXXXXXXXXXXX.new-gge" beside `dir` (mode 0755 less the
/// umask, or the mode of an existing `dir`); the caller fills `staging()` and calls `commit`,
/// which swaps it with `dir` in one rename (renameat2 RENAME_EXCHANGE; a plain rename when
/// `dir` does not exist yet) and removes the old content. Readers of `dir` see the old folder or
/// the whole new one. Uncommitted (an exception), the staging directory is removed and `dir` is
/// untouched. Files in `dir` that the caller does not write again are gone after `commit`.
/// When `dir` is a symbolic link to a folder, that folder is replaced and the link stays. The
/// staging directory is removed on SIGINT, SIGTERM and SIGHUP as AtomicFile's temporaries are.
/// Errors as AtomicFile: a `dir` that cannot be made is an InputError naming `field`; a failed
/// swap is a StorageError. On a file system without RENAME_EXCHANGE the swap is two renames
/// (old out, new in): `dir` is missing for that instant, never partial.
class AtomicDirectory {
public:
  AtomicDirectory(std::filesystem::path dir, std::string_view field);
  AtomicDirectory(const AtomicDirectory&) = delete;
  AtomicDirectory& operator=(const AtomicDirectory&) = delete;
  ~AtomicDirectory();
  [[nodiscard]] const std::filesystem::path& staging() const { return m_staging; }
  void commit();

private:
  std::filesystem::path m_dir, m_staging;
  std::string m_field;
  int m_slot = -1;  ///< index in the signal handler's table of live staging directories
  bool m_committed = false;
};

}  // namespace gge
