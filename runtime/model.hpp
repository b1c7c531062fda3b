// The runtime's data model: what the SQLite state stores and the planner, scheduler and agent
// exchange. Plain data, no behaviour; the state (runtime/state) is the only code that maps it
// to tables, the planner (runtime/plan) and scheduler (runtime/scheduler) only read and
// produce it. Jobs are hjob's IR (compiler/ir.hpp), never job text.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/ir.hpp"

namespace hjob::runtime {

using Index = std::int64_t;      ///< the state's monotonically increasing modify index
using UnixNanos = std::int64_t;  ///< wall-clock time, nanoseconds since the epoch

/// A client node. The local machine registers itself on first use; more can be registered so
/// that one machine stands in for a fleet (each hosted node gets its own 127.0.0.N).
struct Node {
    std::string id;  ///< a UUID
    std::string name, datacenter = "dc1", node_pool = "default", node_class;
    std::string address = "127.0.0.1";  ///< what its tasks bind to (NOMAD_IP_<label>)
    std::map<std::string, std::string> attributes;  ///< "kernel.name" -> "linux" (no "attr." prefix)
    std::map<std::string, std::string> meta;
    std::vector<std::string> drivers{"exec", "raw_exec"};
    int cpu_mhz = 0, memory_mb = 0, disk_mb = 0;  ///< schedulable capacity
    int port_min = 20000, port_max = 32000;       ///< the dynamic port range
    std::vector<int> reserved_ports;              ///< never handed out
    std::string status = "ready";                 ///< ready | down | disconnected | initializing
    bool eligible = true;                         ///< scheduling eligibility
    bool draining = false;
    Index create_index = 0, modify_index = 0;
};

/// What an allocation holds on its node.
struct AllocatedResources {
    int cpu = 0, memory_mb = 0, memory_max_mb = 0, disk_mb = 0, cores = 0;
    std::map<std::string, int> ports;  ///< port label -> host port (static or dynamic)
};

/// One task's state inside an allocation, as the agent reports it.
struct TaskEvent {
    UnixNanos time = 0;
    std::string type, message;  ///< Nomad's event types: "Received", "Started", "Terminated", ...
};

struct TaskState {
    std::string state = "pending";  ///< pending | running | dead
    bool failed = false;
    int restarts = 0;
    UnixNanos started_at = 0, finished_at = 0;
    std::vector<TaskEvent> events;
};

/// One placed instance of a task group.
struct Allocation {
    std::string id;  ///< a UUID
    std::string job_id, group;
    std::string name;  ///< Nomad's "<job>.<group>[<index>]"
    int index = 0;     ///< the [index] of the name, unique per group among live allocations
    int job_version = 0;
    std::string node_id;
    std::string desired_status = "run";  ///< run | stop | evict
    std::string desired_description;     ///< why it was stopped ("alloc is being updated ...")
    std::string client_status = "pending";  ///< pending | running | complete | failed | lost
    AllocatedResources resources;
    std::string deployment_id;
    std::optional<bool> healthy;  ///< the deployment's health verdict; unset while undecided
    bool canary = false;
    std::string previous_allocation;  ///< the allocation this one replaces, if any
    std::map<std::string, TaskState> task_states;
    Index create_index = 0, modify_index = 0;
    UnixNanos create_time = 0, modify_time = 0;

    bool terminal() const {
        return desired_status != "run" || client_status == "complete" || client_status == "failed" ||
               client_status == "lost";
    }
};

/// Per group progress of a deployment.
struct DeploymentGroup {
    int desired_total = 0, desired_canaries = 0;
    int placed = 0, healthy = 0, unhealthy = 0;
    bool promoted = false, auto_revert = false, auto_promote = false;
    std::vector<std::string> placed_canaries;
    UnixNanos require_progress_by = 0;
};

/// The rollout of one job version.
struct Deployment {
    std::string id;
    std::string job_id;
    int job_version = 0;
    /// running | paused | failed | successful | cancelled
    std::string status = "running", status_description = "Deployment is running";
    std::map<std::string, DeploymentGroup> groups;
    Index create_index = 0, modify_index = 0;
};

/// A submitted version of a job. Version numbers start at 0 and grow by one per spec change.
struct JobVersion {
    ir::Job job;
    int version = 0;
    std::string source;       ///< the job file's text as submitted (for history and inspect)
    std::string source_hash;  ///< sha256 of the canonical IR JSON: equal specs, equal hash
    std::map<std::string, std::string> variables;  ///< -var flags given (sensitive ones masked)
    std::string submitter;    ///< user@host
    UnixNanos submit_time = 0;
    bool stable = false;
    Index job_modify_index = 0;  ///< the index at which this spec was registered
};

/// A job as the state knows it: its current version plus its status.
struct JobRecord {
    std::string id, namespace_ = "default";
    std::string status = "pending";  ///< pending | running | dead
    bool stopped = false;            ///< `hjob stop` without --purge
    int current_version = 0;
    Index job_modify_index = 0, modify_index = 0;
};

}  // namespace hjob::runtime
