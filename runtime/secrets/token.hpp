// Tokens: created with policies and a TTL, looked up, renewed, revoked; expiry checked on
// every use. Ids are random ("hvs." + 32 base62 characters, ~190 bits, shaped like Vault's
// service tokens) and stored only as their BLAKE2b hash, so a database dump cannot be replayed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "acl.hpp"
#include "clock.hpp"
#include "policies.hpp"
#include "store.hpp"

namespace hjob::secrets {

/// Vault's default system maximum TTL (768h); a non-periodic token never lives past it.
inline constexpr UnixSeconds max_token_ttl = 768 * 3600;

struct TokenSpec {
    std::vector<std::string> policies;
    UnixSeconds ttl = 0;               ///< 0: max_token_ttl (or the period for periodic tokens)
    UnixSeconds explicit_max_ttl = 0;  ///< 0: none
    UnixSeconds period = 0;            ///< > 0: periodic; each renewal resets the TTL to it
    bool renewable = false;            ///< periodic tokens are renewable regardless
    bool no_default_policy = false;
    std::string display_name;
};

/// What lookup shows: everything but the id.
struct TokenInfo {
    std::vector<std::string> policies;
    UnixSeconds created = 0;
    UnixSeconds expires = 0;
    UnixSeconds ttl_remaining = 0;
    UnixSeconds explicit_max_ttl = 0;
    UnixSeconds period = 0;
    bool renewable = false;
    std::string display_name;
};

struct CreatedToken {
    std::string id;  ///< shown once, to the creator; only its hash is kept
    TokenInfo info;
};

/// The hex BLAKE2b-256 of a token id: its key in the TokenStore.
std::string token_hash(std::string_view id);

class Tokens {
public:
    Tokens(TokenStore& tokens, const Policies& policies, const Clock& clock)
        : tokens_(tokens), policies_(policies), clock_(clock) {}

    /// Refuses unknown policies (did-you-mean), negative durations, and a TTL past the
    /// explicit maximum.
    Result<CreatedToken> create(const TokenSpec& spec);
    /// Refused when the token is unknown, revoked or expired (lookup-self does not check a
    /// capability here; the HTTP layer authorizes read on auth/token/lookup-self).
    Result<TokenInfo> lookup(std::string_view id) const;
    /// renew-self: needs update on auth/token/renew-self, a renewable or periodic token.
    /// Extends to now + `increment` (0: the token's TTL; periodic: the period), never past the
    /// explicit maximum nor, unless periodic, max_token_ttl after creation, and never shortens.
    Result<TokenInfo> renew(std::string_view id, UnixSeconds increment = 0);
    Status revoke(std::string_view id);
    /// Whether the token may perform `op` on `path`; the reason never holds the token or a value.
    Decision authorize(std::string_view id, Operation op, std::string_view path) const;

private:
    Result<TokenRecord> valid(std::string_view id) const;
    Acl acl_of(const TokenRecord& t) const;
    TokenInfo info_of(const TokenRecord& t) const;

    TokenStore& tokens_;
    const Policies& policies_;
    const Clock& clock_;
};

}  // namespace hjob::secrets
