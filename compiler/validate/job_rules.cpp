// Job-level rules (structs Job.Validate): the ID, type and priority, at least one group with a
// unique name, and the scheduler restrictions on periodic, parameterized and system jobs.
#include <map>

#include "reporter.hpp"

namespace hjob::validate::detail {

namespace {

bool one_of(std::string_view v, std::initializer_list<std::string_view> set) {
    for (auto s : set)
        if (v == s) return true;
    return false;
}

void check_identity(Reporter& r, const ir::Job& job) {
    if (job.id.empty()) r.error("job-id", "", "Missing job ID", "The job block needs a non-empty label: job \"name\" { ... }.");
    else if (job.id.find(' ') != std::string::npos)
        r.error("job-id", "", "Job ID contains a space", "The job ID " + q(job.id) + " may not contain spaces.");
    if (!one_of(job.type, {"service", "batch", "system", "sysbatch"}))
        r.error("job-type", "/type", "Invalid job type: " + q(job.type),
                "The job type must be one of \"service\", \"batch\", \"system\" or \"sysbatch\".");
    // Nomad's default job_max_priority is 100; 0 means "the default" and is canonicalized away.
    if (job.priority < 1 || job.priority > 100)
        r.error("job-priority", "/priority", "Job priority must be between [1, 100]",
                "The priority is " + std::to_string(job.priority) +
                    "; servers accept 1 to job_max_priority (100 unless configured higher).");
    for (std::size_t i = 0; i < job.datacenters.size(); ++i)
        if (job.datacenters[i].empty())
            r.error("job-datacenters", "/datacenters", "Job datacenter must be non-empty string",
                    "Entry " + std::to_string(i + 1) + " of datacenters is empty.");
}

void check_groups(Reporter& r, const ir::Job& job) {
    if (job.groups.empty())
        r.error("job-groups", "", "Missing job task groups", "A job needs at least one group (or a task directly in the job).");
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < job.groups.size(); ++i) {
        const auto [it, fresh] = seen.emplace(job.groups[i].name, i);
        if (!fresh)
            r.error("duplicate-group", "/groups/" + std::to_string(i), "Duplicate group name",
                    "Job task group " + std::to_string(i + 1) + " redefines '" + job.groups[i].name + "' from group " +
                        std::to_string(it->second + 1));
    }
}

void check_type_restrictions(Reporter& r, const ir::Job& job) {
    const bool batchlike = job.type == "batch" || job.type == "sysbatch";
    if (job.periodic && job.periodic->enabled && !batchlike)
        r.error("periodic-type", "/periodic", "Periodic can only be used with \"batch\" or \"sysbatch\" scheduler",
                "A " + q(job.type) + " job cannot be periodic; set type = \"batch\" or remove the periodic block.");
    if (job.parameterized && !batchlike)
        r.error("parameterized-type", "/parameterized",
                "Parameterized job can only be used with \"batch\" or \"sysbatch\" scheduler",
                "A " + q(job.type) + " job cannot be parameterized; set type = \"batch\" or remove the parameterized block.");
    if (job.type != "system") return;
    for (std::size_t i = 0; i < job.groups.size(); ++i)
        if (job.groups[i].count > 1)
            r.error("system-count", r.pick({"/groups/" + std::to_string(i) + "/count", "/groups/" + std::to_string(i)}),
                    "Count cannot exceed 1 with system scheduler",
                    "Job task group " + job.groups[i].name + " has count " + std::to_string(job.groups[i].count) +
                        ". Count cannot exceed 1 with system scheduler: a system job runs one allocation per eligible node.");
}

void check_periodic(Reporter& r, const ir::Job& job) {
    if (!job.periodic || !job.periodic->enabled) return;
    if (job.periodic->specs.empty())
        r.error("periodic-spec", "/periodic", "Must specify a spec", "An enabled periodic block needs crons (or the deprecated cron).");
    for (const auto& spec : job.periodic->specs)
        if (spec.empty()) r.error("periodic-spec", "/periodic/specs", "Must specify a spec", "A cron expression is empty.");
}

void check_parameterized(Reporter& r, const ir::Job& job) {
    if (!job.parameterized) return;
    const auto& p = *job.parameterized;
    if (!one_of(p.payload, {"optional", "required", "forbidden"}))
        r.error("parameterized-payload", "/parameterized/payload", "Unknown payload requirement: " + q(p.payload),
                "payload must be \"optional\", \"required\" or \"forbidden\".");
    for (const auto& m : p.meta_required)
        for (const auto& o : p.meta_optional)
            if (m == o)
                r.error("parameterized-meta", "/parameterized/meta_optional", "Meta key in both required and optional",
                        "The meta key " + q(m) + " is listed in both meta_required and meta_optional.");
}

}  // namespace

void check_job_rules(Reporter& r, const ir::Job& job) {
    check_identity(r, job);
    check_groups(r, job);
    check_type_restrictions(r, job);
    check_periodic(r, job);
    check_parameterized(r, job);
}

}  // namespace hjob::validate::detail
