// The cgroup v2 branch of the limits on a stand-in cgroup directory (this test machine may have
// no delegated cgroup v2): the files a task cgroup gets, and Nomad's cpu weight conversion.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "driver_support.hpp"
#include "runtime/drivers/limits.hpp"

using namespace hjob;
using namespace hjob::test;

TEST_CASE("driver: a task cgroup gets memory.max from memory_max or memory, and cpu.weight") {
    ScratchDir root;
    auto spec = task_spec(root.path, "/bin/true", {});
    spec.memory_mb = 128;
    spec.cpu_mhz = 500;
    auto plan = drivers::plan_limits(spec, root.path.string(), "");
    const fs::path dir = root.path / (spec.alloc_id + ".web");
    CHECK(plan.cgroup == dir.string());
    CHECK(plan.rlimit_data_bytes == 0);
    CHECK(slurp(dir / "memory.max") == "134217728");
    CHECK(slurp(dir / "cpu.weight") == std::to_string(drivers::cpu_weight(500)));
    spec.memory_max_mb = 256;
    plan = drivers::plan_limits(spec, root.path.string(), "");
    CHECK(slurp(dir / "memory.max") == "268435456");
    CHECK(plan.notes.at(0).find("256 MiB for the whole task") != std::string::npos);
}

TEST_CASE("driver: without cgroup v2 the memory limit is RLIMIT_DATA and cpu is reported unenforced") {
    ScratchDir root;
    auto spec = task_spec(root.path, "/bin/true", {});
    spec.memory_mb = 300;
    const auto plan = drivers::plan_limits(spec, "", "/sys/fs/cgroup is not a cgroup v2 hierarchy");
    CHECK(plan.cgroup.empty());
    CHECK(plan.rlimit_data_bytes == 300LL << 20);
    REQUIRE(plan.notes.size() == 3);
    CHECK(plan.notes[0] == "cgroup v2 not used: /sys/fs/cgroup is not a cgroup v2 hierarchy");
    CHECK(plan.notes[2].find("cpu: not enforced") == 0);
}

TEST_CASE("driver: HJOB_CGROUP_ROOT is used only when it delegates memory and cpu") {
    ScratchDir root;
    std::ofstream(root.path / "cgroup.subtree_control") << "cpuset cpu io memory pids\n";
    ::setenv("HJOB_CGROUP_ROOT", root.path.c_str(), 1);
    std::string why;
    CHECK(drivers::cgroup_root(&why) == root.path.string());
    std::ofstream(root.path / "cgroup.subtree_control") << "pids\n";
    CHECK(drivers::cgroup_root(&why).empty());
    CHECK(why.find("does not delegate") != std::string::npos);
    ::unsetenv("HJOB_CGROUP_ROOT");
}

TEST_CASE("driver: Nomad's cpu MHz to cpu.weight conversion") {
    CHECK(drivers::cpu_weight(2) == 1);
    CHECK(drivers::cpu_weight(262144) == 10000);
    CHECK(drivers::cpu_weight(1024) == 39);  // 1 + (1022 * 9999) / 262142
    CHECK(drivers::cpu_weight(0) == 1);
}
