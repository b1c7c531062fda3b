// The local machine as a node: what it registers itself as on first use of a state.
#pragma once

#include "runtime/model.hpp"
#include "store.hpp"

namespace hjob::runtime::state {

/// This machine: cpu = MHz x cores from /proc/cpuinfo, memory from /proc/meminfo, hostname,
/// datacenter dc1, address 127.0.0.1, and Nomad's fingerprint attributes (kernel.name,
/// os.name, cpu.arch, unique.hostname, unique.network.ip-address, driver.exec, ...).
Node detect_local_node();

/// Registers the local machine in `store` unless a local node exists; returns its id. Runs
/// its own write transaction when it registers.
std::string ensure_local_node(Store& store);

}  // namespace hjob::runtime::state
