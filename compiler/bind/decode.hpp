// The stanza decoders, one file per family. Each reads a block that the schema pass has
// already checked and returns its IR with Nomad's defaults (api Canonicalize, jobspec2's
// normalize and the server's canonicalization) applied.
#pragma once

#include <string>
#include <vector>

#include "binder.hpp"

namespace hjob::bind::detail {

/// What group and task decoding inherit from the job.
struct JobLevel {
    std::string id, name, type, namespace_;
    const syntax::Block* update = nullptr;  ///< job-level blocks merged into each group
    const syntax::Block* migrate = nullptr;
    const syntax::Block* reschedule = nullptr;
    const syntax::Block* vault = nullptr;  ///< pushed into tasks without their own
    std::optional<ir::UpdateStrategy> effective_update;
};

/// What task decoding inherits from its group.
struct GroupLevel {
    const JobLevel& job;
    std::string name;
    ir::RestartPolicy restart;
    const syntax::Block* vault = nullptr;
};

ir::Job decode_job(Binder& b, const syntax::Block& block);
ir::Group decode_group(Binder& b, const syntax::Block& block, const JobLevel& job, const std::string& path);
/// A group made of one job-level task, as jobspec2 wraps it.
ir::Group implicit_group(Binder& b, const syntax::Block& task, const JobLevel& job, const std::string& path);

/// A job's group block, or a task block written directly in the job (an implicit group).
struct GroupBlock {
    const syntax::Block* block;
    bool implicit;
};
/// The groups in order, as decode_group and implicit_group give them one by one, with the
/// same diagnostics and source ranges in the same order; a large job is split over two threads.
std::vector<ir::Group> decode_groups(Binder& b, const std::vector<GroupBlock>& blocks, const JobLevel& job);
ir::Task decode_task(Binder& b, const syntax::Block& block, const GroupLevel& group, const std::string& path);

// policies.cpp: each `apply_*` overwrites the fields the block sets, so that defaults,
// job-level and group-level blocks can be layered as Nomad merges them.
void apply_update(Binder& b, const syntax::Block& block, ir::UpdateStrategy& u, const std::string& path);
void apply_migrate(Binder& b, const syntax::Block& block, ir::MigrateStrategy& m, const std::string& path);
void apply_restart(Binder& b, const syntax::Block& block, ir::RestartPolicy& r, const std::string& path);
void apply_reschedule(Binder& b, const syntax::Block& block, ir::ReschedulePolicy& r, const std::string& path);
ir::RestartPolicy default_restart(const std::string& job_type);
ir::ReschedulePolicy default_reschedule(const std::string& job_type);
ir::EphemeralDisk decode_ephemeral_disk(Binder& b, const syntax::Block* block, const std::string& path);
ir::Disconnect decode_disconnect(Binder& b, const syntax::Block& block, const std::string& path);
/// Nomad's UpdateStrategy.Empty(): every field zero.
bool is_empty(const ir::UpdateStrategy& u);

// placement.cpp
std::vector<ir::Constraint> decode_constraints(Body& body);
std::vector<ir::Affinity> decode_affinities(Body& body);
std::vector<ir::Spread> decode_spreads(Body& body);

// network.cpp
std::vector<ir::Network> decode_networks(Body& body);

// service.cpp
std::vector<ir::Service> decode_services(Body& body, const JobLevel& job, const std::string& group,
                                         const std::string& task);

// task_parts.cpp
ir::Resources decode_resources(Binder& b, const syntax::Block* block, const std::string& path);
ir::LogConfig decode_logs(Binder& b, const syntax::Block* block, const std::string& path);
std::vector<ir::Artifact> decode_artifacts(Body& body);
std::vector<ir::Template> decode_templates(Body& body);
std::optional<ir::Vault> decode_vault(Binder& b, const syntax::Block* block, const std::string& path);
std::vector<ir::VolumeMount> decode_volume_mounts(Body& body);
void decode_identities(Body& body, ir::Task& task);

// group_parts.cpp
std::map<std::string, ir::Volume> decode_volumes(Body& body);
/// `min` receives scaling.min when given: the group's count defaults to it, and it to the count.
std::optional<ir::Scaling> decode_scaling(Binder& b, const syntax::Block* block, const std::string& path,
                                          std::optional<std::int64_t>& min);
std::optional<ir::Consul> decode_consul(Binder& b, const syntax::Block* block, const std::string& path);

/// The meta or env of a body: the block, or the map argument written instead.
ir::StringMap decode_string_map(Body& body, std::string_view name);

}  // namespace hjob::bind::detail
