// Following a rollout after apply (apply_follow.hpp): poll the state, print what changed.
#include "apply_follow.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <thread>

#include <unistd.h>

#include "deployment_show.hpp"
#include "stdlib/fn_time.hpp"
#include "runtime/state/ids.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;
using runtime::Deployment;

std::string stamp() { return rs::format_time(rs::now_nanos()); }

/// The longest progress_deadline of the groups the plan deploys, plus a minute: the watcher
/// fails a stuck deployment before that, so the timeout only catches a missing agent.
std::int64_t default_timeout(const ir::Job* job) {
    std::int64_t t = 0;
    if (job)
        for (const auto& g : job->groups)
            if (g.update) t = std::max<std::int64_t>(t, g.update->progress_deadline);
    return (t > 0 ? t : 300'000'000'000) + 60'000'000'000;
}

class Follower {
public:
    Follower(rs::Store& store, std::ostream& out, const FollowOptions& opt) : store_(store), out_(out), opt_(opt) {}

    /// Follows deployment `id` until it ends; returns it as it ended (or as last seen).
    Deployment deployment(const std::string& id, const std::string& job, std::int64_t deadline) {
        out_ << "==> " << stamp() << ": Monitoring deployment \"" << short_id(id) << "\"\n" << std::flush;
        Deployment last;
        std::string shown;
        while (true) {
            for (auto& d : store_.deployments(job))
                if (d.id == id) last = std::move(d);
            show(last, shown);
            if (last.status != "running" && last.status != "paused") break;
            if (rs::now_nanos() > deadline) {
                timed_out_ = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::nanoseconds(opt_.poll_ns));
        }
        lines_ = 0;
        return last;
    }
    bool timed_out() const { return timed_out_; }

private:
    void show(const Deployment& d, std::string& shown) {
        if (opt_.terminal) {
            const std::string block = "    " + stamp() + ": " + d.status_description + "\n\n" + deployment_status_text(d);
            if (lines_ > 0) out_ << "\033[" << lines_ << "A\033[J";  // back over the previous block
            out_ << block << std::flush;
            lines_ = static_cast<int>(std::count(block.begin(), block.end(), '\n'));
            return;
        }
        std::string now = d.status + ": " + d.status_description;
        for (const auto& [name, g] : d.groups)
            now += "; group " + name + ": " + std::to_string(g.desired_total) + " desired, " + std::to_string(g.placed) +
                   " placed, " + std::to_string(g.healthy) + " healthy, " + std::to_string(g.unhealthy) + " unhealthy";
        if (now == shown) return;
        shown = now;
        out_ << "    " << stamp() << ": " << now << '\n' << std::flush;
    }

    rs::Store& store_;
    std::ostream& out_;
    FollowOptions opt_;
    int lines_ = 0;
    bool timed_out_ = false;
};

void show_evaluation(std::ostream& out, rs::Store& store, const runtime::Plan& plan) {
    out << "\n==> " << stamp() << ": Evaluation of job \"" << plan.job_id << "\" complete: " << plan.place.size()
        << " placed, " << plan.stop.size() << " stopped, " << plan.inplace.size() << " updated in place\n";
    std::map<std::string, std::string> names;
    for (const auto& n : store.nodes()) names[n.id] = n.name;
    for (const auto& a : plan.place)
        out << "    Allocation \"" << short_id(a.id) << "\" created: node \"" << names[a.node_id] << "\", group \"" << a.group
            << "\"\n";
    out << std::flush;
}

/// No deployment: wait until every allocation the plan placed runs (or one fails).
int wait_running(rs::Store& store, const runtime::Plan& plan, std::ostream& out, const FollowOptions& opt,
                 std::int64_t deadline) {
    std::set<std::string> ids;
    for (const auto& a : plan.place) ids.insert(a.id);
    if (ids.empty() || plan.job_type == "batch" || plan.job_type == "sysbatch") return 0;
    out << "==> " << stamp() << ": No deployment: waiting for " << ids.size() << " allocations to run\n" << std::flush;
    while (rs::now_nanos() <= deadline) {
        int running = 0;
        for (const auto& a : store.allocations(plan.job_id)) {
            if (!ids.count(a.id)) continue;
            if (a.client_status == "failed" || a.client_status == "lost") {
                out << "==> Allocation \"" << short_id(a.id) << "\" " << a.client_status << " (see hjob alloc status "
                    << short_id(a.id) << ")\n";
                return 1;
            }
            running += a.client_status == "running" || a.client_status == "complete";
        }
        if (running == static_cast<int>(ids.size())) {
            out << "==> " << stamp() << ": " << running << " allocations running\n";
            return 0;
        }
        std::this_thread::sleep_for(std::chrono::nanoseconds(opt.poll_ns));
    }
    out << "==> Timed out waiting for the allocations to run (is the agent running? see hjob agent status)\n";
    return 1;
}

/// The deployment of the job's current version created after `after` (the revert's).
std::optional<Deployment> revert_deployment(rs::Store& store, const std::string& job, runtime::Index after) {
    const auto record = store.job(job);
    if (!record) return std::nullopt;
    for (auto& d : store.deployments(job))
        if (d.job_version == record->current_version && d.create_index > after) return d;
    return std::nullopt;
}

int after_failure(rs::Store& store, const Deployment& failed, Follower& f, std::ostream& out, std::int64_t deadline) {
    out << "\n==> Deployment \"" << short_id(failed.id) << "\" " << failed.status << ": " << failed.status_description << '\n';
    const auto rolling_back = failed.status_description.find("rolling back to job version ");
    if (failed.status != "failed" || rolling_back == std::string::npos) {
        out << "The job was not reverted.\n";
        return 1;
    }
    const auto record = store.job(failed.job_id);
    const std::string target = failed.status_description.substr(rolling_back + 28);
    std::string how = "nothing to roll out";
    if (auto d = revert_deployment(store, failed.job_id, failed.create_index)) {
        const auto ended = f.deployment(d->id, failed.job_id, deadline);
        how = "revert deployment " + ended.status;
    }
    out << "\n==> The job was reverted: job \"" << failed.job_id << "\" version " << (record ? record->current_version : 0)
        << " has the spec of version " << target << " (" << how << ").\n";
    return 1;
}

}  // namespace

