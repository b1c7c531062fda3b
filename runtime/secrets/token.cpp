// Token lifecycle and per-request authorization.
#include "token.hpp"

#include <sodium.h>

#include <algorithm>

namespace hjob::secrets {

namespace {

constexpr std::string_view token_prefix = "hvs.";
constexpr std::size_t token_chars = 32;

std::string random_id() {
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    crypto_ready();
    std::string id(token_prefix);
    for (std::size_t i = 0; i < token_chars; ++i) id += alphabet[randombytes_uniform(62)];
    return id;
}

}  // namespace

std::string token_hash(std::string_view id) {
    crypto_ready();
    unsigned char h[crypto_generichash_BYTES];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(id.data()), id.size(), nullptr, 0);
    char hex[2 * sizeof h + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

Result<CreatedToken> Tokens::create(const TokenSpec& spec) {
    using R = Result<CreatedToken>;
    if (spec.ttl < 0 || spec.explicit_max_ttl < 0 || spec.period < 0) return R::fail("durations cannot be negative");
    if (const auto m = policies_.missing(spec.policies); !m.empty()) return R::fail(m);
    const UnixSeconds ttl = spec.ttl > 0 ? spec.ttl : spec.period > 0 ? spec.period : max_token_ttl;
    if (spec.explicit_max_ttl > 0 && ttl > spec.explicit_max_ttl)
        return R::fail("the TTL is longer than the explicit maximum TTL");
    if (spec.period == 0 && ttl > max_token_ttl) return R::fail("the TTL is longer than the maximum of 768h");
    TokenRecord t;
    std::vector<std::string> policies = spec.policies;
    if (!spec.no_default_policy) policies.emplace_back("default");
    std::sort(policies.begin(), policies.end());
    policies.erase(std::unique(policies.begin(), policies.end()), policies.end());
    t.policies = policies;
    t.created = clock_.now();
    t.expires = t.created + ttl;
    t.ttl = ttl;
    t.explicit_max_ttl = spec.explicit_max_ttl;
    t.period = spec.period;
    t.renewable = spec.renewable || spec.period > 0;
    t.display_name = spec.display_name;
    CreatedToken out{random_id(), {}};
    t.hash = token_hash(out.id);
    if (auto s = tokens_.put_token(t); !s) return R::fail("cannot store the token: " + s.error);
    out.info = info_of(t);
    return R::ok(std::move(out));
}

Result<TokenRecord> Tokens::valid(std::string_view id) const {
    using R = Result<TokenRecord>;
    if (id.empty()) return R::fail("permission denied: no token given");
    const auto t = tokens_.token(token_hash(id));
    if (!t) return R::fail("permission denied: the token is not known (mistyped, forged or from another data directory)");
    if (t->revoked) return R::fail("permission denied: the token was revoked");
    if (clock_.now() >= t->expires) return R::fail("permission denied: the token expired");
    return R::ok(*t);
}

Result<TokenInfo> Tokens::lookup(std::string_view id) const {
    const auto t = valid(id);
    if (!t) return Result<TokenInfo>::fail(t.error);
    return Result<TokenInfo>::ok(info_of(*t));
}

Result<TokenInfo> Tokens::renew(std::string_view id, UnixSeconds increment) {
    using R = Result<TokenInfo>;
    const auto found = valid(id);
    if (!found) return R::fail(found.error);
    TokenRecord t = *found;
    if (!acl_of(t).check(Operation::update, "auth/token/renew-self").allowed)
        return R::fail("permission denied: renewing a token needs update on auth/token/renew-self");
    if (!t.renewable) return R::fail("the token is not renewable (create it with --renewable or a --period)");
    if (increment < 0) return R::fail("the increment cannot be negative");
    const UnixSeconds now = clock_.now();
    UnixSeconds until = now + (t.period > 0 ? t.period : increment > 0 ? increment : t.ttl);
    if (t.explicit_max_ttl > 0) until = std::min(until, t.created + t.explicit_max_ttl);
    if (t.period == 0) until = std::min(until, t.created + max_token_ttl);
    t.expires = std::max(t.expires, until);
    if (auto s = tokens_.put_token(t); !s) return R::fail("cannot store the token: " + s.error);
    return R::ok(info_of(t));
}

Status Tokens::revoke(std::string_view id) {
    const auto found = valid(id);
    if (!found) return Status::fail(found.error);
    TokenRecord t = *found;
    t.revoked = true;
    return tokens_.put_token(t);
}

Decision Tokens::authorize(std::string_view id, Operation op, std::string_view path) const {
    const auto t = valid(id);
    if (!t) return Decision{false, t.error};
    return acl_of(*t).check(op, path);
}

Acl Tokens::acl_of(const TokenRecord& t) const {
    std::vector<Policy> loaded;
    bool root = false;
    for (const auto& name : t.policies) {
        if (name == "root") root = true;
        if (auto p = policies_.load(name)) loaded.push_back(std::move(*p));
    }
    return Acl(loaded, root);
}

TokenInfo Tokens::info_of(const TokenRecord& t) const {
    return TokenInfo{t.policies, t.created, t.expires, std::max<UnixSeconds>(0, t.expires - clock_.now()),
                     t.explicit_max_ttl, t.period, t.renewable, t.display_name};
}

}  // namespace hjob::secrets
