// Catalog registration and checks of running tasks (services.hpp).
#include "services.hpp"

#include <cctype>

#include "runtime/taskenv/taskenv.hpp"

namespace hjob::runtime::agent {

namespace {

/// A port label of the allocation, or a number written as the port; 0 when neither.
int resolve_port(const Allocation& alloc, const std::string& port) {
    if (port.empty()) return 0;
    if (auto it = alloc.resources.ports.find(port); it != alloc.resources.ports.end()) return it->second;
    for (char c : port)
        if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
    return std::stoi(port);
}

bool owns_group_service(const TaskContext& ctx, const ir::Service& s) {
    if (!s.task.empty()) return s.task == ctx.task.name;
    return !ctx.group.tasks.empty() && ctx.group.tasks.front().name == ctx.task.name;
}

}  // namespace

ServiceRegistry::ServiceRegistry(catalog::Catalog& catalog, std::function<void()> wake)
    : catalog_(catalog), wake_(std::move(wake)), checks_([this](const std::string& id, health::Status, const std::string&) {
          {
              std::lock_guard lock(mu_);
              changed_.insert(id);
          }
          if (wake_) wake_();
      }) {}

void ServiceRegistry::register_task(const TaskContext& ctx) {
    std::vector<Registered> regs;
    for (const auto& s : ctx.task.services) register_service(ctx, s, regs);
    for (const auto& s : ctx.group.services)
        if (owns_group_service(ctx, s)) register_service(ctx, s, regs);
    by_task_[ctx.alloc.id + "/" + ctx.task.name] = std::move(regs);
}

void ServiceRegistry::register_service(const TaskContext& ctx, const ir::Service& raw, std::vector<Registered>& out) {
    const auto s = taskenv::interpolate_service(raw, ctx.env);
    catalog::Instance i;
    i.service = s.name;
    i.id = "_nomad-task-" + ctx.alloc.id + "-" + ctx.task.name + "-" + s.name + "-" + s.port;
    i.job_id = ctx.alloc.job_id, i.group = ctx.alloc.group, i.task = ctx.task.name;
    i.alloc_id = ctx.alloc.id, i.node_id = ctx.node.id, i.node_name = ctx.node.name;
    i.address = s.address.empty() ? ctx.node.address : s.address;
    i.port = resolve_port(ctx.alloc, s.port);
    i.tags = ctx.alloc.canary && !s.canary_tags.empty() ? s.canary_tags : s.tags;
    i.meta = s.meta;
    i.canary = ctx.alloc.canary;
    Registered r{i.id, {}};
    for (std::size_t n = 0; n < s.checks.size(); ++n) {
        const auto& c = s.checks[n];
        Check check{i.id + "/" + std::to_string(n), c.name.empty() ? "service: \"" + s.name + "\" check" : c.name, c.type,
                    c.check_restart ? c.check_restart : s.check_restart};
        i.checks.push_back({check.id, check.name, c.type, health::to_string(health::parse_status(c.initial_status)), ""});
        r.checks.push_back(check);
    }
    i.status = catalog::worst_status(i.checks);
    catalog_.put(i);
    for (std::size_t n = 0; n < s.checks.size(); ++n) {
        const auto& c = s.checks[n];
        const int port = c.port.empty() ? i.port : resolve_port(ctx.alloc, c.port);
        instance_of_check_[r.checks[n].id] = i.id;
        checks_.add(health::make_check_spec(r.checks[n].id, c, i.address, port, ctx.env.env(), ctx.task_dir));
    }
    out.push_back(std::move(r));
}

void ServiceRegistry::deregister_task(const std::string& alloc_id, const std::string& task) {
    auto it = by_task_.find(alloc_id + "/" + task);
    if (it == by_task_.end()) return;
    for (const auto& r : it->second) {
        for (const auto& c : r.checks) {
            checks_.remove(c.id);
            instance_of_check_.erase(c.id);
        }
        catalog_.remove(r.instance_id);
    }
    by_task_.erase(it);
}

void ServiceRegistry::flush() {
    std::set<std::string> changed;
    {
        std::lock_guard lock(mu_);
        changed.swap(changed_);
    }
    std::set<std::string> instances;
    for (const auto& id : changed)
        if (auto it = instance_of_check_.find(id); it != instance_of_check_.end()) instances.insert(it->second);
    for (const auto& [key, regs] : by_task_)
        for (const auto& r : regs) {
            if (!instances.count(r.instance_id)) continue;
            std::vector<catalog::CheckStatus> statuses;
            for (const auto& c : r.checks) {
                const auto snap = checks_.snapshot(c.id);
                statuses.push_back({c.id, c.name, c.type, health::to_string(snap ? snap->status : health::Status::critical),
                                    snap ? snap->output : ""});
            }
            catalog_.set_health(r.instance_id, catalog::worst_status(statuses), statuses);
        }
}

std::optional<std::string> ServiceRegistry::restart_due(const std::string& alloc_id, const std::string& task,
                                                        UnixNanos started_at, UnixNanos now) {
    auto it = by_task_.find(alloc_id + "/" + task);
    if (it == by_task_.end()) return std::nullopt;
    for (auto& r : it->second)
        for (auto& c : r.checks) {
            if (!c.restart || c.restart->limit <= 0) continue;
            const auto snap = checks_.snapshot(c.id);
            if (!snap || snap->runs == c.seen_runs) continue;
            const int fresh = snap->runs - c.seen_runs;
            c.seen_runs = snap->runs;
            if (now - started_at < c.restart->grace) continue;  // Nomad ignores results within the grace
            const bool bad = snap->status == health::Status::critical ||
                             (snap->status == health::Status::warning && !c.restart->ignore_warnings);
            c.failures = bad ? c.failures + fresh : 0;
            if (c.failures >= c.restart->limit) {
                c.failures = 0;
                return "healthcheck: check \"" + c.name + "\" unhealthy";
            }
        }
    return std::nullopt;
}

std::size_t ServiceRegistry::size() const {
    std::size_t n = 0;
    for (const auto& [k, regs] : by_task_) n += regs.size();
    return n;
}

}  // namespace hjob::runtime::agent
