// A figure, not a pass/fail test (hidden: run it by name): how long the raw_exec driver takes to
// start 500 tasks (directories, FIFOs, fork/exec, log copier), and the CPU the driver's threads
// use while they sit idle.   build/tests/hjob_runtime_tests "[driver-bench]"
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <csignal>
#include <cstdio>

#include "driver_support.hpp"

using namespace hjob;
using namespace hjob::test;

TEST_CASE("driver bench: start, idle and stop 500 tasks", "[.][driver-bench]") {
    ScratchDir dir;
    drivers::ExecDriver driver(drivers::ExecDriver::Mode::raw_exec);
    std::vector<drivers::TaskHandle> tasks;
    auto cpu = [] {
        rusage u{};
        ::getrusage(RUSAGE_SELF, &u);
        return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    };
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 500; ++i) {
        auto spec = task_spec(dir.path, "/bin/sleep", {"300"});
        spec.alloc_id = "alloc-" + std::to_string(i);
        spec.alloc_dir = (dir.path / spec.alloc_id).string();
        auto started = driver.start(spec);
        REQUIRE(started.handle);
        tasks.push_back(*started.handle);
    }
    const double start_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu0 = cpu();
    std::this_thread::sleep_for(std::chrono::seconds(10));
    const double idle = cpu() - cpu0;
    const auto t1 = std::chrono::steady_clock::now();
    for (const auto& t : tasks) driver.stop(t, SIGTERM, std::chrono::seconds(2));
    const double stop_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    std::printf("500 raw_exec tasks: started in %.2f s (%.1f ms each), idle driver %.3f%% of one core, stopped in %.2f s\n",
                start_s, start_s * 2, 100 * idle / 10, stop_s);
}
