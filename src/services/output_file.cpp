#include "gge/services/output_file.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <system_error>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gge {
namespace detail {
namespace {

// Temporaries alive in this process, for the signal handler: fixed tables of pointers to
// strings owned by their AtomicFile or AtomicDirectory (lock-free, so the handler may read them
// at any moment). Files are unlinked; staging directories (flat: gge writes no subfolders into
// them) are emptied and removed.
constexpr int k_live_slots = 64;
std::atomic<const char*> g_live[k_live_slots];
std::atomic<const char*> g_live_dirs[k_live_slots];

// Empties and removes a flat directory with system calls only (async-signal-safe: no opendir,
// no allocation). Entries unlinked while reading can shift the listing, so it reads again
// until a pass removes nothing.
void remove_flat_directory(const char* dir) noexcept {
  const int fd = ::open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    for (bool removed = true; removed;) {
      removed = false;
      ::lseek(fd, 0, SEEK_SET);
      alignas(struct dirent64) char buffer[4096];
      for (ssize_t n; (n = ::getdents64(fd, buffer, sizeof buffer)) > 0;) {
        for (ssize_t at = 0; at < n;) {
          const auto* entry = reinterpret_cast<const struct dirent64*>(buffer + at);
          at += entry->d_reclen;
          const char* name = entry->d_name;
          if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
          removed |= ::unlinkat(fd, name, 0) == 0;
        }
      }
    }
    ::close(fd);
  }
  ::rmdir(dir);
}

constexpr int k_cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[NSIG];  // what each signal did before our handler took it

extern "C" void unlink_live_temporaries(int sig) {
  for (auto& slot : g_live)
    if (const char* p = slot.load()) ::unlink(p);  // async-signal-safe
  for (auto& slot : g_live_dirs)
    if (const char* p = slot.load()) remove_flat_directory(p);
  // Then what the signal did before (default: end the process, with this signal as its status);
  // it is blocked while this handler runs, so the raised one arrives once this returns.
  sigaction(sig, &g_previous[sig], nullptr);
  std::raise(sig);
}

// Takes SIGINT, SIGTERM and SIGHUP unless they are ignored (nohup) or already ours; checked at
// each new temporary, so a handler someone installed after ours is taken over again.
void install_signal_cleanup() {
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  for (int sig : k_cleanup_signals) {
    struct sigaction current{};
    if (sigaction(sig, nullptr, &current) != 0) continue;
    if (current.sa_handler == SIG_IGN || current.sa_handler == unlink_live_temporaries) continue;
    struct sigaction act{};
    act.sa_handler = unlink_live_temporaries;
    sigemptyset(&act.sa_mask);
    g_previous[sig] = current;
    sigaction(sig, &act, nullptr);
  }
}

int register_live(std::atomic<const char*> (&table)[k_live_slots], const char* path) {
  install_signal_cleanup();
  for (int i = 0; i < k_live_slots; ++i) {
    const char* expected = nullptr;
    if (table[i].compare_exchange_strong(expected, path)) return i;
  }
  return -1;  // table full: still written and cleaned up normally, only not on a signal
}

void unregister_live(std::atomic<const char*> (&table)[k_live_slots], int slot) {
  if (slot >= 0) table[slot].store(nullptr);
}

// 16 random hex digits for a temporary's name.
std::string random_suffix() {
  unsigned char bytes[8];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw StorageError(fmt::format("cannot get random bytes: {}", std::strerror(errno)));
    got += static_cast<std::size_t>(n);
  }
  std::string hex;
  for (unsigned char b : bytes) hex += fmt::format("{:02x}", b);
  return hex;
}

std::filesystem::path directory_of(const std::filesystem::path& path) {
  const auto parent = path.parent_path();
  return parent.empty() ? std::filesystem::path{"."} : parent;
}

// A sibling of `path` with a random name: ".NAME.<16 hex>.<tag>".
std::filesystem::path random_sibling(const std::filesystem::path& path, std::string_view tag) {
  return directory_of(path) /
         fmt::format(".{}.{}.{}", path.filename().string(), random_suffix(), tag);
}

