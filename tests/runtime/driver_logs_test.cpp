// Log rotation: the rotator on its own, and a real task's output split at the size limit with
// only the newest max_files kept, as Nomad names them (alloc/logs/<task>.stdout.N).
#include <catch2/catch.hpp>

#include "driver_support.hpp"
#include "runtime/drivers/log_rotator.hpp"

using namespace hjob;
using namespace hjob::test;

TEST_CASE("driver: the log rotator splits at the size limit and keeps the newest files") {
    ScratchDir dir;
    {
        drivers::LogRotator out(dir.path, "web.stdout", 3, 100);
        std::string all;
        for (int i = 0; i < 100; ++i) all += "0123456789";  // 1000 bytes in ten-byte writes
        for (std::size_t i = 0; i < all.size(); i += 10) REQUIRE(out.write(std::string_view(all).substr(i, 10)));
        CHECK(out.index() == 10);
    }
    CHECK_FALSE(fs::exists(dir.path / "web.stdout.7"));
    CHECK(fs::file_size(dir.path / "web.stdout.8") == 100);
    CHECK(fs::file_size(dir.path / "web.stdout.9") == 100);
    CHECK(fs::file_size(dir.path / "web.stdout.10") == 0);
    drivers::LogRotator again(dir.path, "web.stdout", 3, 100);  // after an agent restart
    CHECK(again.index() == 10);
    REQUIRE(again.write(std::string(150, 'x')));
    CHECK(again.index() == 11);
    CHECK(fs::file_size(dir.path / "web.stdout.10") == 100);
    CHECK(fs::file_size(dir.path / "web.stdout.11") == 50);
    CHECK_FALSE(fs::exists(dir.path / "web.stdout.8"));
}

TEST_CASE("driver: a task's output rotates at the logs stanza's size limit") {
    ScratchDir dir;
    drivers::ExecDriver driver(drivers::ExecDriver::Mode::raw_exec);
    auto spec = task_spec(dir.path, "/bin/sh",
                          {"-c", "i=0; while [ $i -lt 500 ]; do printf '%099d\\n' 0; i=$((i+1)); done"});
    spec.log_rotate_bytes = 10240;  // 500 lines of 100 bytes: files 0-3 full, 4 partial
    spec.log_max_files = 3;
    auto started = driver.start(spec);
    REQUIRE(started.handle);
    REQUIRE(driver.wait(*started.handle, std::chrono::seconds(10)));
    const fs::path logs = fs::path(spec.alloc_dir) / "alloc/logs";
    CHECK_FALSE(fs::exists(logs / "web.stdout.1"));
    CHECK(fs::file_size(logs / "web.stdout.2") == 10240);
    CHECK(fs::file_size(logs / "web.stdout.3") == 10240);
    CHECK(fs::file_size(logs / "web.stdout.4") == 50000 - 4 * 10240);
}
