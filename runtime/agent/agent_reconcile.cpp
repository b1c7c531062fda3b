// From the state to the runners and back (agent_impl.hpp): which allocations of the hosted
// nodes should run, the client status and task states written back, evaluations asked of the
// planner when allocations fail or nodes drain.
#include "agent_impl.hpp"

#include <set>

#include "runtime/apply/evaluate.hpp"
#include "runtime/state/model_json.hpp"

namespace hjob::runtime::agent {

namespace {

bool live(const std::string& client_status) { return client_status == "pending" || client_status == "running"; }

/// Allocations still held by a failed one's replacement are rescheduled by the planner; it may
/// have to wait for the reschedule delay, so such jobs are evaluated again this many times,
/// every few seconds.
constexpr int reschedule_evaluations = 720;
constexpr UnixNanos reschedule_every = 5'000'000'000;

}  // namespace

bool Agent::Impl::state_changed() {
    auto s = store.db().prepare("PRAGMA data_version");
    const auto v = s.step() ? s.integer(0) : 0;
    const bool changed = v != data_version;
    data_version = v;
    return changed;
}

std::shared_ptr<const JobVersion> Agent::Impl::version(const std::string& job_id, int v) {
    const auto key = std::make_pair(job_id, v);
    if (auto it = versions.find(key); it != versions.end()) return it->second;
    auto jv = store.job_version(job_id, v);
    if (!jv) return nullptr;
    return versions[key] = std::make_shared<const JobVersion>(std::move(*jv));
}

void Agent::Impl::reconcile(UnixNanos now) {
    need_reconcile = false;
    const auto nodes = store.nodes();
    std::map<std::string, const Node*> hosted;
    for (const auto& n : nodes) hosted[n.id] = &n;
    std::set<std::string> jobs;
    {
        auto q = store.db().prepare("SELECT DISTINCT job_id FROM allocations WHERE client_status IN ('pending','running')");
        while (q.step()) jobs.insert(q.text(0));
    }
    for (const auto& [id, r] : allocs) jobs.insert(r->context().alloc.job_id);
    std::set<std::string> seen;
    for (const auto& job : jobs)
        for (const auto& a : store.allocations(job)) {
            auto node = hosted.find(a.node_id);
            if (node == hosted.end()) continue;  // its node was removed: the runner below stops it
            seen.insert(a.id);
            if (auto it = allocs.find(a.id); it != allocs.end()) it->second->update(a);
            else if (live(a.client_status)) start_alloc(a, *node->second, now);
        }
    for (auto& [id, r] : allocs)
        if (!seen.count(id)) r->kill("allocation no longer in the state", now);
    evaluate_nodes(nodes);
}

void Agent::Impl::start_alloc(const Allocation& a, const Node& node, UnixNanos now) {
    if (a.desired_status != "run") {
        // Never ran under this agent and no longer wanted: complete it (a process an earlier
        // agent left is an orphan that stop_orphans ends).
        auto copy = a;
        copy.client_status = "complete";
        for (auto& [name, ts] : copy.task_states)
            if (ts.state != "dead") ts.state = "dead", ts.finished_at = now;
        auto r = std::make_unique<AllocRunner>(copy, node, nullptr, opt.data_dir, deps);
        r->context().dirty = true;
        allocs[a.id] = std::move(r);
        return;
    }
    // A replacement waits until the allocation it replaces is stopped (as Nomad's client waits
    // for the previous allocation): the planner hands it the ports that one frees. (DEPLOY)
    if (auto prev = allocs.find(a.previous_allocation); prev != allocs.end() && !prev->second->done()) {
        need_reconcile = true;  // look again next tick
        return;
    }
    auto v = version(a.job_id, a.job_version);
    if (!v) return;
    auto r = std::make_unique<AllocRunner>(a, node, v, opt.data_dir, deps);
    log(1, "agent: running allocation " + a.id.substr(0, 8) + " (" + a.name + ") on node " + node.name);
    r->start(handles, now);
    allocs[a.id] = std::move(r);
}

// Processes of an earlier agent that no allocation claims: stop them, in the background.
void Agent::Impl::stop_orphans() {
    for (auto& [key, h] : handles) {
        remove_handle(store, h.handle.alloc_id, h.handle.task);
        drivers::Driver* d = h.driver == "exec" ? static_cast<drivers::Driver*>(&exec) : &raw_exec;
        std::string why;
        auto adopted = d->adopt(h.handle, &why);
        if (!adopted) continue;
        log(1, "agent: stopping orphan task " + key + " (pid " + std::to_string(adopted->pid) + ")");
        orphan_stops.push_back(std::async(std::launch::async, [d, a = *adopted] {
            d->stop(a, SIGTERM, std::chrono::seconds(5));
        }));
    }
    handles.clear();
}

void Agent::Impl::evaluate(const std::string& job_id, const std::string& reason) {
    try {
        const auto r = apply::evaluate_job(store, job_id, reason, now_nanos());
        if (r.changed) {
            log(1, "agent: evaluation: " + r.summary);
            need_reconcile = true;  // our own commit does not move data_version
        }
        if (!r.placed.empty()) reschedule.erase(job_id);
    } catch (const std::exception& e) {
        log(0, "agent: evaluation of job " + job_id + " failed: " + e.what());
    }
}

// Draining, ineligible or down nodes: their jobs are planned again (the planner migrates or
// stops what they hold), once per change of the node. Jobs with failed allocations too.
void Agent::Impl::evaluate_nodes(const std::vector<Node>& nodes) {
    std::set<std::string> jobs;
    for (const auto& n : nodes) {
        const bool leaving = n.draining || !n.eligible || n.status != "ready";
        if (!leaving) {
            drain_seen.erase(n.id);
            continue;
        }
        if (drain_seen.count(n.id) && drain_seen[n.id] == n.modify_index) continue;
        drain_seen[n.id] = n.modify_index;
        for (const auto& [id, r] : allocs)
            if (r->context().alloc.node_id == n.id) jobs.insert(r->context().alloc.job_id);
    }
    for (const auto& j : jobs) evaluate(j, "node-drain");
}

void Agent::Impl::flush(UnixNanos now) {
    std::vector<AllocRunner*> dirty;
    for (auto& [id, r] : allocs)
        if (r->context().dirty) dirty.push_back(r.get());
    if (!dirty.empty()) {
        auto tx = store.write();
        std::set<std::string> ended_nodes;
        for (auto* r : dirty) {
            const auto& a = r->context().alloc;
            if (!live(a.client_status)) ended_nodes.insert(a.node_id);
        }
        // Only terminal changes move the modify index: the planner reads them (usage,
        // rescheduling); running/pending and events would otherwise make every saved plan stale.
        const Index index = ended_nodes.empty() ? 0 : store.next_index();
        auto up = store.db().prepare(
            "UPDATE allocations SET client_status = ?, task_states = ?, modify_time = ?, "
            "modify_index = CASE WHEN ? > 0 THEN ? ELSE modify_index END WHERE id = ?");
        for (auto* r : dirty) {
            const auto& a = r->context().alloc;
            const Index i = live(a.client_status) ? 0 : index;
            up.reset();
            up.bind(1, a.client_status).bind(2, state::task_states_to_json(a.task_states).dump()).bind(3, now);
            up.bind(4, i).bind(5, i).bind(6, a.id).run();
            r->context().dirty = false;
        }
        if (!ended_nodes.empty()) store.refresh_usage(ended_nodes);
        tx.commit();
    }
    for (auto it = allocs.begin(); it != allocs.end();) {
        auto& a = it->second->context().alloc;
        if (!it->second->done() || live(a.client_status)) {
            ++it;
            continue;
        }
        if (a.client_status == "failed" && a.desired_status == "run") {
            reschedule[a.job_id] = reschedule_evaluations;
            last_reschedule = 0;  // evaluate at once; later tries wait for the reschedule delay
        }
        it = allocs.erase(it);
    }
    if (reschedule.empty() || now - last_reschedule < reschedule_every) return;
    last_reschedule = now;
    for (auto it = reschedule.begin(); it != reschedule.end();) {
        const auto job = it->first;
        if (--it->second <= 0) it = reschedule.erase(it);
        else ++it;
        evaluate(job, "alloc-failure");
    }
}

}  // namespace hjob::runtime::agent