// Errors that say the place is wrong (the user's input) rather than that writing failed.
bool is_place_error(int err) {
  return err == EACCES || err == EPERM || err == ENOENT || err == ENOTDIR || err == EROFS ||
         err == EISDIR || err == ENAMETOOLONG || err == ELOOP;
}

[[noreturn]] void fail_place(std::string_view field, const std::filesystem::path& path, int err) {
  throw InputError({}, std::string{field}, path.string(),
                   fmt::format("cannot write: {}", std::strerror(err)));
}

[[noreturn]] void fail_io(std::string_view field, const std::filesystem::path& path, int err) {
  throw StorageError(fmt::format("{} '{}': cannot write: {}; nothing written", field,
                                 path.string(), std::strerror(err)));
}

void fsync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // the rename happened; durability of the entry is best effort
  ::fsync(fd);
  ::close(fd);
}

}  // namespace
}  // namespace detail

// --- AtomicFile ---------------------------------------------------------------------------

namespace {
constexpr std::size_t k_buffer_bytes = 1 << 16;
constexpr int k_create_attempts = 16;
}  // namespace

AtomicFile::AtomicFile(std::filesystem::path path, std::string_view field)
    : m_path(std::move(path)), m_field(field) {
  struct stat target{};
  mode_t mode = 0644;
  bool replaces_file = false;
  if (::lstat(m_path.c_str(), &target) == 0) {
    if (S_ISDIR(target.st_mode)) detail::fail_place(m_field, m_path, EISDIR);
    replaces_file = S_ISREG(target.st_mode);
    if (replaces_file) mode = target.st_mode & 07777;
  }
  for (int attempt = 0; m_fd < 0; ++attempt) {
    m_tmp = detail::random_sibling(m_path, "tmp-gge");
    m_fd = ::open(m_tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (m_fd >= 0) break;
    const int err = errno;
    if (err == EEXIST && attempt + 1 < k_create_attempts) continue;  // taken: another name
    if (detail::is_place_error(err)) detail::fail_place(m_field, m_path, err);
    detail::fail_io(m_field, m_path, err);
  }
  m_slot = detail::register_live(detail::g_live, m_tmp.c_str());
  // The replaced file's own mode, not the umask's version of it.
  if (replaces_file) ::fchmod(m_fd, mode);
  m_buffer.reserve(k_buffer_bytes);
}

AtomicFile::~AtomicFile() {
  if (!m_committed) discard();
}

void AtomicFile::discard() noexcept {
  if (m_fd >= 0) ::close(std::exchange(m_fd, -1));
  // Unlinked before it leaves the signal handler's table, so no moment leaves it behind.
  if (!m_tmp.empty()) ::unlink(m_tmp.c_str());
  detail::unregister_live(detail::g_live, std::exchange(m_slot, -1));
  m_tmp.clear();
}

void AtomicFile::fail_write(int err) {
  discard();
  detail::fail_io(m_field, m_path, err);
}

void AtomicFile::flush() {
  std::size_t done = 0;
  while (done < m_buffer.size()) {
    const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail_write(n < 0 ? errno : ENOSPC);
    done += static_cast<std::size_t>(n);
  }
  m_buffer.clear();
}

void AtomicFile::write(std::string_view chunk) {
  if (m_fd < 0) fail_write(EBADF);
  if (m_buffer.size() + chunk.size() > k_buffer_bytes) flush();
  if (chunk.size() >= k_buffer_bytes) {
    m_buffer.assign(chunk);  // a large chunk goes straight out
    flush();
    return;
  }
  m_buffer.append(chunk);
}

void AtomicFile::commit() {
  if (m_fd < 0) fail_write(EBADF);
  flush();
  if (::fsync(m_fd) != 0) fail_write(errno);
  if (::close(std::exchange(m_fd, -1)) != 0) fail_write(errno);
  if (::rename(m_tmp.c_str(), m_path.c_str()) != 0) {
    const int err = errno;
    discard();
    if (detail::is_place_error(err)) detail::fail_place(m_field, m_path, err);
    detail::fail_io(m_field, m_path, err);
  }
  m_committed = true;
  detail::unregister_live(detail::g_live, std::exchange(m_slot, -1));
  detail::fsync_directory(detail::directory_of(m_path));
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string_view field) {
  AtomicFile out(path, field);
  out.write(content);
  out.commit();
}

// --- AtomicDirectory ----------------------------------------------------------------------

AtomicDirectory::AtomicDirectory(std::filesystem::path dir, std::string_view field)
    : m_dir(std::move(dir)), m_field(field) {
  while (!m_dir.empty() && !m_dir.has_filename()) m_dir = m_dir.parent_path();  // "public/"
  if (m_dir.empty()) m_dir = ".";
  // A link to a folder (public -> /srv/www/feeds): the folder it points to is replaced, the
  // link stays a link.
  std::error_code link_error;
  if (std::filesystem::is_symlink(m_dir, link_error)) {
    const auto target = std::filesystem::canonical(m_dir, link_error);
    if (!link_error) m_dir = target;
  }
  struct stat existing{};
  mode_t mode = 0755;
  if (::stat(m_dir.c_str(), &existing) == 0) {
    if (!S_ISDIR(existing.st_mode)) detail::fail_place(m_field, m_dir, ENOTDIR);
    mode = existing.st_mode & 07777;
  }
  std::error_code ec;
  std::filesystem::create_directories(detail::directory_of(m_dir), ec);
  for (int attempt = 0;; ++attempt) {
    m_staging = detail::random_sibling(m_dir, "new-gge");
    if (::mkdir(m_staging.c_str(), mode) == 0) break;
    const int err = errno;
    if (err == EEXIST && attempt + 1 < k_create_attempts) continue;
    m_staging.clear();
    if (detail::is_place_error(err)) detail::fail_place(m_field, m_dir, err);
    detail::fail_io(m_field, m_dir, err);
  }
  if (mode != 0755) ::chmod(m_staging.c_str(), mode);
  m_slot = detail::register_live(detail::g_live_dirs, m_staging.c_str());
}

AtomicDirectory::~AtomicDirectory() {
  if (!m_committed && !m_staging.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(m_staging, ignored);
  }
  detail::unregister_live(detail::g_live_dirs, std::exchange(m_slot, -1));
}

void AtomicDirectory::commit() {
  const auto parent = detail::directory_of(m_dir);
  std::error_code ec;
  const bool exists = std::filesystem::exists(m_dir, ec);
  std::filesystem::path old;
  if (!exists) {
    if (::rename(m_staging.c_str(), m_dir.c_str()) != 0) detail::fail_io(m_field, m_dir, errno);
  } else if (::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_dir.c_str(), RENAME_EXCHANGE) == 0) {
    old = m_staging;  // the staging name now holds the old content
  } else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
    // No atomic exchange here: the old folder out of the way, then the new one in.
    old = detail::random_sibling(m_dir, "old-gge");
    if (::rename(m_dir.c_str(), old.c_str()) != 0) detail::fail_io(m_field, m_dir, errno);
    if (::rename(m_staging.c_str(), m_dir.c_str()) != 0) {
      const int err = errno;
      ::rename(old.c_str(), m_dir.c_str());  // put the old one back
      detail::fail_io(m_field, m_dir, err);
    }
  } else {
    detail::fail_io(m_field, m_dir, errno);
  }
  m_committed = true;
  detail::fsync_directory(parent);
  if (!old.empty()) std::filesystem::remove_all(old, ec);  // the old content; best effort
  // Until here a signal removes the staging name, which holds the old content after a swap.
  detail::unregister_live(detail::g_live_dirs, std::exchange(m_slot, -1));
}

}  // namespace gge
