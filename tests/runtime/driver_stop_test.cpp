// Stopping and adopting tasks with real processes: the whole process group ends, kill_timeout
// escalates to SIGKILL, and adoption after an agent restart refuses a pid that is not the task.
#include <catch2/catch.hpp>

#include <csignal>

#include "driver_support.hpp"
#include "runtime/drivers/proc.hpp"

using namespace hjob;
using namespace hjob::test;
using drivers::ExecDriver;
using namespace std::chrono_literals;

namespace {

/// Waits until the task's stdout log contains `text`.
bool logged(const drivers::TaskSpec& spec, const std::string& text) {
    return eventually([&] { return slurp(fs::path(spec.alloc_dir) / "alloc/logs/web.stdout.0").find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("driver: stop ends the task's children with it (counted by process group)") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::raw_exec);
    auto started = driver.start(task_spec(dir.path, "/bin/sh", {"-c", "sleep 60 & sleep 60 & echo spawned; wait"}));
    REQUIRE(started.handle);
    const int pgid = started.handle->pid;
    REQUIRE(eventually([&] { return drivers::group_members(pgid).size() == 3; }));  // sh and two sleeps
    const auto res = driver.stop(*started.handle, SIGTERM, 3s);
    CHECK_FALSE(res.escalated);
    REQUIRE(res.status);
    CHECK(res.status->signal == SIGTERM);
    CHECK(drivers::group_members(pgid).empty());
}

TEST_CASE("driver: kill_timeout escalates to SIGKILL for a task that ignores SIGINT") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::exec);
    const auto spec = task_spec(dir.path, "/bin/sh", {"-c", "trap '' INT; echo ready; sleep 60 & wait"});
    auto started = driver.start(spec);
    REQUIRE(started.handle);
    REQUIRE(logged(spec, "ready"));
    const auto t0 = std::chrono::steady_clock::now();
    const auto res = driver.stop(*started.handle, SIGINT, 300ms);
    const auto took = std::chrono::steady_clock::now() - t0;
    CHECK(res.escalated);
    REQUIRE(res.status);
    CHECK(res.status->signal == SIGKILL);
    CHECK(took >= 300ms);
    CHECK(took < 3s);
    CHECK(drivers::group_members(started.handle->pid).empty());
}

TEST_CASE("driver: a task that handles kill_signal stops without escalation") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::raw_exec);
    const auto spec = task_spec(dir.path, hashiapp, {"--port", "0"});
    auto started = driver.start(spec);
    REQUIRE(started.handle);
    REQUIRE(logged(spec, "listening on"));
    const auto res = driver.stop(*started.handle, drivers::signal_number(spec.kill_signal), 5s);
    CHECK_FALSE(res.escalated);
    REQUIRE(res.status);
    CHECK(res.status->exit_code == 0);  // hashiapp exits cleanly on SIGINT
    CHECK(logged(spec, "hashiapp stopped"));  // the last words reach the log after the stop
}

TEST_CASE("driver: a restarted agent adopts a running task and refuses a pid whose start time differs") {
    ScratchDir dir;
    const auto spec = task_spec(dir.path, "/bin/sh", {"-c", "echo before; sleep 60"});
    drivers::TaskHandle recorded;
    {
        ExecDriver first(ExecDriver::Mode::raw_exec);
        auto started = first.start(spec);
        REQUIRE(started.handle);
        recorded = *started.handle;
        REQUIRE(logged(spec, "before"));
    }  // the first agent is gone; the task runs on
    ExecDriver second(ExecDriver::Mode::raw_exec);
    REQUIRE_FALSE(second.try_wait(recorded));

    std::string why;
    auto recycled = recorded;
    recycled.start_ticks += 1;
    CHECK_FALSE(second.adopt(recycled, &why));
    CHECK(why.find("start time differs") != std::string::npos);
    auto rebooted = recorded;
    rebooted.boot_id = "00000000-0000-0000-0000-000000000000";
    CHECK_FALSE(second.adopt(rebooted, &why));
    CHECK(why.find("rebooted") != std::string::npos);

    auto adopted = second.adopt(recorded, &why);
    REQUIRE(adopted);
    const auto res = second.stop(*adopted, SIGTERM, 3s);
    CHECK_FALSE(res.escalated);
    CHECK(drivers::group_members(recorded.pid).empty());
    CHECK_FALSE(second.adopt(recorded, &why));
    CHECK(why.find("no longer running") != std::string::npos);
}

TEST_CASE("driver: a process that is not the agent's child is seen running and seen ending") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::raw_exec);
    auto spec = task_spec(dir.path, "/bin/sh", {"-c", "sleep 60 & echo $! > ../child.pid"});
    auto started = driver.start(spec);
    REQUIRE(started.handle);
    REQUIRE(driver.wait(*started.handle, 5s));
    const int grandchild = std::stoi(slurp(fs::path(spec.alloc_dir) / "child.pid"));
    const auto stat = drivers::proc_stat(grandchild);
    REQUIRE(stat);
    drivers::TaskHandle h = *started.handle;
    h.pid = grandchild, h.start_ticks = stat->start_ticks, h.logs_disabled = true;
    std::string why;
    REQUIRE(driver.adopt(h, &why));
    CHECK_FALSE(driver.try_wait(h));  // not our child: judged by /proc
    ::kill(grandchild, SIGKILL);
    const auto end = driver.wait(h, 5s);
    REQUIRE(end);
    CHECK(end->exit_code == -1);  // no status for a process we did not start
}

TEST_CASE("driver: a task keeps running and logging across an agent restart (the FIFO design)") {
    ScratchDir dir;
    const auto spec = task_spec(dir.path, "/bin/sh", {"-c", "echo one; while [ ! -e ../go ]; do sleep 0.01; done; echo two; touch ../wrote; sleep 60"});
    drivers::TaskHandle recorded;
    {
        ExecDriver first(ExecDriver::Mode::raw_exec);
        auto started = first.start(spec);
        REQUIRE(started.handle);
        recorded = *started.handle;
        REQUIRE(logged(spec, "one"));
    }  // no reader of the task's output now
    std::ofstream(fs::path(spec.alloc_dir) / "go") << "";
    REQUIRE(eventually([&] { return fs::exists(fs::path(spec.alloc_dir) / "wrote"); }));  // "two" went out unread
    ExecDriver second(ExecDriver::Mode::raw_exec);
    CHECK_FALSE(second.try_wait(recorded));  // no SIGPIPE
    std::string why;
    REQUIRE(second.adopt(recorded, &why));
    CHECK(logged(spec, "one\ntwo\n"));  // what it wrote while no agent read reaches the log
    second.stop(recorded, SIGTERM, 2s);
}

TEST_CASE("driver: stopping a task that already ended returns at once with its status") {
    ScratchDir dir;
    ExecDriver driver(ExecDriver::Mode::raw_exec);
    auto started = driver.start(task_spec(dir.path, "/bin/sh", {"-c", "exit 4"}));
    REQUIRE(started.handle);
    REQUIRE(eventually([&] { return drivers::group_members(started.handle->pid).empty(); }));
    const auto t0 = std::chrono::steady_clock::now();
    const auto res = driver.stop(*started.handle, SIGINT, 5s);
    CHECK(std::chrono::steady_clock::now() - t0 < 1s);
    CHECK_FALSE(res.escalated);
    REQUIRE(res.status);
    CHECK(res.status->exit_code == 4);
}
