// Creation of the allocation directory (alloc_dir.hpp).
#include "alloc_dir.hpp"

namespace hjob::runtime::drivers {

namespace fs = std::filesystem;

std::string make_task_dirs(const AllocDir& dir, const std::string& task) {
    std::error_code ec;
    for (const fs::path& p : {dir.shared() / "data", dir.logs(), dir.shared() / "tmp", dir.local(task),
                              dir.secrets(task), dir.tmp(task)}) {
        fs::create_directories(p, ec);
        if (ec) return "cannot create " + p.string() + ": " + ec.message();
    }
    // Secrets are for the task only, as Nomad's secrets/ (a tmpfs there, a plain directory here).
    fs::permissions(dir.secrets(task), fs::perms::owner_all, fs::perm_options::replace, ec);
    return ec ? "cannot restrict " + dir.secrets(task).string() + ": " + ec.message() : "";
}

}  // namespace hjob::runtime::drivers
