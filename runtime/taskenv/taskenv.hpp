// A task's runtime environment, as Nomad's client builds it (reference section 3): the NOMAD_*
// variables exported to the task, and `${...}` interpolation of the strings the agent hands
// to drivers, the catalog and the checks (driver config, env values, service and check fields).
// Lookup order: the task's environment (NOMAD_* and its own `env`), then node variables
// (node.*, attr.*, meta.*). A reference that resolves to nothing stays as written, as in Nomad.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "compiler/ir.hpp"
#include "runtime/model.hpp"

namespace hjob::runtime::taskenv {

class TaskEnv {
public:
    /// The environment of `task` in `alloc` on `node`; `alloc_dir` is the allocation directory
    /// (NOMAD_ALLOC_DIR is its alloc/, NOMAD_TASK_DIR the task's local/).
    static TaskEnv build(const Allocation& alloc, const Node& node, const ir::Job& job, const ir::Group& group,
                         const ir::Task& task, const std::string& alloc_dir);

    /// What the task process gets: every NOMAD_* variable and the task's `env` (interpolated;
    /// a task `env` entry wins over a NOMAD_* one of the same name, as in Nomad).
    const std::map<std::string, std::string>& env() const { return env_; }
    /// `text` with every resolvable `${name}` and `${env["name"]}` replaced.
    std::string interpolate(std::string_view text) const;
    std::string interpolate(const std::string& text) const { return interpolate(std::string_view(text)); }
    std::string interpolate(const char* text) const { return interpolate(std::string_view(text)); }
    /// Every string inside `value` (keys included) interpolated; for driver config.
    nlohmann::json interpolate(const nlohmann::json& value) const;
    /// The value of one reference ("NOMAD_PORT_http", "node.unique.id", "attr.kernel.name").
    std::optional<std::string> lookup(std::string_view name) const;
    /// Adds or replaces one variable of the task's environment (task hooks: VAULT_TOKEN, ...).
    void set(const std::string& name, std::string value) { env_[name] = std::move(value); }

private:
    std::map<std::string, std::string> env_;
    std::map<std::string, std::string> node_;  ///< node.*, attr.*, meta.* with their prefixes
};

/// Port labels and meta keys in variable names: characters outside [A-Za-z0-9_.] become '_'.
std::string env_name(std::string_view label);

/// A service, with its checks, after interpolation of the fields Nomad interpolates (name, tags,
/// canary_tags, meta, canary_meta, address, port; check name, type, command, args, path,
/// protocol, port, method, header, body, notes, grpc_service).
ir::Service interpolate_service(const ir::Service& service, const TaskEnv& env);

}  // namespace hjob::runtime::taskenv
