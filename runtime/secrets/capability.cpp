// Capability names and the merge rule of identical path patterns.
#include "capability.hpp"

#include <array>
#include <utility>

namespace hjob::secrets {

namespace {

constexpr std::array<std::pair<std::string_view, Capability>, 8> table{{
    {"create", cap_create},
    {"read", cap_read},
    {"update", cap_update},
    {"patch", cap_patch},
    {"delete", cap_delete},
    {"list", cap_list},
    {"sudo", cap_sudo},
    {"deny", cap_deny},
}};

}  // namespace

std::optional<Capability> capability_named(std::string_view name) {
    for (const auto& [n, c] : table)
        if (n == name) return c;
    return std::nullopt;
}

const std::vector<std::string>& capability_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& entry : table) v.emplace_back(entry.first);
        return v;
    }();
    return names;
}

std::string describe(Capabilities caps) {
    if ((caps & cap_deny) != 0) return "deny";
    std::string out;
    for (const auto& [n, c] : table) {
        if ((caps & c) == 0) continue;
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out.empty() ? "none" : out;
}

Capabilities merge(Capabilities a, Capabilities b) {
    const Capabilities both = a | b;
    return (both & cap_deny) != 0 ? Capabilities{cap_deny} : both;
}

std::string_view operation_name(Operation op) {
    switch (op) {
        case Operation::create: return "create";
        case Operation::read: return "read";
        case Operation::update: return "update";
        case Operation::delete_: return "delete";
        case Operation::list: return "list";
        case Operation::patch: return "patch";
    }
    return "?";
}

Capability required_capability(Operation op) {
    switch (op) {
        case Operation::create: return cap_create;
        case Operation::read: return cap_read;
        case Operation::update: return cap_update;
        case Operation::delete_: return cap_delete;
        case Operation::list: return cap_list;
        case Operation::patch: return cap_patch;
    }
    return cap_deny;
}

}  // namespace hjob::secrets