FollowOptions follow_options(const std::string& timeout, bool to_stderr) {
    FollowOptions o;
    o.terminal = ::isatty(to_stderr ? STDERR_FILENO : STDOUT_FILENO) != 0;
    if (timeout.empty()) return o;
    std::string error;
    const auto t = cty::fn::parse_duration(timeout, error);
    if (!t || *t <= 0) throw rs::StateError("--timeout " + timeout + ": " + (error.empty() ? "must be above 0" : error));
    o.timeout_ns = *t;
    return o;
}

int follow_rollout(rs::Store& store, const runtime::Plan& plan, std::ostream& out, const FollowOptions& opt) {
    show_evaluation(out, store, plan);
    const auto record = store.job(plan.job_id);
    const auto version = record ? store.job_version(plan.job_id, record->current_version) : std::nullopt;
    const std::int64_t deadline =
        rs::now_nanos() + (opt.timeout_ns > 0 ? opt.timeout_ns : default_timeout(version ? &version->job : nullptr));
    std::string dep = plan.deployment ? plan.deployment->id : "";
    if (dep.empty())
        for (const auto& a : plan.place)
            if (!a.deployment_id.empty()) dep = a.deployment_id;
    if (dep.empty()) return wait_running(store, plan, out, opt, deadline);
    Follower f(store, out, opt);
    const auto d = f.deployment(dep, plan.job_id, deadline);
    if (f.timed_out()) {
        out << "\n==> Timed out following deployment \"" << short_id(dep) << "\" (still " << d.status
            << "; see hjob deployment status " << short_id(dep) << ", and hjob agent status)\n";
        return 1;
    }
    if (d.status == "successful") {
        out << "\n==> " << stamp() << ": Deployment \"" << short_id(dep) << "\" successful\n";
        return 0;
    }
    return after_failure(store, d, f, out, deadline);
}

}  // namespace hjob::cli
