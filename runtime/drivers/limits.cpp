// cgroup v2 and rlimit limits (limits.hpp).
#include "limits.hpp"

#include <sys/statfs.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hjob::runtime::drivers {

namespace fs = std::filesystem;

namespace {

constexpr long cgroup2_magic = 0x63677270;

bool write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p);
    out << text;
    out.flush();
    return static_cast<bool>(out);
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool has_controllers(const fs::path& dir, const char* file) {
    const std::string c = " " + read_file(dir / file) + " ";
    auto has = [&](const char* n) { return c.find(std::string(" ") + n) != std::string::npos; };
    return has("memory") && has("cpu");
}

std::string probe_default_root() {
    struct statfs fsinfo{};
    if (::statfs("/sys/fs/cgroup", &fsinfo) != 0 || static_cast<long>(fsinfo.f_type) != cgroup2_magic)
        return "/sys/fs/cgroup is not a cgroup v2 hierarchy";
    if (!has_controllers("/sys/fs/cgroup", "cgroup.controllers")) return "cgroup v2 has no memory and cpu controllers";
    std::error_code ec;
    const fs::path root = "/sys/fs/cgroup/hjob.slice";
    fs::create_directory(root, ec);
    if (ec) return "cannot create " + root.string() + ": " + ec.message();
    if (!has_controllers("/sys/fs/cgroup", "cgroup.subtree_control"))
        write_file("/sys/fs/cgroup/cgroup.subtree_control", "+memory +cpu");
    write_file(root / "cgroup.subtree_control", "+memory +cpu");
    if (!has_controllers(root, "cgroup.subtree_control")) return "cannot delegate memory and cpu to " + root.string();
    return "";
}

}  // namespace

std::string cgroup_root(std::string* why) {
    if (const char* env = std::getenv("HJOB_CGROUP_ROOT"); env && *env) {
        if (has_controllers(env, "cgroup.subtree_control") && ::access(env, W_OK) == 0) return env;
        if (why) *why = std::string("HJOB_CGROUP_ROOT ") + env + " does not delegate memory and cpu";
        return "";
    }
    static const std::string problem = probe_default_root();  // probed once per process
    if (problem.empty()) return "/sys/fs/cgroup/hjob.slice";
    if (why) *why = problem;
    return "";
}

int cpu_weight(int mhz) {
    const long shares = std::clamp<long>(mhz, 2, 262144);
    return static_cast<int>(1 + ((shares - 2) * 9999) / 262142);
}

LimitPlan plan_limits(const TaskSpec& spec, const std::string& root, const std::string& why_no_root) {
    LimitPlan plan;
    const int mem_mb = spec.memory_max_mb > 0 ? spec.memory_max_mb : spec.memory_mb;
    const std::int64_t bytes = static_cast<std::int64_t>(mem_mb) << 20;
    if (!root.empty()) {
        const fs::path dir = fs::path(root) / (spec.alloc_id + "." + spec.task);
        std::error_code ec;
        fs::create_directory(dir, ec);
        const bool mem_ok = mem_mb <= 0 || write_file(dir / "memory.max", std::to_string(bytes));
        const bool cpu_ok = spec.cpu_mhz <= 0 || write_file(dir / "cpu.weight", std::to_string(cpu_weight(spec.cpu_mhz)));
        if (!ec && mem_ok && cpu_ok) {
            plan.cgroup = dir.string();
            plan.notes.push_back(mem_mb > 0 ? "memory: cgroup v2 memory.max " + std::to_string(mem_mb) + " MiB for the whole task"
                                            : "memory: no limit requested");
            plan.notes.push_back(spec.cpu_mhz > 0 ? "cpu: cgroup v2 cpu.weight " + std::to_string(cpu_weight(spec.cpu_mhz)) +
                                                        " (a share under contention, not a cap)"
                                                  : "cpu: no share requested");
            return plan;
        }
        plan.notes.push_back("cgroup v2: cannot set up " + dir.string() + "; falling back to rlimits");
    } else {
        plan.notes.push_back("cgroup v2 not used: " + why_no_root);
    }
    if (mem_mb > 0) {
        plan.rlimit_data_bytes = bytes;
        plan.notes.push_back("memory: RLIMIT_DATA " + std::to_string(mem_mb) +
                             " MiB per process (heap and private mappings of each process, not the task's total)");
    }
    plan.notes.push_back("cpu: not enforced (needs the cgroup v2 cpu controller)");
    return plan;
}

bool release_cgroup(const std::string& dir) {
    if (dir.empty()) return false;
    std::istringstream events(read_file(fs::path(dir) / "memory.events"));
    bool oom = false;
    for (std::string key; events >> key;) {
        long long n = 0;
        events >> n;
        if (key == "oom_kill" && n > 0) oom = true;
    }
    ::rmdir(dir.c_str());
    return oom;
}

}  // namespace hjob::runtime::drivers
