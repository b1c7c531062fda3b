// `hjob alloc logs [-f] [--stderr] ID [TASK]`: a task's output as the agent's log collector
// wrote it (alloc/logs/<task>.stdout.N, rotated per the logs stanza), oldest file first; -f
// keeps printing what the task writes, moving on to the next file when the log rotates, until
// interrupted or the task is dead.
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "alloc_find.hpp"
#include "commands.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

namespace fs = std::filesystem;
namespace rs = runtime::state;

struct LogsOptions {
    std::string id, task;
    bool follow = false, stderr_ = false;
    StateOptions state;
};

/// The rotated files of one stream by index.
std::map<int, fs::path> log_files(const fs::path& dir, const std::string& prefix) {
    std::map<int, fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const auto name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const auto rest = name.substr(prefix.size());
        if (rest.empty() || rest.find_first_not_of("0123456789") != std::string::npos) continue;
        out[std::stoi(rest)] = e.path();
    }
    return out;
}

/// Copies `path` from `offset` to standard output; returns the new offset.
std::streamoff copy_from(const fs::path& path, std::streamoff offset) {
    std::ifstream in(path, std::ios::binary);
    in.seekg(offset);
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        std::cout.write(buf, in.gcount());
        offset += in.gcount();
    }
    std::cout.flush();
    return offset;
}

std::string pick_task(const runtime::Allocation& a, const std::string& given) {
    if (!given.empty()) {
        if (!a.task_states.count(given)) {
            std::string names;
            for (const auto& [n, t] : a.task_states) names += (names.empty() ? "" : ", ") + n;
            throw rs::StateError("allocation " + a.id.substr(0, 8) + " has no task \"" + given + "\"" +
                                 (names.empty() ? "" : " (its tasks: " + names + ")"));
        }
        return given;
    }
    if (a.task_states.size() == 1) return a.task_states.begin()->first;
    if (a.task_states.empty()) throw rs::StateError("no task of allocation " + a.id.substr(0, 8) + " has started yet");
    std::string names;
    for (const auto& [n, t] : a.task_states) names += (names.empty() ? "" : ", ") + n;
    throw rs::StateError("allocation " + a.id.substr(0, 8) + " has several tasks; name one: " + names);
}

/// Whether `task` of allocation `id` has stopped for good (not between restarts), or the
/// allocation is gone: then -f has nothing more to wait for, as Nomad's log stream ends.
bool task_dead(rs::Store& store, const std::string& id, const std::string& task) {
    try {
        const auto a = find_alloc(store, id);
        const auto it = a.task_states.find(task);
        return it != a.task_states.end() && it->second.state == "dead";
    } catch (const rs::StateError&) {
        return true;  // purged
    }
}

int alloc_logs(const LogsOptions& opt) {
    auto store = open_store(opt.state);
    const auto a = find_alloc(store, opt.id);
    const auto task = pick_task(a, opt.task);
    const fs::path dir = fs::path(alloc_dir_of(store, a.id)) / "alloc" / "logs";
    const std::string prefix = task + (opt.stderr_ ? ".stderr." : ".stdout.");
    auto files = log_files(dir, prefix);
    int current = -1;
    std::streamoff offset = 0;
    for (const auto& [index, path] : files) {
        current = index;
        offset = copy_from(path, 0);
    }
    for (int tick = 1; opt.follow; ++tick) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        // Read the state before the files: what a dead task wrote is all there by then, so the
        // copy below is the last one and nothing is lost.
        const bool dead = tick % 4 == 0 && task_dead(store, a.id, task);
        files = log_files(dir, prefix);
        if (current >= 0 && files.count(current)) offset = copy_from(files[current], offset);
        for (auto next = files.upper_bound(current); next != files.end(); next = files.upper_bound(current)) {
            current = next->first;
            offset = copy_from(next->second, 0);
        }
        if (dead) break;
    }
    return exit_ok;
}

}  // namespace

void setup_alloc_logs(CLI::App* alloc, const std::shared_ptr<StateOptions>&) {
    auto opt = std::make_shared<LogsOptions>();
    auto* logs = alloc->add_subcommand("logs", "Print a task's standard output (or --stderr) of an allocation");
    logs->add_option("ID", opt->id, "Allocation id or unique prefix")->required();
    logs->add_option("TASK", opt->task, "The task (needed when the allocation has several)");
    logs->add_flag("-f,--follow", opt->follow, "Keep printing new output until interrupted or the task is dead");
    logs->add_flag("--stderr", opt->stderr_, "Print standard error instead of standard output");
    add_state_options(logs, opt->state, false);
    logs->callback([opt] { exit_with(run_state_command("alloc logs", [&] { return alloc_logs(*opt); })); });
}

}  // namespace hjob::cli
