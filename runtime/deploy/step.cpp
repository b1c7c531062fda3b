// The deployment watcher's step (step.hpp): judge, count, decide, in one write transaction
// per job; the next batch is an evaluation of its own afterwards.
#include "runtime/deploy/step.hpp"

#include <iostream>

#include "runtime/apply/evaluate.hpp"
#include "runtime/deploy/control.hpp"
#include "runtime/deploy/tracking.hpp"

namespace hjob::runtime::deploy {

namespace rs = runtime::state;

namespace {

std::vector<std::string> running_jobs(rs::Store& store) {
    std::vector<std::string> out;
    auto s = store.db().prepare("SELECT DISTINCT job_id FROM deployments WHERE status = 'running' ORDER BY job_id");
    while (s.step()) out.push_back(s.text(0));
    return out;
}

const ir::Group* group_of(const JobVersion& v, const std::string& name) {
    for (const auto& g : v.job.groups)
        if (g.name == name) return &g;
    return nullptr;
}

/// One running deployment during one step.
class Watch {
public:
    Watch(rs::Store& store, Deployment d, const JobVersion& v, UnixNanos now, HealthSource& source)
        : store_(store), d_(std::move(d)), before_(d_), v_(v), now_(now), source_(source) {}

    /// Returns whether an allocation turned healthy or canaries were promoted (a next batch may
    /// be due), and sets wrote().
    bool run() {
        auto tracking = load_tracking(store_, d_.id);
        auto allocs = store_.allocations(d_.job_id);
        for (auto& a : allocs) judge(a, tracking);
        count(allocs);
        if (!decide(allocs) && changed()) {
            d_.modify_index = index();
            store_.put_deployment(d_);
        }
        return progressed_;
    }
    bool wrote() const { return index_ != 0; }

private:
    Index index() {
        if (!index_) index_ = store_.next_index();
        return index_;
    }
    bool changed() const {
        if (d_.status != before_.status || d_.status_description != before_.status_description) return true;
        for (const auto& [name, g] : d_.groups) {
            const auto it = before_.groups.find(name);
            if (it == before_.groups.end()) return true;
            const auto& b = it->second;
            if (g.healthy != b.healthy || g.unhealthy != b.unhealthy || g.promoted != b.promoted ||
                g.require_progress_by != b.require_progress_by)
                return true;
        }
        return false;
    }

    void judge(Allocation& a, std::map<std::string, Tracking>& tracking) {
        if (a.deployment_id != d_.id || a.healthy || a.desired_status != "run") return;
        const ir::Group* g = group_of(v_, a.group);
        if (!g || !g->update || g->update->health_check == "manual") return;
        const auto& u = *g->update;
        auto [it, added] = tracking.try_emplace(a.id, Tracking{now_, 0});
        Tracking& t = it->second;
        const Tracking old = t;
        std::optional<bool> verdict;
        if (failed(a)) {
            verdict = false;
        } else if (healthy_now(a, *g, u.health_check, source_)) {
            if (!t.healthy_since) t.healthy_since = now_;
            if (now_ - t.healthy_since >= u.min_healthy_time) verdict = true;
        } else {
            t.healthy_since = 0;
            if (now_ - t.first_seen >= u.healthy_deadline) verdict = false;
        }
        if (added || old.healthy_since != t.healthy_since) save_tracking(store_, a.id, d_.id, t);
        if (!verdict) return;
        a.healthy = verdict;
        a.modify_index = index();
        store_.put_allocation(a);
        if (*verdict) {
            progressed_ = true;
            if (u.progress_deadline > 0) d_.groups[a.group].require_progress_by = now_ + u.progress_deadline;
        }
    }

    void count(const std::vector<Allocation>& allocs) {
        for (auto& [name, g] : d_.groups) g.healthy = g.unhealthy = 0;
        for (const auto& a : allocs) {
            if (a.deployment_id != d_.id || !a.healthy || !d_.groups.count(a.group)) continue;
            auto& g = d_.groups[a.group];
            if (!*a.healthy) ++g.unhealthy;
            else if (!a.terminal()) ++g.healthy;
        }
    }

    /// Failure, promotion or success; true when it wrote the deployment itself.
    bool decide(const std::vector<Allocation>& allocs) {
        for (const auto& [name, g] : d_.groups)
            if (g.unhealthy > 0) return fail_now("Failed due to unhealthy allocations");
        for (const auto& [name, g] : d_.groups) {
            const ir::Group* spec = group_of(v_, name);
            const bool deadline = spec && spec->update && spec->update->progress_deadline > 0;
            if (deadline && g.require_progress_by > 0 && now_ > g.require_progress_by && !complete(name, g, allocs))
                return fail_now("Failed due to progress deadline");
        }
        auto_promote();
        for (const auto& [name, g] : d_.groups)
            if (!complete(name, g, allocs)) return false;
        index();
        succeed(store_, d_);
        return true;
    }

    bool fail_now(const std::string& why) {
        index();
        fail(store_, d_, why, now_);
        return true;
    }

    /// Every canary group with auto_promote whose canaries are all healthy is promoted once all
    /// such groups are (Nomad promotes a deployment, not a group).
    void auto_promote() {
        bool waiting = false;
        for (const auto& [name, g] : d_.groups) {
            if (g.desired_canaries == 0 || g.promoted) continue;
            if (!g.auto_promote || healthy_canaries(store_, d_, name) < g.desired_canaries) return;
            waiting = true;
        }
        if (!waiting) return;
        index();
        promote(store_, d_, now_);
        progressed_ = true;
    }

    bool complete(const std::string& name, const DeploymentGroup& g, const std::vector<Allocation>& allocs) const {
        if (g.desired_canaries > 0 && !g.promoted) return false;
        if (g.healthy < g.desired_total) return false;
        for (const auto& a : allocs)
            if (a.group == name && !a.terminal() && a.job_version != d_.job_version) return false;
        return true;
    }

    rs::Store& store_;
    Deployment d_;
    const Deployment before_;
    const JobVersion& v_;
    UnixNanos now_;
    HealthSource& source_;
    Index index_ = 0;
    bool progressed_ = false;
};

/// Steps the running deployments of one job in one write transaction; then, when an
/// allocation turned healthy, evaluates the job for its next batch.
bool step_job(rs::Store& store, const std::string& job_id, UnixNanos now, HealthSource& source) {
    bool progressed = false, wrote = false;
    {
        auto tx = store.write();
        for (auto& d : store.deployments(job_id)) {
            if (d.status != "running") continue;
            const auto v = store.job_version(job_id, d.job_version);
            if (!v) continue;
            Watch w(store, std::move(d), *v, now, source);
            progressed |= w.run();
            wrote |= w.wrote();
        }
        tx.commit();
    }
    if (progressed) wrote |= apply::evaluate_job(store, job_id, "deployment-watcher", now).changed;
    return wrote;
}

}  // namespace

bool step(rs::Store& store, UnixNanos now) {
    CatalogHealth health(store);
    return step(store, now, health);
}

bool step(rs::Store& store, UnixNanos now, HealthSource& source) {
    bool wrote = false;
    for (const auto& job : running_jobs(store)) {
        try {
            wrote |= step_job(store, job, now, source);
        } catch (const std::exception& e) {
            std::cerr << "hjob: deployment watcher: job " << job << ": " << e.what() << '\n';
        }
    }
    return wrote;
}

}  // namespace hjob::runtime::deploy
