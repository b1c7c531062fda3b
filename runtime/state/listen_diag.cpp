// One NLM_F_DUMP request per address family, answered with one inet_diag_msg per listening
// socket (listen_diag.hpp).
#include "runtime/state/listen_diag.hpp"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace hjob::runtime::state {

namespace {

constexpr unsigned tcp_listen = 10;  // TCP_LISTEN in the kernel's include/net/tcp_states.h

std::string address_text(unsigned family, const std::uint32_t (&a)[4]) {
    char buf[INET_ADDRSTRLEN] = {};
    if (family == AF_INET) return ::inet_ntop(AF_INET, &a[0], buf, sizeof buf) ? buf : "";
    if (a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0) return "::";
    if (a[0] == 0 && a[1] == 0 && a[2] == htonl(0xffff)) return ::inet_ntop(AF_INET, &a[3], buf, sizeof buf) ? buf : "";
    return "ipv6";  // as /proc/net/tcp6 is read: only the wildcard and v4-mapped ones matter
}

/// Reads the answers to one dump until NLMSG_DONE; false on an error or a malformed reply.
bool read_dump(int fd, std::vector<Listener>& out) {
    alignas(nlmsghdr) char buf[32768];
    while (true) {
        const ssize_t got = ::recv(fd, buf, sizeof buf, 0);
        if (got <= 0) return false;
        const auto size = static_cast<std::size_t>(got);
        for (std::size_t off = 0; off + sizeof(nlmsghdr) <= size;) {
            nlmsghdr h;
            std::memcpy(&h, buf + off, sizeof h);
            if (h.nlmsg_len < sizeof(nlmsghdr) || off + h.nlmsg_len > size) return false;
            if (h.nlmsg_type == NLMSG_DONE) return true;
            if (h.nlmsg_type == NLMSG_ERROR) return false;
            if (h.nlmsg_len >= NLMSG_LENGTH(sizeof(inet_diag_msg))) {
                inet_diag_msg m;
                std::memcpy(&m, buf + off + NLMSG_HDRLEN, sizeof m);
                out.push_back({address_text(m.idiag_family, m.id.idiag_src), ntohs(m.id.idiag_sport)});
            }
            off += NLMSG_ALIGN(h.nlmsg_len);
        }
    }
}

bool dump(int fd, unsigned char family, std::vector<Listener>& out) {
    struct {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } msg{};
    msg.header.nlmsg_len = sizeof msg;
    msg.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    msg.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    msg.request.sdiag_family = family;
    msg.request.sdiag_protocol = IPPROTO_TCP;
    msg.request.idiag_states = 1u << tcp_listen;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(fd, &msg, sizeof msg, 0, reinterpret_cast<sockaddr*>(&kernel), sizeof kernel) < 0) return false;
    return read_dump(fd, out);
}

}  // namespace

std::optional<std::vector<Listener>> diag_listeners() {
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0) return std::nullopt;
    std::vector<Listener> out;
    const bool ok = dump(fd, AF_INET, out) && dump(fd, AF_INET6, out);
    ::close(fd);
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace hjob::runtime::state
