// route(): prefix matching of the handful of Vault paths hjob serves.
#include "api_route.hpp"

#include <charconv>

#include "path.hpp"

namespace hjob::secrets {

namespace {

constexpr std::string_view method_error = "unsupported method ";

using R = Result<ApiRoute>;

R bad_method(std::string_view method, std::string_view path) {
    return R::fail(std::string(method_error) + std::string(method) + " on /v1/" + printable(path));
}

// "version=3" or "list=true" in a query string.
std::optional<std::string_view> query_value(std::string_view query, std::string_view key) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        if (pair.starts_with(key) && pair.size() > key.size() && pair[key.size()] == '=')
            return pair.substr(key.size() + 1);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

R kv_route(std::string_view method, std::string_view kind, std::string_view rel, std::string_view query) {
    const std::string logical = "secret/" + std::string(rel);
    const bool is_data = kind == "data";
    const bool list = method == "LIST" || (method == "GET" && query_value(query, "list") == "true");
    if (rel.empty() && !(list && !is_data)) return R::fail("no secret path after /v1/secret/" + std::string(kind) + "/");
    if (!rel.empty())
        if (auto p = path_problem(rel, list)) return R::fail(*p);
    const std::string policy_path = "secret/" + std::string(kind) + "/" + std::string(rel);
    if (!is_data) {
        if (list) return R::ok({ApiAction::kv_list, Operation::list, policy_path, logical, std::nullopt});
        if (method == "GET") return R::ok({ApiAction::kv_metadata, Operation::read, policy_path, logical, std::nullopt});
        return bad_method(method, policy_path);
    }
    if (method == "GET") {
        ApiRoute r{ApiAction::kv_read, Operation::read, policy_path, logical, std::nullopt};
        if (const auto v = query_value(query, "version"); v && *v != "0") {  // Vault: version=0 is the latest
            std::uint64_t n = 0;
            const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
            if (ec != std::errc() || end != v->data() + v->size()) return R::fail("version must be a whole number");
            r.version = n;
        }
        return R::ok(std::move(r));
    }
    if (method == "POST" || method == "PUT")
        return R::ok({ApiAction::kv_write, Operation::create, policy_path, logical, std::nullopt});
    if (method == "DELETE") return R::ok({ApiAction::kv_delete, Operation::delete_, policy_path, logical, std::nullopt});
    return bad_method(method, policy_path);
}

R token_route(std::string_view method, std::string_view path) {
    const bool write = method == "POST" || method == "PUT";
    if (path == "auth/token/lookup-self") {
        if (method != "GET") return bad_method(method, path);
        return R::ok({ApiAction::token_lookup, Operation::read, std::string(path), "", std::nullopt});
    }
    const ApiAction action = path == "auth/token/renew-self" ? ApiAction::token_renew : ApiAction::token_revoke;
    if (!write) return bad_method(method, path);
    return R::ok({action, Operation::update, std::string(path), "", std::nullopt});
}

}  // namespace

Result<ApiRoute> route(std::string_view method, std::string_view target) {
    const auto q = target.find('?');
    std::string_view path = target.substr(0, q);
    const std::string_view query = q == std::string_view::npos ? "" : target.substr(q + 1);
    if (!path.starts_with("/v1/")) return R::fail("not a Vault API path (they start with /v1/)");
    path.remove_prefix(4);
    if (path == "auth/token/lookup-self" || path == "auth/token/renew-self" || path == "auth/token/revoke-self")
        return token_route(method, path);
    for (const std::string_view kind : {"data", "metadata"}) {
        const std::string prefix = "secret/" + std::string(kind) + "/";
        if (path.starts_with(prefix)) return kv_route(method, kind, path.substr(prefix.size()), query);
    }
    return R::fail("hjob does not serve /v1/" + printable(path) +
                   " (it serves secret/data/, secret/metadata/ and auth/token/*-self)");
}

bool is_method_error(std::string_view message) { return message.starts_with(method_error); }

}  // namespace hjob::secrets
