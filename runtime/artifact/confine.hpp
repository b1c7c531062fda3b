// Confinement of paths to a root directory (the task directory), shared by artifacts and
// templates: a relative path that stays inside after normalisation, whose existing components
// are not symlinks leading elsewhere. Checked again right before each write, since an archive
// can plant a symlink that a later entry would write through.
#pragma once

#include <filesystem>
#include <string>

namespace hjob::runtime::artifact {

struct Confined {
    std::filesystem::path path;      ///< root / relative, normalised (symlinks not resolved)
    std::filesystem::path relative;  ///< the normalised relative part ("" for root itself)
    std::string error;               ///< set when the path would leave root
};

/// `relative` resolved under `root`. Refused: an absolute path, one that climbs above root with
/// `..`, and one whose existing part resolves (through symlinks) outside root.
Confined confine(const std::filesystem::path& root, const std::string& relative, const std::string& what);

/// True when `p` is `base` or below it (both normalised, compared component by component).
bool is_within(const std::filesystem::path& base, const std::filesystem::path& p);

/// Creates root/relative directory by directory, refusing any component that exists as a
/// symlink or a non-directory (so a planted symlink is never followed). Returns "" on success.
std::string make_dirs_inside(const std::filesystem::path& root, const std::filesystem::path& relative);

/// Removes whatever is at `p` unless it is a directory, so that the write that follows creates a
/// new file instead of following a symlink (planted by an archive or by the task itself).
std::string clear_spot(const std::filesystem::path& p);

}  // namespace hjob::runtime::artifact
