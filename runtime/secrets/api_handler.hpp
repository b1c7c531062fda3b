// One request of the local Vault-compatible API, from method, target, token and body to a
// status and a JSON body, with no sockets: api_server.cpp does the HTTP, this does the rules
// (route, authorize, answer in Vault's shapes), so tests can drive it with a fake clock.
#pragma once

#include <string>
#include <string_view>

#include "secrets.hpp"

namespace hjob::secrets {

struct ApiRequest {
    std::string method;  ///< GET, LIST, POST, PUT, DELETE
    std::string target;  ///< path and query as sent, percent-encoded
    std::string token;   ///< from X-Vault-Token or Authorization: Bearer; "" when absent
    std::string body;
};

struct ApiResponse {
    int status = 200;
    std::string body;  ///< JSON; empty for 204
    /// One line for the server's log when the request was refused or failed ("" otherwise):
    /// the method, the path and the reason, never a secret value or the token.
    std::string log;
};

/// The largest request body the API reads: renew-self's {"increment": ...} is tens of bytes.
inline constexpr std::size_t max_api_body = 64 * 1024;

/// Answers one request against `secrets`. Every request is authorized first, as Vault does,
/// so a token that may not read a path learns nothing about it (403 even when it is absent).
/// 400: a path with `..`, `.`, an empty segment, NUL or a bad percent escape; 403: no token, a
/// forged, expired or revoked one, or a policy that does not grant the operation; 404: no
/// such secret or API path; 405: a method the path does not take (writes: the API serves reads
/// and token self-service only, writers use `hjob secret put` under the state lock).
ApiResponse handle_api(Secrets& secrets, const ApiRequest& request);

/// The token of a request: X-Vault-Token, else the token of `Authorization: Bearer <token>`.
std::string request_token(std::string_view x_vault_token, std::string_view authorization);

}  // namespace hjob::secrets
