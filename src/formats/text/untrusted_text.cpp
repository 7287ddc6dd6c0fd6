// Reading an untrusted file in bounded chunks, and the size and line limits of any untrusted
// text (untrusted_text.hpp).
#include "gge/formats/text/untrusted_text.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace gge {
namespace {

/// Closes the descriptor when the read ends, however it ends.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  ~Descriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const { return m_fd; }

 private:
  int m_fd;
};

[[noreturn]] void too_large(const std::string& where, std::string_view what) {
  throw InputError(where, "", "",
                   fmt::format("the {} is larger than {} MiB, the limit for one input file", what,
                               k_max_file_bytes >> 20));
}

}  // namespace

std::string read_untrusted_file(const std::filesystem::path& path, std::string_view what) {
  const std::string where = path.string();
  const Descriptor fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (fd.get() < 0)
    throw InputError(where, "", "",
                     fmt::format("cannot read the {} ({})", what, std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0)
    throw Error(fmt::format("{}: cannot read the {} ({})", where, what, std::strerror(errno)));
  if (S_ISDIR(st.st_mode))
    throw InputError(where, "", "", fmt::format("cannot read the {}: it is a directory", what));
  std::string text;
  if (S_ISREG(st.st_mode)) {
    if (static_cast<std::size_t>(st.st_size) > k_max_file_bytes) too_large(where, what);
    text.reserve(static_cast<std::size_t>(st.st_size));
  }
  // Chunks, not one read of st_size: devices and pipes have no size, and a file may grow.
  std::array<char, 64 * 1024> chunk{};
  for (;;) {
    const ssize_t got = ::read(fd.get(), chunk.data(), chunk.size());
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      if (errno == EISDIR)
        throw InputError(where, "", "", fmt::format("cannot read the {}: it is a directory", what));
      throw Error(fmt::format("{}: cannot read the {} ({})", where, what, std::strerror(errno)));
    }
    if (text.size() + static_cast<std::size_t>(got) > k_max_file_bytes) too_large(where, what);
    text.append(chunk.data(), static_cast<std::size_t>(got));
  }
  return text;
}

void check_text_limits(std::string_view text, std::string_view name) {
  if (text.size() > k_max_file_bytes)
    throw InputError(
        std::string{name}, "", "",
        fmt::format("larger than {} MiB, the limit for one input file", k_max_file_bytes >> 20));
  std::size_t line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end - start > k_max_line_bytes)
      throw InputError(fmt::format("{}:{}", name, line), "", "",
                       fmt::format("line of {} bytes; at most {} bytes per line", end - start,
                                   k_max_line_bytes));
    start = end + 1;
  }
}

}  // namespace gge
