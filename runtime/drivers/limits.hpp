// Resource limits for a task, and an honest account of which ones the kernel lets us enforce.
//
// With a usable cgroup v2 hierarchy (cgroup_root() is not empty) each task gets its own cgroup,
// joined by the child before exec so its children are in it too:
//   memory.max = memory_max (or memory when memory_max is unset) MiB: a hard limit on the
//                whole task (every process, page cache included); the kernel OOM-kills past it;
//   cpu.weight = Nomad's conversion of the cpu MHz to a relative weight: a share under
//                contention, not a cap (as Nomad's cpu for exec/raw_exec).
// Without one (cgroup v1 or hybrid hosts, no delegation, no root), the fallback is per process:
//   RLIMIT_DATA = the same MiB figure, on each process separately (heap and private writable
//                mappings; page cache, shared memory and the sum over children are not limited).
//                RLIMIT_AS would count address space merely reserved (thread stacks, arenas,
//                Go and Java heaps) and fail programs far below their real use, so it is not used;
//   cpu: not enforced (RLIMIT_CPU limits CPU seconds in total, which would kill a service).
// The notes of a start say which case applied; the agent copies them into the task events.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "driver.hpp"

namespace hjob::runtime::drivers {

struct LimitPlan {
    std::string cgroup;                   ///< the task's cgroup directory; empty without cgroup v2
    std::int64_t rlimit_data_bytes = 0;   ///< 0: none
    std::vector<std::string> notes;
};

/// Where task cgroups are created: $HJOB_CGROUP_ROOT if set (a delegated cgroup v2 directory),
/// else /sys/fs/cgroup/hjob.slice when /sys/fs/cgroup is cgroup v2 with the memory and cpu
/// controllers and writable. Empty (and `why` set) when cgroup v2 cannot be used.
std::string cgroup_root(std::string* why = nullptr);
/// Decides the limits of `spec` and creates its cgroup when there is a root.
LimitPlan plan_limits(const TaskSpec& spec, const std::string& root, const std::string& why_no_root);
/// Whether the task's cgroup recorded an OOM kill; removes the cgroup (empty once the task is gone).
bool release_cgroup(const std::string& dir);
/// Nomad's cpu MHz to cgroup v2 cpu.weight conversion (shares 2..262144 -> weight 1..10000).
int cpu_weight(int mhz);

}  // namespace hjob::runtime::drivers
