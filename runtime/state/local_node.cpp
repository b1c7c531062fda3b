// Fingerprinting the local machine (local_node.hpp), after Nomad's client fingerprinters.
#include "local_node.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "ids.hpp"

namespace hjob::runtime::state {

namespace {

/// Total MHz over every core (Nomad's cpu.totalcompute) and the core count.
std::pair<int, int> cpu_capacity() {
    std::ifstream in("/proc/cpuinfo");
    double mhz = 0;
    int cores = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("cpu MHz", 0) != 0) continue;
        mhz += std::strtod(line.c_str() + line.find(':') + 1, nullptr);  // 0 for a malformed line
        ++cores;
    }
    if (cores == 0) {  // no per-core MHz (some ARM and virtual machines): assume 1 GHz cores
        cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        mhz = 1000.0 * cores;
    }
    return {static_cast<int>(mhz), cores};
}

int memory_mb() {
    std::ifstream in("/proc/meminfo");
    for (std::string key; in >> key;) {
        long kb = 0;
        in >> kb;
        if (key == "MemTotal:") return static_cast<int>(kb / 1024);
        in.ignore(256, '\n');
    }
    return 1024;
}

std::string os_release_id() {
    std::ifstream in("/etc/os-release");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("ID=", 0) == 0) {
            std::string v = line.substr(3);
            if (v.size() >= 2 && v.front() == '"') v = v.substr(1, v.size() - 2);
            return v;
        }
    return "linux";
}

// The first non-loopback IPv4 address, as Nomad's network fingerprinter picks; else loopback.
std::string ip_address() {
    ifaddrs* list = nullptr;
    std::string out = "127.0.0.1";
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || (i->ifa_flags & IFF_LOOPBACK)) continue;
        char buf[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, buf, sizeof buf);
        out = buf;
        break;
    }
    freeifaddrs(list);
    return out;
}

// Go's GOARCH names, as Nomad reports cpu.arch.
std::string go_arch(const std::string& machine) {
    if (machine == "x86_64") return "amd64";
    if (machine == "aarch64") return "arm64";
    if (machine.size() == 4 && machine[0] == 'i' && machine.substr(2) == "86") return "386";
    return machine;
}

}  // namespace

Node detect_local_node() {
    Node n;
    utsname u{};
    uname(&u);
    n.name = u.nodename;
    const auto [mhz, cores] = cpu_capacity();
    n.cpu_mhz = mhz;
    n.memory_mb = memory_mb();
    n.disk_mb = 100 * 1024;
    n.attributes = {{"kernel.name", "linux"},
                    {"kernel.version", u.release},
                    {"os.name", os_release_id()},
                    {"cpu.arch", go_arch(u.machine)},
                    {"cpu.numcores", std::to_string(cores)},
                    {"cpu.totalcompute", std::to_string(mhz)},
                    {"memory.totalbytes", std::to_string(static_cast<long long>(n.memory_mb) * 1024 * 1024)},
                    {"unique.hostname", u.nodename},
                    {"unique.network.ip-address", ip_address()},
                    {"driver.exec", "1"},
                    {"driver.raw_exec", "1"}};
    return n;
}

void apply_dynamic_ports(Node& n) {
    const char* v = std::getenv("HJOB_DYNAMIC_PORTS");
    if (!v) return;
    int lo = 0, hi = 0;
    char tail = 0;
    if (std::sscanf(v, "%d-%d%c", &lo, &hi, &tail) != 2 || lo < 1024 || hi > 65535 || lo > hi) return;
    n.port_min = lo;
    n.port_max = hi;
}

std::string ensure_local_node(Store& store) {
    if (auto id = store.local_node_id()) return *id;
    auto tx = store.write();
    if (auto id = store.local_node_id()) return *id;  // registered by another process meanwhile
    Node n = detect_local_node();
    apply_dynamic_ports(n);
    n.id = new_uuid();
    n.address = "127.0.0.1";
    if (store.node_by_name(n.name)) n.name += "-local";  // a hosted node took the hostname
    n.create_index = n.modify_index = store.next_index();
    store.put_node(n, true);
    tx.commit();
    return n.id;
}

}  // namespace hjob::runtime::state
