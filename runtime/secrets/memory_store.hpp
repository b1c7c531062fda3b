// The stores in memory: for tests, and the reference behaviour the SQLite stores must match.
#pragma once

#include <map>

#include "store.hpp"

namespace hjob::secrets {

class MemoryStore final : public SecretStore, public TokenStore, public PolicyStore {
public:
    std::vector<StoredVersion> versions(std::string_view path) const override;
    Status append(const StoredVersion& v) override;
    Status mark_deleted(std::string_view path, std::uint64_t version, UnixSeconds when) override;
    std::vector<std::string> paths() const override;
    std::vector<StoredVersion> all_versions() const override;
    Status replace_sealed(const std::vector<StoredVersion>& versions) override;

    Status put_token(const TokenRecord& t) override;
    std::optional<TokenRecord> token(std::string_view hash) const override;

    Status put_policy(std::string_view name, std::string_view text) override;
    std::optional<std::string> policy_text(std::string_view name) const override;
    std::vector<std::string> policy_names() const override;
    bool delete_policy(std::string_view name) override;

    /// Everything stored, as bytes, for tests that look for plaintext ("the database dump").
    std::string dump() const;

private:
    std::map<std::string, std::vector<StoredVersion>, std::less<>> kv_;
    std::map<std::string, TokenRecord, std::less<>> tokens_;
    std::map<std::string, std::string, std::less<>> policies_;
};

}  // namespace hjob::secrets
