#include "gge/web/users.hpp"

#include "gge/web/serve.hpp"

#include "gge/core/error.hpp"
#include "gge/formats/text/untrusted_text.hpp"
#include "gge/services/output_file.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

namespace gge::web {
namespace {

constexpr std::size_t k_max_name = 64;
constexpr std::size_t k_min_password = 8;
constexpr std::size_t k_max_password = 1024;

bool valid_name(std::string_view name) {
  return !name.empty() && name.size() <= k_max_name &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == '-';
         });
}

void init_sodium() {
  if (sodium_init() < 0) throw StorageError("libsodium could not be initialised");
}

}  // namespace

std::string_view to_string(Role r) { return r == Role::planner ? "planner" : "viewer"; }

Role parse_role(std::string_view text, std::string_view field) {
  if (text == "planner") return Role::planner;
  if (text == "viewer") return Role::viewer;
  throw InputError({}, std::string{field}, std::string{text}, "expected planner or viewer");
}

std::vector<User> read_users(const std::filesystem::path& path) {
  const std::string text = read_untrusted_file(path, k_field_users);
  std::vector<User> users;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::string where = fmt::format("{}:{}", path.string(), n);
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    User u;
    std::string role, extra;
    if (!(fields >> u.name >> role >> u.hash) || (fields >> extra))
      throw InputError(where, "line", line, "expected NAME ROLE HASH");
    if (!valid_name(u.name))
      throw InputError(where, "name", u.name, "expected 1 to 64 of A-Z a-z 0-9 . _ -");
    try {
      u.role = parse_role(role, "role");
    } catch (const InputError& e) {
      throw e.at(where);
    }
    if (u.hash.rfind("$argon2id$", 0) != 0)
      throw InputError(where, "hash", u.hash.substr(0, 16),
                       "expected an Argon2id hash ($argon2id$...)");
    if (std::any_of(users.begin(), users.end(), [&](const User& o) { return o.name == u.name; }))
      throw InputError(where, "name", u.name, "appears twice");
    users.push_back(std::move(u));
  }
  return users;
}

std::string hash_password(std::string_view password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw StorageError("out of memory while hashing the password");
  return out;
}

bool verify_password(const User& user, std::string_view password) {
  init_sodium();
  return crypto_pwhash_str_verify(user.hash.c_str(), password.data(), password.size()) == 0;
}

void add_user(const std::filesystem::path& path, const std::string& name, Role role,
              std::string_view password) {
  if (!valid_name(name))
    throw InputError({}, "NAME", name, "expected 1 to 64 of A-Z a-z 0-9 . _ -");
  if (password.size() < k_min_password || password.size() > k_max_password)
    throw InputError({}, "password", std::string(password.size(), '*'),
                     fmt::format("{} bytes; expected {} to {}", password.size(), k_min_password,
                                 k_max_password));
  std::string content;
  if (std::filesystem::exists(path)) {
    for (const auto& u : read_users(path))
      if (u.name == name) throw InputError(path.string(), "NAME", name, "is already a user");
    content = read_untrusted_file(path, k_field_users);
    if (!content.empty() && content.back() != '\n') content += '\n';
  } else {
    content = "# gge serve users: NAME ROLE ARGON2ID-HASH (written by gge user add)\n";
    // Created 0600 first, so the AtomicFile that replaces it keeps that mode: hashes are secrets.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) throw InputError({}, k_field_users, path.string(), "cannot create the file");
    ::close(fd);
  }
  content += fmt::format("{} {} {}\n", name, to_string(role), hash_password(password));
  write_file_atomically(path, content, k_field_users);
}

}  // namespace gge::web
