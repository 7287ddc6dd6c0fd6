#pragma once
/// The users file of `gge serve --users FILE` (README "gge serve"): who may log in and in
/// which role. One user per line, `NAME ROLE HASH`: NAME 1..64 of [A-Za-z0-9._-], ROLE
/// `planner` (reads and writes) or `viewer` (reads only), HASH a libsodium Argon2id string
/// (`$argon2id$v=19$m=...`). Lines starting with '#' and blank lines are ignored.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gge::web {

enum class Role { viewer, planner };
std::string_view to_string(Role r);
/// "planner" or "viewer"; InputError naming `field` otherwise.
Role parse_role(std::string_view text, std::string_view field);

struct User {
  std::string name;
  Role role = Role::viewer;
  std::string hash;  ///< Argon2id, as crypto_pwhash_str writes it
};

/// The users of `path`, read through the untrusted-text limits. InputError "FILE:LINE: ..."
/// for a malformed line or a repeated name; StorageError when it cannot be read.
std::vector<User> read_users(const std::filesystem::path& path);

/// Adds `name` with `role` and a hash of `password` to `path` (created, mode 0600, when
/// absent; replaced atomically). InputError: a bad name (field "NAME"), a name already there,
/// a password shorter than 8 or longer than 1024 bytes (field "password").
void add_user(const std::filesystem::path& path, const std::string& name, Role role,
              std::string_view password);

/// True when `password` matches `user`'s hash (constant-time in libsodium).
bool verify_password(const User& user, std::string_view password);

/// A fresh Argon2id hash of `password` (libsodium's interactive limits: 2 passes, 64 MiB).
std::string hash_password(std::string_view password);

}  // namespace gge::web
