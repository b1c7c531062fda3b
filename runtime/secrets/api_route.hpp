// The Vault HTTP paths applications use, mapped to the secrets layer: which action, which
// capability on which policy path. Pure, so the local API server only does sockets and JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "capability.hpp"
#include "result.hpp"

namespace hjob::secrets {

enum class ApiAction : std::uint8_t {
    kv_read,       ///< GET    /v1/secret/data/<p>[?version=N]
    kv_write,      ///< POST|PUT /v1/secret/data/<p>  (create, or update when it exists)
    kv_delete,     ///< DELETE /v1/secret/data/<p>     (soft delete of the latest version)
    kv_list,       ///< LIST   /v1/secret/metadata/<p>, or GET with ?list=true
    kv_metadata,   ///< GET    /v1/secret/metadata/<p> (versions, as history)
    token_lookup,  ///< GET    /v1/auth/token/lookup-self
    token_renew,   ///< POST|PUT /v1/auth/token/renew-self
    token_revoke,  ///< POST|PUT /v1/auth/token/revoke-self
};

struct ApiRoute {
    ApiAction action;
    Operation operation;      ///< kv_write: `create`; the server switches to `update` when Kv::exists
    std::string policy_path;  ///< what authorize() checks: "secret/data/app", "auth/token/renew-self"
    std::string logical;      ///< for kv_*: the CLI's "secret/<p>" (the Kv functions' argument)
    std::optional<std::uint64_t> version;
};

/// The route of `method` (GET, POST, PUT, DELETE, LIST) on `target` (path and query). A
/// failure is a 404-style message (unknown path, bad version) or a 405 one (method).
Result<ApiRoute> route(std::string_view method, std::string_view target);

/// True when route()'s failure is about the method (answer 405), not the path (404).
bool is_method_error(std::string_view message);

}  // namespace hjob::secrets
