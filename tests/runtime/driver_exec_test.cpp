// exec and raw_exec drivers against real processes: the allocation layout, output in the log
// files, the environment each mode gives, exit codes and signals, start errors, and limits.
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>

#include "driver_support.hpp"
#include "runtime/drivers/alloc_dir.hpp"
#include "runtime/drivers/proc.hpp"

using namespace hjob;
using namespace hjob::test;
using drivers::ExecDriver;

TEST_CASE("driver: a task runs in Nomad's allocation layout and its output reaches the log files") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::raw_exec);
    auto spec = task_spec(dir.path, "/bin/sh", {"-c", "echo to-stdout; echo to-stderr >&2; pwd; echo \"$GREETING\""});
    spec.env["GREETING"] = "hello from env";
    const auto started = driver.start(spec);
    REQUIRE(started.error == "");
    REQUIRE(started.handle);
    const auto status = driver.wait(*started.handle, std::chrono::seconds(5));
    REQUIRE(status);
    CHECK(status->exit_code == 0);
    const drivers::AllocDir ad{spec.alloc_dir};
    for (const auto& p : {ad.shared() / "data", ad.logs(), ad.shared() / "tmp", ad.local("web"), ad.secrets("web"), ad.tmp("web")})
        CHECK(fs::is_directory(p));
    const std::string out = slurp(ad.logs() / "web.stdout.0");
    CHECK(out == "to-stdout\n" + ad.task("web").string() + "\nhello from env\n");
    CHECK(slurp(ad.logs() / "web.stderr.0") == "to-stderr\n");
}

TEST_CASE("driver: exec gives a clean environment and its own TMPDIR, raw_exec inherits the agent's") {
    ScratchDir dir;
    ::setenv("HJOB_TEST_AGENT_ONLY", "agent", 1);
    auto spec = task_spec(dir.path, "env", {});
    spec.env["NOMAD_TASK_NAME"] = "web";
    for (auto mode : {ExecDriver::Mode::exec, ExecDriver::Mode::raw_exec}) {
        ExecDriver driver(mode);
        INFO(driver.name());
        const auto started = driver.start(spec);
        REQUIRE(started.handle);
        REQUIRE(driver.wait(*started.handle, std::chrono::seconds(5)));
        const std::string env = slurp(fs::path(spec.alloc_dir) / "alloc/logs/web.stdout.0");
        fs::remove(fs::path(spec.alloc_dir) / "alloc/logs/web.stdout.0");
        CHECK(env.find("NOMAD_TASK_NAME=web\n") != std::string::npos);
        CHECK(env.find("PATH=") != std::string::npos);
        if (mode == ExecDriver::Mode::exec) {
            CHECK(env.find("HJOB_TEST_AGENT_ONLY") == std::string::npos);
            CHECK(env.find("TMPDIR=" + (fs::path(spec.alloc_dir) / "web/tmp").string() + "\n") != std::string::npos);
            int lines = 0;
            for (char c : env) lines += c == '\n';
            CHECK(lines == 3);  // NOMAD_TASK_NAME, PATH, TMPDIR and nothing else
        } else {
            CHECK(env.find("HJOB_TEST_AGENT_ONLY=agent\n") != std::string::npos);
        }
    }
    ::unsetenv("HJOB_TEST_AGENT_ONLY");
}

TEST_CASE("driver: exit codes and killing signals are reported") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::raw_exec);
    auto exits = driver.start(task_spec(dir.path, "/bin/sh", {"-c", "exit 3"}));
    REQUIRE(exits.handle);
    auto s = driver.wait(*exits.handle, std::chrono::seconds(5));
    REQUIRE(s);
    CHECK(s->exit_code == 3);
    CHECK(s->signal == 0);
    auto killed = driver.start(task_spec(dir.path, "/bin/sh", {"-c", "kill -TERM $$"}));
    REQUIRE(killed.handle);
    s = driver.wait(*killed.handle, std::chrono::seconds(5));
    REQUIRE(s);
    CHECK(s->signal == SIGTERM);
    CHECK(driver.try_wait(*killed.handle)->signal == SIGTERM);  // asked again: the same answer
}

TEST_CASE("driver: a task that cannot start is an error of start, not an exit code") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::exec);
    auto missing = driver.start(task_spec(dir.path, "no-such-command-hjob", {}));
    CHECK_FALSE(missing.handle);
    CHECK(missing.error.find("no-such-command-hjob") != std::string::npos);
    auto spec = task_spec(dir.path, "/bin/true", {});
    spec.work_dir = "missing/dir";
    auto bad_dir = driver.start(spec);
    CHECK_FALSE(bad_dir.handle);
    CHECK(bad_dir.error.find("work_dir") != std::string::npos);
}

TEST_CASE("driver: a relative command resolves against the task directory") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::raw_exec);
    auto spec = task_spec(dir.path, "local/run.sh", {});
    fs::create_directories(fs::path(spec.alloc_dir) / "web/local");
    const fs::path script = fs::path(spec.alloc_dir) / "web/local/run.sh";
    std::ofstream(script) << "#!/bin/sh\nexit 7\n";
    fs::permissions(script, fs::perms::owner_all);
    auto started = driver.start(spec);
    REQUIRE(started.handle);
    CHECK(driver.wait(*started.handle, std::chrono::seconds(5))->exit_code == 7);
}

TEST_CASE("driver: the memory limit is enforced by cgroup v2 or RLIMIT_DATA and reported") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::raw_exec);
    auto spec = task_spec(dir.path, "/bin/sleep", {"30"});
    spec.memory_mb = 64;
    spec.cpu_mhz = 500;
    spec.kill_signal = "SIGTERM";
    auto started = driver.start(spec);
    REQUIRE(started.handle);
    std::string notes;
    for (const auto& n : started.notes) notes += n + "\n";
    INFO(notes);
    const int pid = started.handle->pid;
    if (notes.find("cgroup v2 memory.max") != std::string::npos) {
        const std::string cgroup = slurp("/proc/" + std::to_string(pid) + "/cgroup");
        CHECK(cgroup.find(spec.alloc_id + ".web") != std::string::npos);
    } else {
        CHECK(notes.find("memory: RLIMIT_DATA 64 MiB per process") != std::string::npos);
        CHECK(notes.find("cpu: not enforced") != std::string::npos);
        const std::string limits = slurp("/proc/" + std::to_string(pid) + "/limits");
        CHECK(std::regex_search(limits, std::regex("Max data size +67108864 +67108864 +bytes")));
    }
    driver.stop(*started.handle, SIGTERM, std::chrono::seconds(2));
}

TEST_CASE("driver: signal names as Nomad accepts them") {
    CHECK(drivers::signal_number("SIGINT") == SIGINT);
    CHECK(drivers::signal_number("sigterm") == SIGTERM);
    CHECK(drivers::signal_number("HUP") == SIGHUP);
    CHECK(drivers::signal_number("9") == SIGKILL);
    CHECK(drivers::signal_number("SIGNOPE") == 0);
    CHECK(drivers::signal_number("") == 0);
}
