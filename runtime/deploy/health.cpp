// Allocation health rules (health.hpp), after Nomad's allochealth tracker.
#include "runtime/deploy/health.hpp"

#include <map>

namespace hjob::runtime::deploy {

namespace {

std::size_t expected_instances(const ir::Group& g) {
    std::size_t n = 0;
    for (const auto& s : g.services) n += s.on_update == "ignore" ? 0 : 1;
    for (const auto& t : g.tasks)
        for (const auto& s : t.services) n += s.on_update == "ignore" ? 0 : 1;
    return n;
}

/// The on_update of every service and check by name (check names are Nomad's "service: ..."
/// defaults when unnamed, so unnamed checks fall back to their service's).
struct OnUpdate {
    std::map<std::string, std::string> service, check;
    explicit OnUpdate(const ir::Group& g) {
        auto add = [&](const ir::Service& s) {
            service[s.name] = s.on_update;
            for (const auto& c : s.checks)
                if (!c.name.empty()) check[c.name] = c.on_update.empty() ? s.on_update : c.on_update;
        };
        for (const auto& s : g.services) add(s);
        for (const auto& t : g.tasks)
            for (const auto& s : t.services) add(s);
    }
};

bool status_ok(const std::string& status, const std::string& on_update) {
    if (on_update == "ignore") return true;
    if (status == "passing") return true;
    return status == "warning" && on_update == "ignore_warnings";
}

bool instance_ok(const catalog::Instance& i, const OnUpdate& rules) {
    const auto s = rules.service.find(i.service);
    const std::string service_rule = s == rules.service.end() ? "require_healthy" : s->second;
    if (service_rule == "ignore") return true;
    if (i.checks.empty()) return status_ok(i.status, service_rule);
    for (const auto& c : i.checks) {
        const auto r = rules.check.find(c.name);
        if (!status_ok(c.status, r == rules.check.end() ? service_rule : r->second)) return false;
    }
    return true;
}

}  // namespace

bool tasks_healthy(const Allocation& a, const ir::Group& g) {
    if (a.client_status != "running") return false;
    for (const auto& t : g.tasks) {
        const auto it = a.task_states.find(t.name);
        const bool prestart = t.lifecycle && t.lifecycle->hook == "prestart" && !t.lifecycle->sidecar;
        const bool later = t.lifecycle && (t.lifecycle->hook == "poststart" || t.lifecycle->hook == "poststop");
        if (later) continue;
        if (it == a.task_states.end()) return false;
        if (prestart) {
            if (it->second.state != "dead" || it->second.failed) return false;
        } else if (it->second.state != "running") {
            return false;
        }
    }
    return true;
}

bool checks_healthy(const ir::Group& g, const std::vector<catalog::Instance>& instances) {
    const OnUpdate rules(g);
    std::size_t counted = 0;
    for (const auto& i : instances) {
        if (!instance_ok(i, rules)) return false;
        const auto s = rules.service.find(i.service);
        if (s == rules.service.end() || s->second != "ignore") ++counted;
    }
    return counted >= expected_instances(g);
}

bool failed(const Allocation& a) {
    if (a.client_status == "failed" || a.client_status == "lost") return true;
    for (const auto& [name, ts] : a.task_states)
        if (ts.failed) return true;
    return false;
}

bool healthy_now(const Allocation& a, const ir::Group& g, const std::string& health_check, HealthSource& source) {
    if (!tasks_healthy(a, g)) return false;
    if (health_check == "task_states") return true;
    return checks_healthy(g, source.instances(a.id));
}

}  // namespace hjob::runtime::deploy
