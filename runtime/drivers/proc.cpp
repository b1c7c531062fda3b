// Reading /proc (proc.hpp).
#include "proc.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hjob::runtime::drivers {

std::optional<ProcStat> proc_stat(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!in || !std::getline(in, line)) return std::nullopt;
    // The command name (field 2) is in parentheses and may itself hold spaces and ')'.
    const auto close = line.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream rest(line.substr(close + 1));
    std::vector<std::string> f;  // f[0] is field 3
    for (std::string t; rest >> t && f.size() < 20;) f.push_back(t);
    if (f.size() < 20) return std::nullopt;
    ProcStat s;
    s.state = f[0].empty() ? '?' : f[0][0];
    s.pgrp = std::atoi(f[2].c_str());
    s.start_ticks = std::strtoull(f[19].c_str(), nullptr, 10);
    return s;
}

std::string boot_id() {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

std::vector<int> group_members(int pgrp) {
    std::vector<int> pids;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string name = e.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
        const int pid = std::atoi(name.c_str());
        if (auto s = proc_stat(pid); s && s->pgrp == pgrp && s->state != 'Z') pids.push_back(pid);
    }
    return pids;
}

}  // namespace hjob::runtime::drivers
