// The listening TCP sockets of this machine through the kernel's sock_diag netlink interface
// (what `ss -lt` uses): the kernel filters by state, so the cost does not grow with the
// thousands of connections and TIME_WAIT entries /proc/net/tcp lists (reading that file took
// 7 ms of kernel time on a busy machine, more than the rest of a `hjob plan`).
#pragma once

#include <optional>
#include <vector>

#include "runtime/state/host_ports.hpp"

namespace hjob::runtime::state {

/// Every TCP socket in LISTEN state (IPv4 and IPv6), addressed as host_listeners() writes
/// them ("127.0.0.1", "::", a v4-mapped address as IPv4, "ipv6" for any other); nullopt when
/// the kernel refuses the query (the caller falls back to /proc/net/tcp).
std::optional<std::vector<Listener>> diag_listeners();

}  // namespace hjob::runtime::state
