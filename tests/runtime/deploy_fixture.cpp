// Test helpers for evaluations and deployments (deploy_fixture.hpp).
#include "deploy_fixture.hpp"

#include <algorithm>

#include "../plan/plan_case.hpp"
#include "runtime/apply/plan_state.hpp"
#include "runtime/state/ids.hpp"

namespace hjob::test {

namespace rs = runtime::state;
using runtime::Allocation;

DeployState::DeployState() : store(rs::Store::open(dir.path + "/state")) {
    auto tx = store.write();
    store.next_index();
    for (const auto& n : default_nodes()) store.put_node(n);
    tx.commit();
}

runtime::apply::CommitResult DeployState::apply(const std::string& hcl) {
    const ir::Job job = compile_job(hcl);
    auto ps = runtime::apply::load_plan_state(store, job.id);
    const auto plan = runtime::make_plan(ps.take_input(job, rs::new_uuid()));
    if (!plan.errors.empty()) throw std::runtime_error(plan.errors.front());
    return runtime::apply::commit_plan(store, ps, runtime::apply::CommitRequest{&plan, &job, hcl, {}, false, false});
}

std::vector<Allocation> DeployState::live(const std::string& job) {
    auto all = store.allocations(job, true);
    std::sort(all.begin(), all.end(), [](auto& x, auto& y) { return std::tie(x.index, x.id) < std::tie(y.index, y.id); });
    return all;
}

void DeployState::put(const Allocation& a) {
    auto tx = store.write();
    Allocation copy = a;
    copy.modify_index = store.next_index();
    store.put_allocation(copy);
    tx.commit();
}

void DeployState::run_pending(const std::string& job, runtime::UnixNanos since) {
    for (Allocation a : live(job)) {
        if (a.client_status != "pending") continue;
        a.client_status = "running";
        const auto version = store.job_version(job, a.job_version);
        for (const auto& g : version->job.groups)
            if (g.name == a.group)
                for (const auto& t : g.tasks) {
                    runtime::TaskState ts;
                    ts.state = "running";
                    ts.started_at = since;
                    a.task_states[t.name] = ts;
                }
        put(a);
    }
}

void DeployState::fail(const std::string& alloc, runtime::UnixNanos at) {
    for (const auto& job : store.jobs())
        for (Allocation a : store.allocations(job.id))
            if (a.id == alloc) {
                a.client_status = "failed";
                for (auto& [name, ts] : a.task_states) ts.state = "dead", ts.failed = true, ts.finished_at = at;
                a.modify_time = at;
                put(a);
            }
}

void DeployState::drain(const std::string& node_id) {
    auto tx = store.write();
    auto n = *store.node(node_id);
    n.draining = true;
    n.eligible = false;
    n.modify_index = store.next_index();
    store.put_node(n);
    tx.commit();
}

runtime::Deployment DeployState::latest_deployment(const std::string& job) {
    auto all = store.deployments(job);
    if (all.empty()) throw std::runtime_error("no deployment of " + job);
    return all.front();
}

std::string service_job(const std::string& id, int count, const std::string& version, const std::string& update) {
    std::string u = update.empty() ? "" : "    update {\n" + update + "\n    }\n";
    return "job \"" + id + "\" {\n  datacenters = [\"dc1\"]\n  group \"web\" {\n    count = " + std::to_string(count) +
           "\n" + u + "    task \"server\" {\n      driver = \"raw_exec\"\n"
           "      config {\n        command = \"/bin/sleep\"\n        args    = [\"3600\"]\n      }\n"
           "      env {\n        VERSION = \"" + version + "\"\n      }\n    }\n  }\n}\n";
}

}  // namespace hjob::test
