// The exit watcher: one thread hears tasks end through their pidfds, children or adopted.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <csignal>
#include <mutex>
#include <set>

#include "driver_support.hpp"
#include "runtime/drivers/exit_watcher.hpp"

using namespace hjob;
using namespace hjob::test;
using namespace std::chrono_literals;

TEST_CASE("driver: the exit watcher reports each task's end once, and not a forgotten one") {
    ScratchDir dir;
    drivers::ExecDriver driver(drivers::ExecDriver::Mode::raw_exec);
    std::mutex mu;
    std::multiset<int> ended;
    drivers::ExitWatcher watcher([&](const drivers::TaskHandle& h) {
        std::lock_guard lock(mu);
        ended.insert(h.pid);
    });
    auto spec = task_spec(dir.path, "/bin/sh", {"-c", "read never"});  // stdin is /dev/null: ends at once
    auto quick = driver.start(spec);
    spec.task = "slow", spec.command = "/bin/sleep", spec.args = {"30"};
    auto slow = driver.start(spec);
    spec.task = "forgotten";
    auto forgotten = driver.start(spec);
    REQUIRE((quick.handle && slow.handle && forgotten.handle));
    REQUIRE(watcher.watch(*quick.handle));
    REQUIRE(watcher.watch(*slow.handle));
    REQUIRE(watcher.watch(*forgotten.handle));
    REQUIRE(eventually([&] { std::lock_guard lock(mu); return ended.count(quick.handle->pid) == 1; }));
    {
        std::lock_guard lock(mu);
        CHECK(ended.count(slow.handle->pid) == 0);
    }
    watcher.forget(*forgotten.handle);
    ::kill(slow.handle->pid, SIGKILL);
    ::kill(forgotten.handle->pid, SIGKILL);
    REQUIRE(eventually([&] { std::lock_guard lock(mu); return ended.count(slow.handle->pid) == 1; }));
    CHECK(driver.wait(*forgotten.handle, 2s));
    CHECK(driver.try_wait(*slow.handle)->signal == SIGKILL);
    {
        std::lock_guard lock(mu);
        CHECK(ended.count(forgotten.handle->pid) == 0);
        CHECK(ended.size() == 2);
        ended.clear();
    }
    auto recycled = *slow.handle;  // a recorded pid that is no longer the task: reported at once
    recycled.start_ticks += 1;
    REQUIRE(watcher.watch(recycled));
    CHECK(eventually([&] { std::lock_guard lock(mu); return ended.count(recycled.pid) == 1; }));
}
