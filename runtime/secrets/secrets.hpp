// The secrets layer opened on a data directory: keys, KV, policies and tokens wired together,
// what the CLI (hjob secret|policy|token) and the local API hold for one command or request.
#pragma once

#include <filesystem>
#include <memory>

#include "keyfile.hpp"
#include "kv.hpp"
#include "policies.hpp"
#include "token.hpp"

namespace hjob::secrets {

class Secrets {
public:
    /// Opens (or, on first use, creates) the key file in `data_dir`, first settling a rekey
    /// that a crash interrupted. The stores and the clock must outlive the result.
    static Result<std::unique_ptr<Secrets>> open(const std::filesystem::path& data_dir, SecretStore& kv_store,
                                                 TokenStore& token_store, PolicyStore& policy_store, const Clock& clock);

    Kv& kv() { return kv_; }
    Policies& policies() { return policies_; }
    Tokens& tokens() { return tokens_; }

private:
    Secrets(KeyRing keys, SecretStore& kv_store, TokenStore& token_store, PolicyStore& policy_store, const Clock& clock)
        : keys_(std::move(keys)), kv_(kv_store, keys_, clock), policies_(policy_store),
          tokens_(token_store, policies_, clock) {}

    KeyRing keys_;  // before kv_, which refers to it
    Kv kv_;
    Policies policies_;
    Tokens tokens_;
};

}  // namespace hjob::secrets
