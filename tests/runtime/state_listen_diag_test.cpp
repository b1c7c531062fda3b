// The sock_diag reader of listening sockets (listen_diag.hpp) sees what /proc/net/tcp shows,
// addressed the same way, without listing every connection.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "runtime/state/listen_diag.hpp"

namespace rs = hjob::runtime::state;

namespace {

/// A socket listening on `address` (IPv4 or IPv6 text) at a free port; fd -1 when the
/// machine has no such address family.
struct Listening {
    int fd = -1;
    int port = 0;
    explicit Listening(const char* address) {
        sockaddr_storage s{};
        socklen_t len = 0;
        const bool v6 = std::string(address).find(':') != std::string::npos;
        if (v6) {
            auto* a = reinterpret_cast<sockaddr_in6*>(&s);
            a->sin6_family = AF_INET6;
            ::inet_pton(AF_INET6, address, &a->sin6_addr);
            len = sizeof *a;
        } else {
            auto* a = reinterpret_cast<sockaddr_in*>(&s);
            a->sin_family = AF_INET;
            ::inet_pton(AF_INET, address, &a->sin_addr);
            len = sizeof *a;
        }
        fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
        if (fd < 0) return;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&s), len) != 0 || ::listen(fd, 1) != 0) {
            ::close(fd);
            fd = -1;
            return;
        }
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&s), &len);
        port = ntohs(v6 ? reinterpret_cast<sockaddr_in6*>(&s)->sin6_port : reinterpret_cast<sockaddr_in*>(&s)->sin_port);
    }
    ~Listening() {
        if (fd >= 0) ::close(fd);
    }
};

bool has(const std::vector<rs::Listener>& all, const std::string& address, int port) {
    return std::any_of(all.begin(), all.end(), [&](const rs::Listener& l) { return l.address == address && l.port == port; });
}

}  // namespace

TEST_CASE("sock_diag lists the listening sockets of this machine", "[state][host-ports]") {
    const Listening loopback("127.0.0.1");
    REQUIRE(loopback.fd >= 0);
    const Listening wildcard6("::");
    const Listening connected_not("127.0.0.1");  // listening too: every one is listed, not only the first
    const auto all = rs::diag_listeners();
    if (!all) {
        std::printf("NOTICE: sock_diag refused here; host_listeners() reads /proc/net/tcp instead\n");
        return;
    }
    CHECK(has(*all, "127.0.0.1", loopback.port));
    CHECK(has(*all, "127.0.0.1", connected_not.port));
    if (wildcard6.fd >= 0) CHECK(has(*all, "::", wildcard6.port));
    CHECK_FALSE(has(*all, "127.0.0.1", 0));
}
