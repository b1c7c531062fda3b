// Ports that programs outside this state already listen on, on this machine. Every stored node
// is hosted here (on its own 127.0.0.N), so a dynamic port another program holds, or a second
// data directory's agent, would make a task fail to bind; plans treat those ports as reserved,
// as Nomad's client fingerprints reserved ports.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "runtime/model.hpp"
#include "store.hpp"

namespace hjob::runtime::state {

/// A listening TCP socket: the local address ("0.0.0.0", "127.0.0.1", "::") and port.
struct Listener {
    std::string address;
    int port = 0;
};

/// The listening sockets in /proc/net/tcp and /proc/net/tcp6 (empty where they are unreadable).
std::vector<Listener> host_listeners();
/// The same, parsed from the text of a /proc/net/tcp or tcp6 file.
std::vector<Listener> parse_proc_net_tcp(const std::string& text, bool v6);

/// Adds to each node's reserved ports those listened on at its address (or on a wildcard
/// address) that no live allocation of this state holds (`usage`: the state's node usage).
void reserve_foreign_listeners(std::vector<Node>& nodes, const std::map<std::string, StoredUsage>& usage,
                               const std::vector<Listener>& listeners);

}  // namespace hjob::runtime::state
