// Warnings: valid jobs that Nomad accepts but that are risky or use forms from the HCL1 era.
// Each has a stable code "warn/<rule>". Low noise first: a rule that cannot tell whether the
// author chose the risk (a default they may have meant) stays quiet.
#include <algorithm>
#include <cctype>
#include <set>

#include "reporter.hpp"

namespace hjob::validate::detail {

namespace {

bool contains_ci(const std::string& text, std::string_view word) {
    return std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           }) != text.end();
}

void deployment_warnings(Reporter& r, const ir::Job& job, const ir::Group& g, const std::string& gp) {
    const bool written = r.written(gp + "/update") || r.written("/update");
    bool serves = !g.services.empty();
    for (const auto& t : g.tasks) serves = serves || !t.services.empty();
    // Only groups that register a service: the default strategy's health comes from their
    // checks, and they are the ones taking traffic while a rollout replaces them.
    if (job.type == "service" && serves && !written)
        r.warning("service-without-update", gp, "Service group without an update block",
                  "Group " + q(g.name) + " relies on Nomad's default update strategy (max_parallel 1, checks-based health, "
                  "no canary, no auto_revert). Write an update block so that rollouts and rollbacks are a choice.");
    if (written && g.update && g.update->max_parallel > g.count && g.count > 0)
        r.warning("max-parallel-over-count", r.pick({gp + "/update/max_parallel", "/update/max_parallel", gp}),
                  "max_parallel larger than count",
                  "Update max parallel count is greater than task group count (" + std::to_string(g.update->max_parallel) + " > " +
                      std::to_string(g.count) +
                      "). A destructive change would result in the simultaneous replacement of all allocations.");
}

void service_warnings(Reporter& r, const std::vector<ir::Service>& services, const std::string& base) {
    for (std::size_t i = 0; i < services.size(); ++i) {
        const ir::Service& s = services[i];
        if (!s.checks.empty() || !s.connect.is_null()) continue;  // Connect sidecars bring their own checks
        r.warning("service-without-checks", base + "/services/" + std::to_string(i), "Service without health checks",
                  "Service " + q(s.name) + " has no check block: it is registered as healthy as soon as the task starts, "
                  "and deployments cannot tell a broken version from a good one.");
    }
}

/// Vault heuristic: the task's token must be renewable (Vault's auth/token/renew-self with the
/// `update` capability). Quiet when a policy name suggests the permission ("default" grants it
/// in Vault, names with "renew" or "token" are taken to), when expiry is allowed, or when the
/// block names a role (workload identity, where Nomad renews through the role's JWT login).
void vault_warning(Reporter& r, const ir::Task& t, const std::string& tp, std::set<std::uint32_t>& seen) {
    if (!t.vault || t.vault->allow_token_expiration || !t.vault->role.empty()) return;
    for (const auto& p : t.vault->policies)
        if (p == "default" || contains_ci(p, "renew") || contains_ci(p, "token")) return;
    const std::string vp = tp + "/vault";
    if (!seen.insert(r.at(vp).range.begin).second) return;  // one reminder per vault block
    r.warning("vault-token-renewal", vp, "Vault token may not be renewable",
              "Nomad renews the task's Vault token; the policies given to it need the \"update\" capability on "
              "auth/token/renew-self (Vault's \"default\" policy has it). Without it the token expires and the task "
              "loses its secrets. Set allow_token_expiration = true if that is intended.");
}

void template_warnings(Reporter& r, const ir::Task& t, const std::string& tp) {
    for (std::size_t i = 0; i < t.templates.size(); ++i) {
        const ir::Template& tpl = t.templates[i];
        if (tpl.change_mode != "noop" || (!contains_ci(tpl.data, "secret") && !contains_ci(tpl.source, "secret"))) continue;
        const std::string p = tp + "/templates/" + std::to_string(i);
        r.warning("template-secret-noop", r.pick({p + "/change_mode", p}), "Secret template with change_mode = \"noop\"",
                  "Template " + std::to_string(i + 1) + " renders secrets but change_mode is \"noop\": when a secret is "
                  "rotated the file changes and the task keeps using the old value. Use \"restart\", \"signal\" or \"script\".");
    }
}

/// Forms from before HCL2 jobs that Nomad still reads but ignores or has deprecated.
void legacy_warnings(Reporter& r, const ir::Group& g, const std::string& gp) {
    for (const char* f : {"stop_after_client_disconnect", "max_client_disconnect", "prevent_reschedule_on_lost"})
        if (r.written(gp + "/" + f))
            r.warning("deprecated", gp + "/" + f, std::string(f) + " is deprecated",
                      "Nomad ignores it since 1.10; use the disconnect block instead.");
    for (std::size_t ti = 0; ti < g.tasks.size(); ++ti) {
        const std::string rp = gp + "/tasks/" + std::to_string(ti) + "/resources";
        if (!g.tasks[ti].resources.networks.empty())
            r.warning("task-network", rp + "/networks/0", "Task-level network is deprecated",
                      "Network blocks inside resources date from Nomad 0.11; move the network block to the group.");
        if (r.written(rp + "/disk_mb"))
            r.warning("task-disk", rp + "/disk_mb", "Task-level disk is ignored",
                      "Disk is reserved for the whole group; use the group's ephemeral_disk { size = ... } instead.");
        if (r.written(rp + "/iops"))
            r.warning("deprecated", rp + "/iops", "iops is deprecated", "Nomad ignores iops since 0.9.");
    }
}

}  // namespace

void check_warnings(Reporter& r, const ir::Job& job) {
    std::set<std::uint32_t> vault_seen;
    if (job.periodic && job.periodic->single_spec)
        r.warning("deprecated", "/periodic/specs", "cron is deprecated", "Use crons = [\"...\"], a list, instead of cron.");
    for (std::size_t gi = 0; gi < job.groups.size(); ++gi) {
        const ir::Group& g = job.groups[gi];
        const std::string gp = "/groups/" + std::to_string(gi);
        deployment_warnings(r, job, g, gp);
        service_warnings(r, g.services, gp);
        legacy_warnings(r, g, gp);
        for (std::size_t ti = 0; ti < g.tasks.size(); ++ti) {
            const std::string tp = gp + "/tasks/" + std::to_string(ti);
            service_warnings(r, g.tasks[ti].services, tp);
            vault_warning(r, g.tasks[ti], tp, vault_seen);
            template_warnings(r, g.tasks[ti], tp);
        }
    }
}

}  // namespace hjob::validate::detail
