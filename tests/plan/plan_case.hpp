// Test helpers for the planner: compile a job text to IR, the default fleet (the seed's four
// client nodes), and a golden case directory turned into a PlanInput.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/plan/plan.hpp"

namespace hjob::test {

/// Compiles HCL job text; throws std::runtime_error with the diagnostics when it has errors.
ir::Job compile_job(const std::string& text);

/// Four ready Linux nodes in dc1 (4000 MHz, 8192 MB, 50 GB disk, drivers docker/exec/raw_exec),
/// ids 00000000-0000-4000-8000-00000000000N, names client-N.
std::vector<runtime::Node> default_nodes();

/// The allocations that placing `job` as version 0 on `nodes` gives, all running.
std::vector<runtime::Allocation> running_allocs(const ir::Job& job, const std::vector<runtime::Node>& nodes);

/// A golden case: tests/plan/<case>/{before.hcl?, after.hcl, nodes.json?, allocs.json?, case.json?}.
struct PlanCase {
    std::optional<runtime::JobVersion> current;
    ir::Job after;
    std::vector<runtime::Node> nodes;
    std::vector<runtime::Allocation> allocs;
    std::optional<runtime::Deployment> deployment;
    std::unordered_map<std::string, runtime::NodeUsage> other_usage;
    bool stop_job = false;

    runtime::PlanInput input() const;
};

/// Reads a case directory (see tests/plan/README.md); throws std::runtime_error on bad files.
PlanCase load_case(const std::filesystem::path& dir);

std::string read_file(const std::filesystem::path& p);

}  // namespace hjob::test
