// Secret paths: the validator every path from a user or a request passes, and the KV v2
// mapping from the logical `secret/<p>` the CLI takes to the API paths policies name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "result.hpp"

namespace hjob::secrets {

/// The one named path limit: Vault has no documented maximum; 1024 bytes is far beyond real
/// secret names and keeps a hostile path from growing keys, logs and error messages.
inline constexpr std::size_t max_path_length = 1024;

/// The KV v2 mount hjob serves (Vault dev mode's default).
inline constexpr std::string_view kv_mount = "secret";

/// Why `path` is refused, or nullopt when it is acceptable: NUL or control bytes, a leading
/// `/`, an empty segment (`a//b`), `.` or `..` segments, more than max_path_length bytes.
/// One trailing `/` is accepted only when `allow_trailing_slash` (list prefixes, folders).
/// The message quotes the path with control bytes escaped.
std::optional<std::string> path_problem(std::string_view path, bool allow_trailing_slash = false);

/// The path inside the KV mount of the logical `secret/<p>`: "<p>". Refuses other mounts
/// and invalid paths. `secret/` alone (the mount root) gives "" when allow_root.
Result<std::string> kv_relative(std::string_view logical, bool allow_root = false);

/// `secret/data/<p>`: what `get`, `put` and templates address and policies must name.
std::string kv_data_path(std::string_view relative);
/// `secret/metadata/<p>`: what `list`, `history` and whole-secret deletion address.
std::string kv_metadata_path(std::string_view relative);

/// `path` with control bytes escaped as \xNN, for messages.
std::string printable(std::string_view path);

}  // namespace hjob::secrets
