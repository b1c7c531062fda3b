// agent_bench: the agent with 500 tasks (issue 5, acceptance 8). Registers 5 nodes on a
// throwaway state, applies a job of 500 hashiapp instances with an http check every 10 s
// and no deployment (update.max_parallel = 0: the idle figure is the agent's, not a rollout's),
// without starting an agent, then starts `hjob agent`, and prints the time until all 500
// allocations are running, the agent's CPU use over a window while they sit idle (from
// /proc/<pid>/stat: utime + stime, the agent's own threads, not the tasks), and the time
// `hjob agent stop` takes to stop them all. Prints figures, asserts nothing.
// Usage: agent_bench [TASKS=500] [IDLE_SECONDS=30]
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "runtime/catalog/catalog.hpp"
#include "runtime/state/store.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::string bin = HJOB_BINARY_DIR;

std::string job(int count) {
    return "job \"bench\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    count = " + std::to_string(count) +
           "\n    update {\n      max_parallel = 0\n    }\n    network {\n      port \"http\" {}\n    }\n    service {\n      name = \"bench\"\n      port = \"http\"\n"
           "      check {\n        type     = \"http\"\n        path     = \"/health\"\n        interval = \"10s\"\n"
           "        timeout  = \"2s\"\n      }\n    }\n    task \"app\" {\n      driver = \"raw_exec\"\n      config {\n"
           "        command = \"" + bin + "/hashiapp\"\n      }\n      resources {\n        cpu    = 10\n"
           "        memory = 32\n      }\n    }\n  }\n}\n";
}

void run_hjob(const std::string& args) {
    const std::string cmd = "HJOB_NO_AGENT=1 " + bin + "/hjob " + args + " > /dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) {
        std::cerr << "agent_bench: failed: hjob " << args << '\n';
        std::exit(1);
    }
}

/// utime + stime of `pid` (or of one thread: "PID/task/TID") in clock ticks.
long cpu_ticks(const std::string& pid) {
    std::ifstream in("/proc/" + pid + "/stat");
    std::string line;
    std::getline(in, line);
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; rest >> field; ++i) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) {
            stime = std::stol(field);
            break;
        }
    }
    return utime + stime;
}

int count(hjob::runtime::state::Store& store, const char* status) {
    auto q = store.db().prepare("SELECT count(*) FROM allocations WHERE job_id = 'bench' AND client_status = ?");
    q.bind(1, status);
    return q.step() ? q.int32(0) : 0;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
    const int tasks = argc > 1 ? std::atoi(argv[1]) : 500;
    const int idle = argc > 2 ? std::atoi(argv[2]) : 30;
    char tmpl[] = "/tmp/hjob-agent-bench-XXXXXX";
    const std::string dir = std::string(::mkdtemp(tmpl)) + "/state";
    for (int i = 1; i <= 5; ++i)
        run_hjob("node register --data-dir " + dir + " --name bench-" + std::to_string(i) + " --cpu 100000 --memory 100000");
    {
        // Only the registered nodes: the local one's capacity is this machine's, too small.
        auto store = hjob::runtime::state::Store::open(dir);
        run_hjob("node eligibility --disable --data-dir " + dir + " " + *store.local_node_id());
    }
    std::ofstream(dir + "/../bench.hcl") << job(tasks);
    run_hjob("apply --data-dir " + dir + " --auto-approve --no-agent " + dir + "/../bench.hcl");

    const auto t0 = Clock::now();
    const pid_t agent = ::fork();
    if (agent == 0) {
        ::setsid();
        std::freopen((dir + "/agent.log").c_str(), "a", stderr);
        std::freopen("/dev/null", "r", stdin);
        ::execl((bin + "/hjob").c_str(), "hjob", "agent", "--data-dir", dir.c_str(), "--log-level", "error",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    auto store = hjob::runtime::state::Store::open(dir);
    int running = 0;
    while ((running = count(store, "running")) < tasks && seconds_since(t0) < 300)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const double start_s = seconds_since(t0);
    std::printf("agent_bench: %d of %d tasks running after %.2f s (%.1f ms per task)\n", running, tasks, start_s,
                1000 * start_s / tasks);

    std::this_thread::sleep_for(std::chrono::seconds(12));  // every check has run once
    const long hz = ::sysconf(_SC_CLK_TCK);
    const std::string task_dir = "/proc/" + std::to_string(agent) + "/task";
    std::map<std::string, long> threads;  // the agent's threads, by id in start order
    for (const auto& e : fs::directory_iterator(task_dir))
        threads[e.path().filename().string()] = cpu_ticks(std::to_string(agent) + "/task/" + e.path().filename().string());
    const long before = cpu_ticks(std::to_string(agent));
    const auto t1 = Clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(idle));
    const double cpu = double(cpu_ticks(std::to_string(agent)) - before) / hz, wall = seconds_since(t1);
    std::string per_thread;
    for (const auto& [tid, ticks] : threads)
        per_thread += " " + std::to_string(cpu_ticks(std::to_string(agent) + "/task/" + tid) - ticks);
    std::printf("agent_bench: CPU ticks per agent thread (by thread id; the main loop and the check thread lead):%s\n",
                per_thread.c_str());
    int passing = 0;
    for (const auto& i : hjob::runtime::catalog::Catalog(store).list("bench")) passing += i.status == "passing";
    std::printf("agent_bench: idle with %d tasks and %d passing http checks every 10 s: %.2f s of CPU in %.1f s = %.2f%% "
                "of one core\n", tasks, passing, cpu, wall, 100 * cpu / wall);

    const auto t2 = Clock::now();
    ::kill(agent, SIGTERM);
    ::waitpid(agent, nullptr, 0);
    std::printf("agent_bench: agent stop with %d tasks took %.2f s\n", tasks, seconds_since(t2));
    fs::remove_all(fs::path(dir).parent_path());
    return 0;
}
