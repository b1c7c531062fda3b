// KV version 2 semantics over a SecretStore: every put is a new version, delete is a soft
// delete of the latest version, history lists versions with their times. Paths are the
// logical `secret/<p>` the CLI takes; data is sealed before it reaches the store.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cipher.hpp"
#include "clock.hpp"
#include "store.hpp"

namespace hjob::secrets {

/// A secret's key=value pairs (KV v2's `data.data`).
using SecretData = std::map<std::string, std::string>;

/// The one named size limit of a version's data, keys and values together: Vault's storage
/// caps an entry at 512 KiB by default; 1 MiB leaves room for the JSON around it.
inline constexpr std::size_t max_secret_bytes = 1 << 20;

/// KV v2's `data.metadata`, and one line of `history`.
struct VersionInfo {
    std::uint64_t version = 0;
    UnixSeconds created = 0;
    std::optional<UnixSeconds> deleted;
};

struct Secret {
    SecretData data;
    VersionInfo metadata;
};

class Kv {
public:
    /// `reload_keys`, when given, re-reads `keys` from the key files: get() calls it when a
    /// value does not open, since another process may have rekeyed since the keys were read.
    Kv(SecretStore& store, const KeyRing& keys, const Clock& clock, std::function<Status()> reload_keys = nullptr)
        : store_(store), keys_(keys), clock_(clock), reload_keys_(std::move(reload_keys)) {}

    /// Whether `path` has any version (deleted or not): a put is then an `update`, else a
    /// `create`, which is the capability the API checks (Vault's existence check).
    bool exists(std::string_view path) const;
    /// Writes a new version of `path`; refuses empty data, empty keys, oversized data.
    Result<VersionInfo> put(std::string_view path, const SecretData& data);
    /// The latest version, or `version`; refused when it does not exist or is deleted.
    Result<Secret> get(std::string_view path, std::optional<std::uint64_t> version = std::nullopt) const;
    /// One field of get(); the message lists the field names (never values) when it is absent.
    Result<std::string> get_field(std::string_view path, std::string_view field,
                                  std::optional<std::uint64_t> version = std::nullopt) const;
    /// The keys directly under `prefix` (`secret/` or `secret/app`), sorted; folders end in `/`.
    /// Soft-deleted secrets are still listed, as in Vault (their metadata remains).
    Result<std::vector<std::string>> list(std::string_view prefix) const;
    /// Soft-deletes the latest version (KV v2's `kv delete`); deleting it again keeps the first time.
    Result<VersionInfo> remove(std::string_view path);
    /// Every version, oldest first.
    Result<std::vector<VersionInfo>> history(std::string_view path) const;

private:
    Result<std::string> unseal_fresh(const std::string& rel, const StoredVersion& first) const;

    SecretStore& store_;
    const KeyRing& keys_;
    const Clock& clock_;
    std::function<Status()> reload_keys_;
};

/// The hjob secret rekey step: draws a new key, re-encrypts every stored version with it and
/// replaces the key file of `dir`. Nothing changes when any value fails to decrypt. Order, so
/// that a crash loses nothing: (1) decrypt and re-seal everything in memory, (2) write the
/// new key durably to secrets.key.rekey, (3) replace all values in one store transaction,
/// (4) rename secrets.key.rekey over secrets.key. After a crash between (3) and (4),
/// open_keys finds the pending key and unseal falls back to it. Returns the count re-sealed.
Result<std::size_t> rekey(const std::filesystem::path& dir, SecretStore& store);

/// Settles a rekey interrupted between its commit points: keeps whichever key the stored
/// values are under (they are all under one, the store commits them together) and removes
/// the other file. rekey() calls it first; an opener may call it too. Success when none.
Status finish_interrupted_rekey(const std::filesystem::path& dir, const SecretStore& store);

}  // namespace hjob::secrets
