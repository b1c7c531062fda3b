// Digests of downloaded files, for go-getter's `checksum` option (OpenSSL's EVP digests).
#pragma once

#include <filesystem>
#include <string>

namespace hjob::runtime::artifact {

/// The lower-case hex digest of the file at `path` with `type` (md5, sha1, sha256, sha512);
/// "" with `error` set when the file cannot be read or the type is unknown.
std::string file_digest(const std::filesystem::path& path, const std::string& type, std::string& error);

}  // namespace hjob::runtime::artifact
