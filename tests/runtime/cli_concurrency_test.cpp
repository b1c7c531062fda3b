// Writers against one state at the same time: two applies started together (exactly one
// succeeds, the other reports the lock and its holder), --lock-timeout waiting its turn,
// force-unlock, and kill -9 of applies at random moments, after which the database passes
// PRAGMA integrity_check and holds the old or the new version with its allocations, never a mix.
#include <catch2/catch.hpp>

#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "runtime/state/lock.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using hjob::test::run_hjob;
using hjob::test::hjob_path;
using hjob::test::small_job;
using hjob::test::TempDir;
namespace rs = hjob::runtime::state;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Starts `hjob ARGS` with its output in `log` (stdout and stderr); returns the pid.
pid_t spawn(const std::vector<std::string>& args, const std::string& log, const char* hold_ms = nullptr) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!std::freopen(log.c_str(), "w", stdout) || !std::freopen(log.c_str(), "a", stderr)) ::_exit(126);
        if (!std::freopen("/dev/null", "r", stdin)) ::_exit(126);
        if (hold_ms) ::setenv("HJOB_TEST_HOLD_LOCK_MS", hold_ms, 1);
        std::vector<std::string> all{hjob_path()};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_status(pid_t pid) {
    int st = 0;
    ::waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

}  // namespace

TEST_CASE("two applies started at the same moment - one succeeds and the other reports the lock") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto a = dir.write("a.hcl", small_job("web", 2, "a"));
    const auto b = dir.write("b.hcl", small_job("web", 2, "b"));
    REQUIRE(run_hjob({"node", "list", "--data-dir", data}).status == 0);  // the state exists: both race on the lock only
    // Each holds the lock 1.5 s once it has it: long enough for the other to find it taken even
    // on a loaded machine.
    const pid_t p1 = spawn({"apply", "--data-dir", data, "--auto-approve", a}, dir.path + "/1.log", "1500");
    const pid_t p2 = spawn({"apply", "--data-dir", data, "--auto-approve", b}, dir.path + "/2.log", "1500");
    const int s1 = wait_status(p1), s2 = wait_status(p2);
    const std::string l1 = hjob::test::read_file(dir.path + "/1.log"), l2 = hjob::test::read_file(dir.path + "/2.log");
    INFO(l1 << "\n----\n" << l2);
    REQUIRE(((s1 == 0 && s2 == 1) || (s1 == 1 && s2 == 0)));
    const std::string& loser = s1 == 1 ? l1 : l2;
    CHECK(has(loser, "is locked by another hjob command"));
    CHECK(has(loser, "Operation: apply"));
    CHECK(has(loser, "Who:       "));
    CHECK(has(loser, "Created:   "));
    CHECK(has(loser, "hjob force-unlock "));
    CHECK(has(run_hjob({"history", "--data-dir", data, "web"}).out, "Version     = 0 (current)"));
}

TEST_CASE("a writer waits its --lock-timeout for the holder and force-unlock needs the lock id") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto a = dir.write("a.hcl", small_job("web", 1, "a"));
    const auto b = dir.write("b.hcl", small_job("web", 1, "b"));
    REQUIRE(run_hjob({"node", "list", "--data-dir", data}).status == 0);
    const pid_t holder = spawn({"apply", "--data-dir", data, "--auto-approve", a}, dir.path + "/1.log", "1000");
    for (int i = 0; i < 500 && !rs::read_lock_info(data); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(rs::read_lock_info(data));
    auto wrong = run_hjob({"force-unlock", "--data-dir", data, "not-the-id"});
    CHECK(wrong.status == 1);
    CHECK(has(wrong.err, "does not match the lock"));
    auto waited = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--lock-timeout", "10s", b});
    INFO(waited.out << waited.err);
    CHECK(wait_status(holder) == 0);
    CHECK(waited.status == 0);
    CHECK(has(run_hjob({"history", "--data-dir", data, "web"}).out, "Version     = 1 (current)"));
    auto none = run_hjob({"force-unlock", "--data-dir", data, "x"});
    CHECK(none.status == 1);
    CHECK(has(none.err, "is not locked"));
}

namespace {

/// The state after a kill: intact, and the job (if any) at `last` or `last + 1` with exactly
/// its allocations. Returns the version found (-1: no job yet).
int check_consistent(const std::string& data, int last) {
    auto store = rs::Store::open(data);
    auto ic = store.db().prepare("PRAGMA integrity_check");
    REQUIRE(ic.step());
    REQUIRE(ic.text(0) == "ok");
    const auto job = store.job("web");
    if (!job) {
        REQUIRE(last == -1);
        CHECK(store.allocations("web").empty());
        return -1;
    }
    REQUIRE((job->current_version == last || job->current_version == last + 1));
    const auto versions = store.job_versions("web");
    REQUIRE(!versions.empty());
    REQUIRE(versions.front().version == job->current_version);
    CHECK(versions.front().job_modify_index == job->job_modify_index);
    int live = 0;
    for (const auto& a : store.allocations("web", true)) {
        CHECK(a.job_version == job->current_version);  // never new version with old allocations
        ++live;
    }
    CHECK(live == 2);
    int used = 0;
    for (const auto& [node, u] : store.node_usage()) used += u.allocations;
    CHECK(used == live);  // the usage rows moved with the allocations
    return job->current_version;
}

}  // namespace

TEST_CASE("kill -9 of apply at random moments leaves the old or the new version and never a mix") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const std::string files[2] = {dir.write("a.hcl", small_job("web", 2, "a")), dir.write("b.hcl", small_job("web", 2, "b"))};
    REQUIRE(run_hjob({"node", "list", "--data-dir", data}).status == 0);
    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<int> delay_us(0, 50'000);
    int version = -1, killed = 0, finished = 0;
    for (int i = 0; i < 60; ++i) {
        // Alternate the spec, so that every apply that gets through registers a new version.
        const auto& file = files[(version + 1) % 2];
        const pid_t pid = spawn({"apply", "--data-dir", data, "--auto-approve", file}, dir.path + "/apply.log");
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
        ::kill(pid, SIGKILL);
        (wait_status(pid) == -1 ? killed : finished)++;
        INFO("round " << i << ": " << hjob::test::read_file(dir.path + "/apply.log"));
        version = check_consistent(data, version);
    }
    WARN(killed << " applies killed, " << finished << " finished; version " << version);
    CHECK(killed > 0);
    auto status = run_hjob({"status", "--data-dir", data});
    CHECK(status.status == 0);
}
