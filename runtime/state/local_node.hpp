// The local machine as a node: what it registers itself as on first use of a state.
#pragma once

#include "runtime/model.hpp"
#include "store.hpp"

namespace hjob::runtime::state {

/// This machine: cpu = MHz x cores from /proc/cpuinfo, memory from /proc/meminfo, hostname,
/// datacenter dc1, address 127.0.0.1, and Nomad's fingerprint attributes (kernel.name,
/// os.name, cpu.arch, unique.hostname, unique.network.ip-address, driver.exec, ...).
Node detect_local_node();

/// Gives `n` the dynamic port range new nodes get: $HJOB_DYNAMIC_PORTS as "LO-HI" (Nomad's
/// client min_dynamic_port and max_dynamic_port), else the model's 20000-32000. A malformed
/// or out-of-range value is ignored. Two data directories on one machine (two users, or tests
/// running side by side) each set their own range, so their tasks never race for a port.
void apply_dynamic_ports(Node& n);

/// Registers the local machine in `store` unless a local node exists; returns its id. Runs
/// its own write transaction when it registers.
std::string ensure_local_node(Store& store);

}  // namespace hjob::runtime::state
