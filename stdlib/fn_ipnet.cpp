// IP network functions (go-cty-funcs cidr over apparentlymart/go-cidr): cidrhost,
// cidrnetmask, cidrsubnet, cidrsubnets. Addresses are 128-bit integers with a width of
// 32 (IPv4) or 128 (IPv6); text is parsed and printed as Go's net package does.
#include <arpa/inet.h>

#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

__extension__ typedef unsigned __int128 u128;  // GCC's 128-bit integer; pedantic needs the marker

struct Net {
    u128 ip = 0;
    int bits = 32;   // address width
    int prefix = 0;  // mask length
};

u128 mask_of(int prefix, int bits) {
    if (prefix <= 0) return 0;
    const u128 all = bits == 128 ? ~u128{0} : (u128{1} << bits) - 1;
    return prefix >= bits ? all : all & ~((u128{1} << (bits - prefix)) - 1);
}

std::string ip_string(u128 ip, int bits) {
    if (bits == 32) {
        std::string s;
        for (int i = 3; i >= 0; --i) s += std::to_string(static_cast<unsigned>((ip >> (8 * i)) & 0xff)) + (i ? "." : "");
        return s;
    }
    std::uint16_t g[8];
    for (int i = 0; i < 8; ++i) g[i] = static_cast<std::uint16_t>(ip >> (16 * (7 - i)));
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff)  // IPv4-mapped: Go prints dotted
        return ip_string(ip & 0xffffffffu, 32);
    int best = -1, best_len = 1;  // longest run of zero groups, at least two (RFC 5952)
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && g[j] == 0) ++j;
        if (j - i > best_len) best = i, best_len = j - i;
        i = j == i ? i + 1 : j;
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 8; ++i) {
        if (i == best) {
            s += "::";
            i += best_len - 1;
            continue;
        }
        if (!s.empty() && s.back() != ':') s += ':';
        std::string h;
        for (unsigned v = g[i]; v || h.empty(); v >>= 4) h.insert(h.begin(), hex[v & 15]);
        s += h;
    }
    return s;
}

std::string net_string(const Net& n) { return ip_string(n.ip, n.bits) + "/" + std::to_string(n.prefix); }

