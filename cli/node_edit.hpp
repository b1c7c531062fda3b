// The writing node subcommands (register, remove, drain, eligibility) and the options all
// node subcommands share.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "state_options.hpp"

namespace hjob::cli {

struct NodeOptions {
    std::string node;  ///< id, id prefix or name
    bool json = false;
    // register
    std::string name, datacenter = "dc1", node_class, pool = "default", from;
    int cpu = 0, memory = 0, disk = 0;
    std::vector<std::string> attrs, meta;
    // remove, drain, eligibility
    bool force = false, disable = false, enable = false;
    StateOptions state;
};

/// Adds register, remove, drain and eligibility under `node`.
void setup_node_edits(CLI::App* node, const std::shared_ptr<NodeOptions>& opt);

}  // namespace hjob::cli
