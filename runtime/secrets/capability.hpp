// Vault's capabilities as a bit set: what a policy grants on a path (ecosystem.md §7.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::secrets {

enum Capability : std::uint16_t {
    cap_create = 1 << 0,
    cap_read = 1 << 1,
    cap_update = 1 << 2,
    cap_delete = 1 << 3,
    cap_list = 1 << 4,
    cap_patch = 1 << 5,
    cap_sudo = 1 << 6,
    cap_deny = 1 << 7,  ///< beats every other capability, sudo included
};
using Capabilities = std::uint16_t;

/// The capability named `name` ("read", ...); nullopt for an unknown name.
std::optional<Capability> capability_named(std::string_view name);
/// Every capability name, in Vault's documentation order (for did-you-mean and help).
const std::vector<std::string>& capability_names();
/// "read, list"; "deny" when deny is set; "none" when empty.
std::string describe(Capabilities caps);
/// Merges two grants of the same path pattern: the union, except that deny clears the rest.
Capabilities merge(Capabilities a, Capabilities b);

/// The operations a request performs; each needs the capability of the same name.
enum class Operation : std::uint8_t { create, read, update, delete_, list, patch };
std::string_view operation_name(Operation op);
Capability required_capability(Operation op);

}  // namespace hjob::secrets
