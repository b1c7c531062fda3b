// Where secrets, tokens and policies are kept: interfaces, so this layer holds no storage.
// The state owner implements them over SQLite (runtime/state); MemoryStore serves tests.
// Values reach a store only sealed (cipher.hpp) and tokens only as hashes (token.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cipher.hpp"
#include "clock.hpp"
#include "result.hpp"

namespace hjob::secrets {

/// One version of one KV secret. `path` is relative to the mount ("app/db" for secret/app/db).
struct StoredVersion {
    std::string path;
    std::uint64_t version = 0;  ///< 1, 2, ... per path
    UnixSeconds created = 0;
    std::optional<UnixSeconds> deleted;  ///< soft deletion time
    Bytes sealed;                        ///< seal(key, json of the data, kv_associated_data(path, version))
};

class SecretStore {
public:
    virtual ~SecretStore() = default;
    /// The versions of `path`, oldest first; empty when it was never written.
    virtual std::vector<StoredVersion> versions(std::string_view path) const = 0;
    /// Adds a version; fails unless v.version is the latest version + 1 (a concurrent writer won).
    virtual Status append(const StoredVersion& v) = 0;
    /// Sets the deletion time of one version.
    virtual Status mark_deleted(std::string_view path, std::uint64_t version, UnixSeconds when) = 0;
    /// Every path with at least one version, sorted.
    virtual std::vector<std::string> paths() const = 0;
    /// Every version of every path (for rekey).
    virtual std::vector<StoredVersion> all_versions() const = 0;
    /// Replaces the sealed bytes of each given (path, version): all of them or none (one transaction).
    virtual Status replace_sealed(const std::vector<StoredVersion>& versions) = 0;
};

/// A token as stored: never its id, only the hash of it (token.hpp), so a dump cannot be replayed.
struct TokenRecord {
    std::string hash;                   ///< hex BLAKE2b-256 of the token id; the primary key
    std::vector<std::string> policies;  ///< including "default" unless created without it
    UnixSeconds created = 0;
    UnixSeconds expires = 0;          ///< refused from this second on
    UnixSeconds ttl = 0;              ///< the creation TTL: a renewal's default increment
    UnixSeconds explicit_max_ttl = 0;  ///< 0: none (the system maximum still applies unless periodic)
    UnixSeconds period = 0;            ///< 0: not periodic
    bool renewable = false;
    bool revoked = false;
    std::string display_name;
};

class TokenStore {
public:
    virtual ~TokenStore() = default;
    /// Inserts or replaces the record with the same hash.
    virtual Status put_token(const TokenRecord& t) = 0;
    virtual std::optional<TokenRecord> token(std::string_view hash) const = 0;
};

/// Policies are kept as the text the user wrote (so `policy read` shows comments and layout)
/// and parsed when used.
class PolicyStore {
public:
    virtual ~PolicyStore() = default;
    virtual Status put_policy(std::string_view name, std::string_view text) = 0;
    virtual std::optional<std::string> policy_text(std::string_view name) const = 0;
    virtual std::vector<std::string> policy_names() const = 0;  ///< sorted
    /// false when there was no such policy.
    virtual bool delete_policy(std::string_view name) = 0;
};

}  // namespace hjob::secrets
