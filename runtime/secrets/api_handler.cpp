// handle_api: decode, route (api_route.hpp), authorize against the token's policies, then
// read through the secrets layer and answer in Vault's shapes (api_json.hpp).
#include "api_handler.hpp"

#include <optional>

#include "api_json.hpp"
#include "api_route.hpp"
#include "path.hpp"
#include "stdlib/fn_time.hpp"

namespace hjob::secrets {

namespace {

using nlohmann::json;

ApiResponse answer(int status, const json& body) { return {status, body.dump(), ""}; }

ApiResponse error(int status, const std::string& message, std::string log) {
    return {status, api_json::errors({message}), std::move(log)};
}

// Vault answers a missing secret with 404 and an empty error list.
ApiResponse not_found() { return {404, api_json::errors({}), ""}; }

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The path part of `target` percent-decoded (the query is left as is): "%2e%2e" must meet the
// same `..` check as "..", and "%00" the NUL check. nullopt for a malformed escape.
std::optional<std::string> decode_target(std::string_view target) {
    const auto q = target.find('?');
    const std::string_view path = target.substr(0, q);
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '%') {
            out += path[i];
            continue;
        }
        if (i + 2 >= path.size()) return std::nullopt;
        const int hi = hex(path[i + 1]), lo = hex(path[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    if (q != std::string_view::npos) out += target.substr(q);
    return out;
}

// The increment of renew-self's body: {"increment": "1h"} or {"increment": 3600}; 0 when absent.
std::optional<UnixSeconds> increment_of(const std::string& body) {
    if (body.empty()) return 0;
    const auto j = json::parse(body, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    const auto it = j.find("increment");
    if (it == j.end()) return 0;
    if (it->is_number_integer()) return it->get<UnixSeconds>();
    if (!it->is_string()) return std::nullopt;
    std::string err;
    const std::string text = it->get<std::string>();
    const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    const auto ns = cty::fn::parse_duration(digits ? text + "s" : text, err);  // Vault: a bare number is seconds
    if (!ns) return std::nullopt;
    return *ns / 1'000'000'000;
}

ApiResponse kv_read(Secrets& s, const ApiRoute& r) {
    if (!s.kv().exists(r.logical)) return not_found();
    const auto secret = s.kv().get(r.logical, r.version);
    if (secret) return answer(200, api_json::kv_read(*secret));
    // Missing or deleted versions are 404 in Vault; anything else is the store's fault.
    const auto history = s.kv().history(r.logical);
    const std::uint64_t n = r.version.value_or(history ? history->size() : 0);
    if (!history || n == 0 || n > history->size() || (*history)[n - 1].deleted) return not_found();
    return error(500, "internal error", secret.error);
}

ApiResponse kv_list(Secrets& s, const ApiRoute& r) {
    const auto keys = s.kv().list(r.logical);
    if (!keys) return not_found();
    return answer(200, api_json::envelope({{"keys", *keys}}));
}

ApiResponse kv_metadata(Secrets& s, const ApiRoute& r) {
    const auto versions = s.kv().history(r.logical);
    if (!versions || versions->empty()) return not_found();
    return answer(200, api_json::kv_metadata(*versions));
}

ApiResponse token_renew(Secrets& s, const ApiRequest& req) {
    const auto increment = increment_of(req.body);
    if (!increment || *increment < 0)
        return error(400, "increment must be a duration such as \"1h\" or a number of seconds", "bad increment");
    const auto info = s.tokens().renew(req.token, *increment);
    if (!info) return error(info.error.starts_with("permission denied") ? 403 : 400, info.error, info.error);
    return answer(200, api_json::renew_auth(*info, req.token));
}

ApiResponse dispatch(Secrets& s, const ApiRequest& req, const ApiRoute& r) {
    switch (r.action) {
    case ApiAction::kv_read: return kv_read(s, r);
    case ApiAction::kv_list: return kv_list(s, r);
    case ApiAction::kv_metadata: return kv_metadata(s, r);
    case ApiAction::token_lookup: {
        const auto info = s.tokens().lookup(req.token);
        if (!info) return error(403, "permission denied", info.error);
        return answer(200, api_json::envelope(api_json::token_data(*info)));
    }
    case ApiAction::token_renew: return token_renew(s, req);
    case ApiAction::token_revoke: {
        if (auto done = s.tokens().revoke(req.token); !done) return error(403, "permission denied", done.error);
        return {204, "", ""};
    }
    case ApiAction::kv_write:
    case ApiAction::kv_delete: break;
    }
    return error(405, "hjob's secrets API serves reads and token self-service; write with `hjob secret put`", "");
}

// The answer before logging: `log` holds just the reason.
ApiResponse respond(Secrets& secrets, const ApiRequest& req) {
    const auto target = decode_target(req.target);
    if (!target) return error(400, "malformed percent escape in the path", "malformed percent escape");
    const auto r = route(req.method, *target);
    if (!r) {
        const bool unknown = r.error.starts_with("not a Vault API path") || r.error.starts_with("hjob does not serve");
        return error(is_method_error(r.error) ? 405 : unknown ? 404 : 400, r.error, r.error);
    }
    if (r->action == ApiAction::kv_write || r->action == ApiAction::kv_delete) return dispatch(secrets, req, *r);
    const Decision d = secrets.tokens().authorize(req.token, r->operation, r->policy_path);
    if (!d.allowed) return error(403, "permission denied", d.reason);
    return dispatch(secrets, req, *r);
}

}  // namespace

ApiResponse handle_api(Secrets& secrets, const ApiRequest& req) {
    ApiResponse out = respond(secrets, req);
    if (!out.log.empty())
        out.log = std::to_string(out.status) + " " + req.method + " " +
                  printable(req.target.substr(0, req.target.find('?'))) + ": " + out.log;
    return out;
}

std::string request_token(std::string_view x_vault_token, std::string_view authorization) {
    if (!x_vault_token.empty()) return std::string(x_vault_token);
    constexpr std::string_view bearer = "Bearer ";
    if (authorization.size() > bearer.size() && authorization.substr(0, bearer.size()) == bearer)
        return std::string(authorization.substr(bearer.size()));
    return "";
}

}  // namespace hjob::secrets
