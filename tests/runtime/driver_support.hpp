// Helpers for the driver, taskenv and health tests: a scratch allocation directory, polling
// with a deadline (never a fixed sleep), and the hashiapp workload started as a task.
#pragma once

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include "runtime/drivers/exec_driver.hpp"

namespace hjob {
namespace drivers = runtime::drivers;
}

namespace hjob::test {

namespace fs = std::filesystem;

/// A fresh directory under /tmp, removed at the end of the test.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        char tmpl[] = "/tmp/hjob-rt-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

/// Polls `cond` every few milliseconds until it holds or `limit` passes; returns whether it held.
inline bool eventually(const std::function<bool()>& cond, std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (auto step = std::chrono::milliseconds(2);; step = std::min(step * 2, std::chrono::milliseconds(50))) {
        if (cond()) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(step);
    }
}

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline const std::string hashiapp = std::string(HJOB_BINARY_DIR) + "/hashiapp";

/// A task spec for `command args` in a new allocation under `root`.
inline drivers::TaskSpec task_spec(const fs::path& root, const std::string& command, std::vector<std::string> args) {
    drivers::TaskSpec spec;
    spec.alloc_id = "a1b2c3d4-0000-4000-8000-000000000001";
    spec.task = "web";
    spec.alloc_dir = (root / spec.alloc_id).string();
    spec.command = command;
    spec.args = std::move(args);
    spec.kill_timeout = std::chrono::milliseconds(2000);
    return spec;
}

/// The port hashiapp printed on its stdout log ("listening on 127.0.0.1:PORT"), 0 if not yet.
inline int hashiapp_port(const drivers::TaskSpec& spec) {
    static const std::regex re("listening on [0-9.]+:([0-9]+)");
    std::smatch m;
    const std::string log = slurp(fs::path(spec.alloc_dir) / "alloc/logs" / (spec.task + ".stdout.0"));
    return std::regex_search(log, m, re) ? std::stoi(m[1]) : 0;
}

}  // namespace hjob::test
