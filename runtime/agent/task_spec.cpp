// The driver's view of a task (task_spec.hpp).
#include "task_spec.hpp"

namespace hjob::runtime::agent {

namespace {

std::string text(const nlohmann::json& config, const char* key) {
    if (!config.is_object() || !config.contains(key)) return "";
    const auto& v = config.at(key);
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::vector<std::string> strings(const nlohmann::json& config, const char* key) {
    std::vector<std::string> out;
    if (!config.is_object() || !config.contains(key) || !config.at(key).is_array()) return out;
    for (const auto& v : config.at(key)) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    return out;
}

}  // namespace

drivers::TaskSpec make_task_spec(const std::string& alloc_id, const ir::Task& task, const taskenv::TaskEnv& env,
                                 const std::string& alloc_dir) {
    const auto config = env.interpolate(task.config);
    drivers::TaskSpec s;
    s.alloc_id = alloc_id;
    s.task = task.name;
    s.alloc_dir = alloc_dir;
    s.command = text(config, "command");
    s.args = strings(config, "args");
    s.work_dir = text(config, "work_dir");
    s.env = env.env();
    s.user = task.user;
    if (!task.kill_signal.empty()) s.kill_signal = task.kill_signal;
    s.kill_timeout = std::chrono::milliseconds(task.kill_timeout / 1'000'000);
    s.log_max_files = task.logs.max_files;
    s.log_max_file_size_mb = task.logs.max_file_size_mb;
    s.logs_disabled = task.logs.disabled || (task.logs.enabled && !*task.logs.enabled);
    s.cpu_mhz = task.resources.cpu;
    s.memory_mb = task.resources.memory_mb;
    s.memory_max_mb = task.resources.memory_max_mb;
    return s;
}

}  // namespace hjob::runtime::agent
