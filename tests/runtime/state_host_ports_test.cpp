// The listening sockets a plan treats as taken on this machine's hosted nodes.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "runtime/state/host_ports.hpp"
#include "runtime/state/local_node.hpp"

namespace rs = hjob::runtime::state;

TEST_CASE("/proc/net/tcp lines give listening addresses and ports", "[state][host-ports]") {
    const std::string v4 =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 0100007F:4E20 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1\n"
        "   1: 00000000:270F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1\n"
        "   2: 0100007F:4E21 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 3 1\n";
    const auto l = rs::parse_proc_net_tcp(v4, false);
    REQUIRE(l.size() == 2);  // the established connection (st 01) is not a listener
    CHECK(l[0].address == "127.0.0.1");
    CHECK(l[0].port == 20000);
    CHECK(l[1].address == "0.0.0.0");
    CHECK(l[1].port == 9999);
    const std::string v6 =
        "  sl  local_address                         remote_address                        st\n"
        "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A\n"
        "   1: 0000000000000000FFFF00000200007F:1F91 00000000000000000000000000000000:0000 0A\n";
    const auto s = rs::parse_proc_net_tcp(v6, true);
    REQUIRE(s.size() == 2);
    CHECK(s[0].address == "::");
    CHECK(s[1].address == "127.0.0.2");  // v4-mapped
    CHECK(s[1].port == 8081);
    CHECK(rs::parse_proc_net_tcp("garbage\nnot a line\n", false).empty());
}

TEST_CASE("ports other programs listen on are reserved on the node with that address", "[state][host-ports]") {
    std::vector<hjob::runtime::Node> nodes(2);
    nodes[0].id = "a", nodes[0].address = "127.0.0.1";
    nodes[1].id = "b", nodes[1].address = "127.0.0.2";
    std::map<std::string, rs::StoredUsage> usage;
    usage["a"].ports = {20001};  // held by one of this state's allocations: stays usable
    rs::reserve_foreign_listeners(nodes, usage, {{"127.0.0.1", 20000}, {"127.0.0.1", 20001}, {"0.0.0.0", 9999}});
    CHECK(nodes[0].reserved_ports == std::vector<int>{20000, 9999});
    CHECK(nodes[1].reserved_ports == std::vector<int>{9999});  // only the wildcard reaches 127.0.0.2
}

TEST_CASE("a socket this process listens on shows up in host_listeners", "[state][host-ports]") {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(fd, 1) == 0);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    const int port = ntohs(a.sin_port);
    const auto all = rs::host_listeners();
    ::close(fd);
    CHECK(std::any_of(all.begin(), all.end(), [&](const rs::Listener& l) { return l.address == "127.0.0.1" && l.port == port; }));
}

TEST_CASE("HJOB_DYNAMIC_PORTS gives new nodes their dynamic range; a malformed one is ignored", "[state][host-ports]") {
    const char* before = std::getenv("HJOB_DYNAMIC_PORTS");
    const std::string saved = before ? before : "";
    auto range = [](const char* value) {
        ::setenv("HJOB_DYNAMIC_PORTS", value, 1);
        hjob::runtime::Node n;
        rs::apply_dynamic_ports(n);
        return std::to_string(n.port_min) + "-" + std::to_string(n.port_max);
    };
    CHECK(range("40000-40099") == "40000-40099");
    for (const char* bad : {"", "40000", "40099-40000", "80-90", "40000-70000", "4e4-5e4", "40000-40099x"}) {
        INFO(bad);
        CHECK(range(bad) == "20000-32000");
    }
    if (before) ::setenv("HJOB_DYNAMIC_PORTS", saved.c_str(), 1);
    else ::unsetenv("HJOB_DYNAMIC_PORTS");
}
