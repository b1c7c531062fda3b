// The allocation directory as Nomad lays it out, so paths in NOMAD_* variables and in job files
// written for Nomad mean the same here:
//   <alloc>/alloc/{data,logs,tmp}        shared by the tasks of the allocation (NOMAD_ALLOC_DIR)
//   <alloc>/<task>/{local,secrets,tmp}   one per task (NOMAD_TASK_DIR is local/)
#pragma once

#include <filesystem>
#include <string>

namespace hjob::runtime::drivers {

struct AllocDir {
    std::filesystem::path root;

    std::filesystem::path shared() const { return root / "alloc"; }
    std::filesystem::path logs() const { return root / "alloc" / "logs"; }
    std::filesystem::path task(const std::string& name) const { return root / name; }
    std::filesystem::path local(const std::string& name) const { return root / name / "local"; }
    std::filesystem::path secrets(const std::string& name) const { return root / name / "secrets"; }
    std::filesystem::path tmp(const std::string& name) const { return root / name / "tmp"; }
};

/// Creates the shared directories and those of `task` (existing ones are kept); secrets/ is 0700.
/// Returns an empty string on success, else what failed.
std::string make_task_dirs(const AllocDir& dir, const std::string& task);

}  // namespace hjob::runtime::drivers
