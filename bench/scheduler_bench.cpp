// Scheduler benchmark: one service job with count 1,000,000 on 10,000 nodes (varied capacity,
// attributes for constraints, two dynamic ports per allocation), then a system job on the same
// nodes. Prints placements per second for the scheduler core (GroupPlacer::place) and for the
// whole planner (make_plan, which also builds every Allocation), the time to plan an update
// over those million allocations, and peak RSS. Figures only.
// Usage: scheduler_bench [NODES] [COUNT]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "runtime/plan/plan.hpp"
#include "runtime/scheduler/placer.hpp"

using namespace hjob;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<runtime::Node> make_nodes(int count) {
    std::vector<runtime::Node> nodes;
    nodes.reserve(count);
    for (int i = 0; i < count; ++i) {
        runtime::Node n;
        char id[40];
        std::snprintf(id, sizeof id, "%08x-0000-4000-8000-%012d", i, i);
        n.id = id;
        n.name = "node-" + std::to_string(i);
        n.datacenter = "dc" + std::to_string(1 + i % 4);
        n.node_class = i % 3 == 0 ? "large" : "small";
        n.attributes = {{"kernel.name", i % 20 == 7 ? "windows" : "linux"},
                        {"cpu.arch", "amd64"},
                        {"driver.docker.version", i % 10 == 3 ? "19.03.1" : "24.0.7"},
                        {"unique.hostname", n.name}};
        n.meta = {{"rack", "r" + std::to_string(i % 50)}};
        n.drivers = {"docker", "exec"};
        n.cpu_mhz = 16000 * (1 + i % 4);
        n.memory_mb = 32768 * (1 + (i / 4) % 4);
        n.disk_mb = 500000;
        nodes.push_back(std::move(n));
    }
    return nodes;
}

ir::Job make_job(const std::string& type, int count) {
    ir::Job job;
    job.id = job.name = type == "system" ? "agent" : "web";
    job.type = type;
    job.constraints = {{"${attr.kernel.name}", "=", "linux"}, {"${attr.driver.docker.version}", "version", ">= 20.0"}};
    ir::Group g;
    g.name = "app";
    g.count = count;
    g.ephemeral_disk.size_mb = 100;
    ir::Network net;
    net.dynamic_ports = {ir::Port{"http", 0, 8080}, ir::Port{"metrics", 0, 9100}};
    g.networks.push_back(net);
    ir::Task t;
    t.name = "server";
    t.driver = "docker";
    t.config = {{"image", "nginx:1.27"}};
    t.resources.cpu = 20;
    t.resources.memory_mb = 32;
    g.tasks.push_back(t);
    if (type == "service") g.update = ir::UpdateStrategy{};
    job.groups.push_back(g);
    return job;
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
    const int node_count = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int count = argc > 2 ? std::atoi(argv[2]) : 1000000;
    const auto nodes = make_nodes(node_count);
    std::printf("scheduler_bench: %d nodes, service count %d\n", node_count, count);

    {  // The scheduler core: feasibility once per node, then `count` placements.
        const ir::Job job = make_job("service", count);
        auto t0 = Clock::now();
        auto cluster = runtime::sched::Cluster::build(nodes, {});
        runtime::sched::GroupPlacer placer(cluster, job, job.groups[0], 1);
        const double setup = seconds_since(t0);
        std::vector<int> ports;
        int placed = 0;
        t0 = Clock::now();
        for (int i = 0; i < count; ++i) placed += placer.place(ports) != runtime::sched::no_node;
        const double s = seconds_since(t0);
        std::printf("core    service: %d placed in %.3f s (setup %.3f s): %.0f placements/s, peak RSS %.0f MB\n", placed, s,
                    setup, placed / s, peak_rss_mb());
    }
    {  // The core with a spread over 50 racks: up to 64 candidates scored per placement.
        ir::Job job = make_job("service", count / 10);
        job.spreads.push_back(ir::Spread{"${meta.rack}", 50, {}});
        auto cluster = runtime::sched::Cluster::build(nodes, {});
        runtime::sched::GroupPlacer placer(cluster, job, job.groups[0], 1);
        std::vector<int> ports;
        int placed = 0;
        const auto t0 = Clock::now();
        for (int i = 0; i < count / 10; ++i) placed += placer.place(ports) != runtime::sched::no_node;
        const double s = seconds_since(t0);
        std::printf("core    spread:  %d placed in %.3f s: %.0f placements/s\n", placed, s, placed / s);
    }
    {  // The whole planner: diff, reconcile, placements and one Allocation per placement.
        const ir::Job job = make_job("service", count);
        runtime::PlanInput in;
        in.job = &job;
        in.nodes = nodes;
        in.id_seed = "bench";
        const auto t0 = Clock::now();
        const runtime::Plan plan = runtime::make_plan(in);
        const double s = seconds_since(t0);
        std::printf("plan    service: %zu placed in %.3f s: %.0f placements/s, %zu failed groups, peak RSS %.0f MB\n",
                    plan.place.size(), s, plan.place.size() / s, plan.failures.size(), peak_rss_mb());
    }
    {  // Planning again over the million allocations: a new image, rolled one at a time.
        const ir::Job job = make_job("service", count);
        runtime::PlanInput first;
        first.job = &job;
        first.nodes = nodes;
        first.id_seed = "bench";
        runtime::JobVersion current;
        current.job = job;
        runtime::PlanInput in;
        in.job_allocs = runtime::make_plan(first).place;
        for (auto& a : in.job_allocs) a.client_status = "running";
        ir::Job next = job;
        next.groups[0].tasks[0].config["image"] = "nginx:1.28";
        in.job = &next;
        in.current = &current;
        in.nodes = nodes;
        in.id_seed = "bench2";
        const auto t0 = Clock::now();
        const runtime::Plan plan = runtime::make_plan(in);
        const double s = seconds_since(t0);
        std::printf("replan  service: %zu allocations classified in %.3f s (%d create/destroy, %d ignored), peak RSS %.0f MB\n",
                    in.job_allocs.size(), s, plan.groups.at(0).destructive, plan.groups.at(0).ignore, peak_rss_mb());
    }
    {  // A system job: one allocation per feasible node; best of 5 runs (each is short).
        const ir::Job job = make_job("system", 1);
        runtime::PlanInput in;
        in.job = &job;
        in.nodes = nodes;
        in.id_seed = "bench";
        double best = 1e9;
        std::size_t placed = 0;
        for (int run = 0; run < 5; ++run) {
            const auto t0 = Clock::now();
            const runtime::Plan plan = runtime::make_plan(in);
            best = std::min(best, seconds_since(t0));
            placed = plan.place.size();
        }
        std::printf("plan    system:  %zu placed in %.3f s: %.0f placements/s, peak RSS %.0f MB\n", placed, best,
                    placed / best, peak_rss_mb());
    }
    return 0;
}
