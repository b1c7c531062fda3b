// Artifacts: the files a task fetches before it starts (Nomad's `artifact` stanza, with
// go-getter's URL conventions: `?checksum=type:value`, `?archive=false`). Sources are local
// paths, file://, http:// and https://; archives (tar, tar.gz, tar.bz2, tar.xz, zip) are
// unpacked. Everything lands inside the task directory: a destination, an archive entry or a
// symlink that would reach outside it is refused, and then nothing at all is written.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir.hpp"

namespace hjob::runtime::artifact {

struct FetchResult {
    bool ok = false;
    std::string error;                 ///< what failed, for the "Failed Artifact Download" event
    std::vector<std::string> written;  ///< the files (and symlinks) written, absolute paths
};

/// Fetches `a` (already interpolated by the task environment) into `task_dir`. Relative local
/// paths are relative to the task directory, as Nomad's getter runs there. Never throws.
FetchResult fetch(const ir::Artifact& a, const std::string& task_dir);

}  // namespace hjob::runtime::artifact
