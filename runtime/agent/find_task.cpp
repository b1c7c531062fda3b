// Finding a task's process by its environment (find_task.hpp).
#include "find_task.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "runtime/drivers/proc.hpp"

namespace hjob::runtime::agent {

namespace {

bool has_var(const std::string& env, const std::string& var) {
    return env.rfind(var + '\0', 0) == 0 || env.find('\0' + var + '\0') != std::string::npos;
}

}  // namespace

std::optional<drivers::TaskHandle> find_task_process(const std::string& alloc_id, const std::string& task,
                                                     const std::string& alloc_dir) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/proc", ec)) {
        const auto name = e.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const int pid = std::stoi(name);
        if (::getsid(pid) != pid) continue;  // a task's main process leads its session
        std::ifstream in(e.path() / "environ", std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        const std::string env = s.str();
        if (!has_var(env, "NOMAD_ALLOC_ID=" + alloc_id) || !has_var(env, "NOMAD_TASK_NAME=" + task)) continue;
        const auto st = drivers::proc_stat(pid);
        if (!st || st->state == 'Z') continue;
        drivers::TaskHandle h;
        h.pid = pid;
        h.start_ticks = st->start_ticks;
        h.boot_id = drivers::boot_id();
        h.alloc_id = alloc_id;
        h.task = task;
        h.alloc_dir = alloc_dir;
        return h;
    }
    return std::nullopt;
}

}  // namespace hjob::runtime::agent
