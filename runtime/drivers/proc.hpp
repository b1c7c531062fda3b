// What /proc says about a process: its start time (to tell a recycled pid apart), its state and
// process group, and which processes are in a group. Linux only, like the drivers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hjob::runtime::drivers {

struct ProcStat {
    char state = '?';  ///< R, S, D, Z (zombie), ...
    int pgrp = 0;
    std::uint64_t start_ticks = 0;  ///< field 22: clock ticks after boot
};

/// Fields of /proc/<pid>/stat; nullopt when the process does not exist.
std::optional<ProcStat> proc_stat(int pid);
/// This boot's id (/proc/sys/kernel/random/boot_id); empty if unreadable.
std::string boot_id();
/// The pids of every live (non-zombie) process whose process group is `pgrp`.
std::vector<int> group_members(int pgrp);

}  // namespace hjob::runtime::drivers
