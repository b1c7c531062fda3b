// The key file: 32 random bytes, mode 0600, in the data directory, created on first use.
#pragma once

#include <filesystem>

#include "cipher.hpp"
#include "result.hpp"

namespace hjob::secrets {

/// `<dir>/secrets.key`
std::filesystem::path key_file(const std::filesystem::path& dir);
/// `<dir>/secrets.key.rekey`: the new key while a rekey is between its two commit points.
std::filesystem::path pending_key_file(const std::filesystem::path& dir);

/// The key ring of `dir`, creating the key file (0600) when absent and `create`. Refuses a key
/// file that group or others can read or write, one owned by another user, or one that does
/// not hold exactly 32 bytes, with a message that says how to fix it.
Result<KeyRing> open_keys(const std::filesystem::path& dir, bool create = true);

/// Writes `key` to `file` durably: a temporary file with mode 0600, fsync, rename over `file`,
/// fsync of the directory.
Status write_key_file(const std::filesystem::path& file, const Key& key);

}  // namespace hjob::secrets
