// Unpacking of archive artifacts with libarchive (tar with or without gzip/bzip2/xz, zip), in two
// passes: the first reads every header and refuses the whole archive if one entry would land
// outside the destination (an absolute path, a `..` component, a symlink or hard link that
// points outside, a device or fifo), so a hostile archive writes nothing; the second writes,
// never through a symlink, within a size and entry budget against archive bombs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hjob::runtime::artifact {

constexpr std::uint64_t kMaxUnpackedBytes = std::uint64_t(4) << 30;  ///< 4 GiB in all
constexpr std::size_t kMaxEntries = 100'000;

/// Unpacks `archive` into root/dest (root: the task directory; dest: the confined relative
/// destination). Appends the files written to `written`. Returns "" on success, else why.
std::string extract(const std::filesystem::path& archive, const std::filesystem::path& root,
                    const std::filesystem::path& dest, std::vector<std::string>& written);

/// Decompresses a single gzip, bzip2 or xz file into root/target (a confined relative path),
/// within the same size budget. Returns "" on success, else why.
std::string decompress(const std::filesystem::path& file, const std::string& name, const std::filesystem::path& root,
                       const std::filesystem::path& target, std::vector<std::string>& written);

}  // namespace hjob::runtime::artifact
