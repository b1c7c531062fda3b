// Listening sockets of this machine (host_ports.hpp).
#include "runtime/state/host_ports.hpp"
#include "runtime/state/listen_diag.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>

namespace hjob::runtime::state {

namespace {

std::string read_file(const char* path) {
    std::string out;
    if (FILE* f = std::fopen(path, "r")) {
        char buf[65536];
        while (const std::size_t n = std::fread(buf, 1, sizeof buf, f)) out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

// /proc/net/tcp writes an IPv4 address as the hex of its bytes in host order (little endian
// here): 0100007F is 127.0.0.1. IPv6 is four such 32-bit words; only the wildcard matters.
std::string ipv4(const std::string& hex) {
    unsigned v = 0;
    if (std::sscanf(hex.c_str(), "%8x", &v) != 1) return "";
    return std::to_string(v & 0xff) + "." + std::to_string((v >> 8) & 0xff) + "." + std::to_string((v >> 16) & 0xff) +
           "." + std::to_string(v >> 24);
}

std::string ipv6(const std::string& hex) {
    if (hex == std::string(32, '0')) return "::";
    // ::ffff:a.b.c.d, a v4-mapped address: the last word is the IPv4 address.
    if (hex.size() == 32 && hex.compare(0, 16, std::string(16, '0')) == 0 && hex.compare(16, 8, "FFFF0000") == 0)
        return ipv4(hex.substr(24));
    return "ipv6";
}

bool wildcard(const std::string& a) { return a == "0.0.0.0" || a == "::"; }

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

/// The first four whitespace-separated fields of `line` (slot, local, remote, state), as
/// `>>` would read them; false when there are fewer.
bool first_fields(std::string_view line, std::string_view (&fields)[4]) {
    std::size_t i = 0;
    for (auto& f : fields) {
        while (i < line.size() && blank(line[i])) ++i;
        const std::size_t start = i;
        while (i < line.size() && !blank(line[i])) ++i;
        if (i == start) return false;
        f = line.substr(start, i - start);
    }
    return true;
}

}  // namespace

std::vector<Listener> parse_proc_net_tcp(const std::string& text, bool v6) {
    // Every `hjob plan` reads this, and a busy machine lists thousands of sockets: fields are
    // cut from the line as views, and only LISTEN lines (state 0A, a handful) are converted.
    std::vector<Listener> out;
    const std::string_view all(text);
    std::size_t at = all.find('\n');  // past the header
    while (at != std::string_view::npos && at < all.size()) {
        const std::size_t end = std::min(all.find('\n', at + 1), all.size());
        const std::string_view line = all.substr(at + 1, end - at - 1);
        at = end;
        std::string_view fields[4];
        if (!first_fields(line, fields) || fields[3] != "0A") continue;  // 0A: LISTEN
        const std::string local(fields[1]);
        const auto colon = local.find(':');
        if (colon == std::string::npos) continue;
        unsigned port = 0;
        if (std::sscanf(local.c_str() + colon + 1, "%x", &port) != 1) continue;
        const std::string hex = local.substr(0, colon);
        out.push_back({v6 ? ipv6(hex) : ipv4(hex), static_cast<int>(port)});
    }
    return out;
}

std::vector<Listener> host_listeners() {
    if (auto listening = diag_listeners()) return std::move(*listening);  // the cheap way (listen_diag.hpp)
    auto out = parse_proc_net_tcp(read_file("/proc/net/tcp"), false);
    auto six = parse_proc_net_tcp(read_file("/proc/net/tcp6"), true);
    out.insert(out.end(), six.begin(), six.end());
    return out;
}

void reserve_foreign_listeners(std::vector<Node>& nodes, const std::map<std::string, StoredUsage>& usage,
                               const std::vector<Listener>& listeners) {
    if (listeners.empty()) return;
    for (Node& n : nodes) {
        std::set<int> ours;
        if (auto u = usage.find(n.id); u != usage.end()) ours.insert(u->second.ports.begin(), u->second.ports.end());
        for (const Listener& l : listeners) {
            if (l.address != n.address && !wildcard(l.address)) continue;
            if (ours.count(l.port)) continue;
            if (std::find(n.reserved_ports.begin(), n.reserved_ports.end(), l.port) == n.reserved_ports.end())
                n.reserved_ports.push_back(l.port);
        }
    }
}

}  // namespace hjob::runtime::state
