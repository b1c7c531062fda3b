// An allocation's tasks together (alloc_runner.hpp).
#include "alloc_runner.hpp"

#include "find_task.hpp"

namespace hjob::runtime::agent {

AllocRunner::AllocRunner(Allocation alloc, Node node, std::shared_ptr<const JobVersion> version,
                         const std::string& data_dir, RunnerDeps& deps) {
    ctx_.alloc = std::move(alloc);
    ctx_.node = std::move(node);
    ctx_.version = std::move(version);
    if (ctx_.version)
        for (const auto& g : ctx_.version->job.groups)
            if (g.name == ctx_.alloc.group) ctx_.group = &g;
    ctx_.alloc_dir = data_dir + "/allocs/" + ctx_.alloc.id;
    if (!ctx_.group) return;  // the version has no such group: nothing to run (done() at once)
    for (const auto& t : ctx_.group->tasks) tasks_.push_back(std::make_unique<TaskRunner>(ctx_, t, deps));
}

void AllocRunner::start(std::map<std::string, StoredHandle>& handles, UnixNanos now) {
    for (auto& t : tasks_) {
        auto it = handles.find(ctx_.alloc.id + "/" + t->name());
        const bool known = ctx_.alloc.task_states.count(t->name()) > 0;
        if (it != handles.end()) {
            t->adopt(it->second.driver, it->second.handle, now);
            handles.erase(it);
        } else if (known && t->state().state == "dead") {
            continue;  // finished before the agent restarted
        } else if (known && t->state().state == "running") {
            // The state says running but no handle: the agent died between the start and the
            // handle's write, or the process ended unseen.
            // Treat it as an exit, unless its process is found by its environment.
            const auto found = find_task_process(ctx_.alloc.id, t->name(), ctx_.alloc_dir);
            t->adopt(found ? t->driver_name() : "",
                     found ? *found : drivers::TaskHandle{0, 0, "", ctx_.alloc.id, t->name(), ctx_.alloc_dir}, now);
        } else {
            t->start(now);
        }
    }
    ctx_.dirty = true;
}

void AllocRunner::update(const Allocation& fresh) {
    auto& a = ctx_.alloc;
    a.desired_status = fresh.desired_status;
    a.desired_description = fresh.desired_description;
    a.deployment_id = fresh.deployment_id;
    a.healthy = fresh.healthy;
    a.canary = fresh.canary;
}

void AllocRunner::on_exit(const std::string& task, UnixNanos now) {
    for (auto& t : tasks_)
        if (t->name() == task) t->on_exit(now);
}

void AllocRunner::tick(UnixNanos now) {
    const bool stop = ctx_.alloc.desired_status != "run";
    bool failed = false;
    for (auto& t : tasks_) failed = failed || (t->dead() && t->state().failed);
    for (auto& t : tasks_) {
        if (stop) t->kill(ctx_.alloc.desired_description.empty() ? "allocation stopped" : ctx_.alloc.desired_description, now);
        else if (failed && !t->dead()) t->kill("a sibling task failed", now);
        t->tick(now);
    }
    const auto status = client_status();
    if (status != ctx_.alloc.client_status) {
        ctx_.alloc.client_status = status;
        ctx_.dirty = true;
    }
}

std::string AllocRunner::client_status() const {
    if (tasks_.empty()) return ctx_.alloc.desired_status == "run" ? "failed" : "complete";
    bool failed = false, running = false, pending = false;
    for (const auto& t : tasks_) {
        const auto& s = const_cast<TaskRunner&>(*t).state();
        if (s.state == "running") running = true;
        else if (s.state == "pending") pending = true;
        else if (s.failed) failed = true;
    }
    if (failed && !running) return "failed";
    if (running) return "running";
    if (pending) return "pending";
    return failed ? "failed" : "complete";
}

void AllocRunner::kill(const std::string& reason, UnixNanos now, bool suspend) {
    for (auto& t : tasks_) t->kill(reason, now, suspend);
}

void AllocRunner::leave() {
    for (auto& t : tasks_) t->leave();
}

bool AllocRunner::done() const {
    for (const auto& t : tasks_)
        if (!t->dead()) return false;
    return true;
}

}  // namespace hjob::runtime::agent