// net.ParseCIDR: "addr/len", the address masked to the prefix.
std::optional<Net> parse_cidr(const std::string& s, std::string& error) {
    error = "invalid CIDR address: " + s;
    const auto slash = s.find('/');
    if (slash == std::string::npos) return std::nullopt;
    const std::string addr = s.substr(0, slash), len = s.substr(slash + 1);
    Net n;
    unsigned char buf[16];
    if (inet_pton(AF_INET, addr.c_str(), buf) == 1) {
        n.bits = 32;
        for (int i = 0; i < 4; ++i) n.ip = (n.ip << 8) | buf[i];
    } else if (addr.find(':') != std::string::npos && inet_pton(AF_INET6, addr.c_str(), buf) == 1) {
        n.bits = 128;
        for (int i = 0; i < 16; ++i) n.ip = (n.ip << 8) | buf[i];
    } else {
        return std::nullopt;
    }
    if (len.empty() || len.size() > 3 || len.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    n.prefix = std::stoi(len);
    if (n.prefix > n.bits) return std::nullopt;
    n.ip &= mask_of(n.prefix, n.bits);
    error.clear();
    return n;
}

u128 last_address(const Net& n) { return n.ip | (mask_of(n.bits, n.bits) & ~mask_of(n.prefix, n.bits)); }
u128 all_ones(int bits) { return mask_of(bits, bits); }

CallResult cidrhost(std::span<const Value> a) {
    std::string error;
    const auto num = to_int(a[1], &error);
    if (!num) return fail(error);
    const auto net = parse_cidr(a[0].as_string(), error);
    if (!net) return fail("invalid CIDR expression: " + error);
    const int host_bits = net->bits - net->prefix;
    const u128 max_host = host_bits >= 128 ? ~u128{0} : (u128{1} << host_bits) - 1;
    u128 magnitude = *num < 0 ? static_cast<u128>(-(*num + 1)) : static_cast<u128>(*num);
    if (magnitude > max_host)
        return fail("prefix of " + std::to_string(net->prefix) + " does not accommodate a host numbered " + std::to_string(*num));
    const u128 host = *num < 0 ? max_host - magnitude : magnitude;
    return ok(Value::string(ip_string(net->ip | host, net->bits)));
}

CallResult cidrsubnet(std::span<const Value> a) {
    std::string error;
    const auto newbits = to_int(a[1], &error);
    if (!newbits) return fail(error);
    const auto netnum = to_int(a[2], &error);
    if (!netnum) return fail(error);
    auto net = parse_cidr(a[0].as_string(), error);
    if (!net) return fail("invalid CIDR expression: " + error);
    if (*newbits > 32) return fail("may not extend prefix by more than 32 bits");
    const std::int64_t plen = net->prefix + *newbits;
    if (*newbits < 0 || plen > net->bits)
        return fail("insufficient address space to extend prefix of " + std::to_string(net->prefix) + " by " + std::to_string(*newbits));
    const std::uint64_t max = (std::uint64_t{1} << *newbits) - 1;
    if (*netnum < 0 || static_cast<std::uint64_t>(*netnum) > max)
        return fail("prefix extension of " + std::to_string(*newbits) + " does not accommodate a subnet numbered " + std::to_string(*netnum));
    net->ip |= static_cast<u128>(*netnum) << (net->bits - plen);
    net->prefix = static_cast<int>(plen);
    return ok(Value::string(net_string(*net)));
}

CallResult cidrsubnets(std::span<const Value> a) {
    std::string error;
    const auto base = parse_cidr(a[0].as_string(), error);
    if (!base) return fail("invalid CIDR expression: " + error, 0);
    if (a.size() == 1) return ok(Value::list_empty(Type::string()));
    const auto first = to_int(a[1], &error);
    if (!first) return fail(error, 1);
    // go-cidr's PreviousSubnet: the block of the first length just below the base.
    const int first_len = static_cast<int>(std::clamp<std::int64_t>(*first + base->prefix, 0, base->bits));
    Net current{(base->ip - 1) & all_ones(base->bits) & mask_of(first_len, base->bits), base->bits, first_len};
    std::vector<Value> out;
    for (std::size_t i = 1; i < a.size(); ++i) {
        const int arg = static_cast<int>(i);
        auto len = to_int(a[i], &error);
        if (!len) return fail(error, arg);
        if (*len < 1) return fail("must extend prefix by at least one bit", arg);
        if (*len > 32) return fail("may not extend prefix by more than 32 bits", arg);
        const int plen = static_cast<int>(*len) + base->prefix;
        if (plen > base->bits)
            return fail("would extend prefix to " + std::to_string(plen) + " bits, which is too long for an " +
                            (base->bits == 32 ? "IPv4" : "IPv6") + " address", arg);
        // go-cidr's NextSubnet: the block after the one of length plen holding current's end.
        const u128 mask = mask_of(plen, base->bits);
        const u128 last = ((last_address(current) & mask) | (all_ones(base->bits) & ~mask)) + 1;
        const u128 next = last & all_ones(base->bits) & mask;
        const bool rollover = (last & all_ones(base->bits)) == 0;
        if (rollover || (next & mask_of(base->prefix, base->bits)) != base->ip)
            return fail("not enough remaining address space for a subnet with a prefix of " + std::to_string(plen) + " bits after " +
                            net_string(current), arg);
        current = Net{next, base->bits, plen};
        out.push_back(Value::string(net_string(current)));
    }
    return ok(Value::list(std::move(out)));
}

}  // namespace

void add_ipnet_functions(FunctionTable& t) {
    const Type S = Type::string(), N = Type::number();
    t["cidrhost"] = make({param("prefix", S), param("hostnum", N)}, S, [](std::span<const Value> a, const Type&) { return cidrhost(a); });
    t["cidrnetmask"] = make({param("prefix", S)}, S, [](std::span<const Value> a, const Type&) {
        std::string error;
        const auto net = parse_cidr(a[0].as_string(), error);
        if (!net) return fail("invalid CIDR expression: " + error);
        return ok(Value::string(ip_string(mask_of(net->prefix, net->bits), net->bits)));
    });
    t["cidrsubnet"] = make({param("prefix", S), param("newbits", N), param("netnum", N)}, S,
                           [](std::span<const Value> a, const Type&) { return cidrsubnet(a); });
    t["cidrsubnets"] = make_var({param("prefix", S)}, param("newbits", N), Type::list(S),
                                [](std::span<const Value> a, const Type&) { return cidrsubnets(a); });
}

}  // namespace hjob::cty::fn
