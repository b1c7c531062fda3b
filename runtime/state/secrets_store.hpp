// The secrets stores (runtime/secrets/store.hpp) over the state database: tables
// secret_versions, tokens and policies of migration 0002. Values arrive sealed and tokens
// hashed, so nothing written here is a secret in plain text.
#pragma once

#include "runtime/secrets/store.hpp"
#include "sqlite.hpp"

namespace hjob::runtime::state {

/// One object for the three interfaces, as MemoryStore. Each call runs in its own
/// transaction (the caller must not hold one on `db`); SQLite failures come back as a
/// failed Status or throw StateError from the reads.
class SqliteSecretStore final : public secrets::SecretStore, public secrets::TokenStore, public secrets::PolicyStore {
public:
    explicit SqliteSecretStore(Db& db) : db_(db) {}

    std::vector<secrets::StoredVersion> versions(std::string_view path) const override;
    secrets::Status append(const secrets::StoredVersion& v) override;
    secrets::Status mark_deleted(std::string_view path, std::uint64_t version, secrets::UnixSeconds when) override;
    std::vector<std::string> paths() const override;
    std::vector<secrets::StoredVersion> all_versions() const override;
    secrets::Status replace_sealed(const std::vector<secrets::StoredVersion>& versions) override;

    secrets::Status put_token(const secrets::TokenRecord& t) override;
    std::optional<secrets::TokenRecord> token(std::string_view hash) const override;

    secrets::Status put_policy(std::string_view name, std::string_view text) override;
    std::optional<std::string> policy_text(std::string_view name) const override;
    std::vector<std::string> policy_names() const override;
    bool delete_policy(std::string_view name) override;

private:
    Db& db_;
};

}  // namespace hjob::runtime::state
