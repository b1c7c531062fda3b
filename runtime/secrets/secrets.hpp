// The secrets layer opened on a data directory: keys, KV, policies and tokens wired together,
// what the CLI (hjob secret|policy|token), the local API and the agent hold.
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
    /// Opens (or, on first use, creates) the key file in `data_dir`. Safe beside any other
    /// process, a rekey included: it only reads the key files (the pending one first), and
    /// Kv::get reloads them when a value does not open. The stores and the clock must outlive
    /// the result.
    static Result<std::unique_ptr<Secrets>> open(const std::filesystem::path& data_dir, SecretStore& kv_store,
                                                 TokenStore& token_store, PolicyStore& policy_store, const Clock& clock);

    /// Settles a rekey that a crash interrupted (finish_interrupted_rekey) and reloads the keys.
    /// Only for a holder of the state lock, which every rekey holds: settling beside a rekey in
    /// progress would remove the key it is about to commit to. Writers of values call it
    /// first, so that they seal under the key the other values are under.
    Status settle();

    Kv& kv() { return kv_; }
    Policies& policies() { return policies_; }
    Tokens& tokens() { return tokens_; }

private:
    Secrets(std::filesystem::path dir, KeyRing keys, SecretStore& kv_store, TokenStore& token_store,
            PolicyStore& policy_store, const Clock& clock)
        : dir_(std::move(dir)), keys_(std::move(keys)), kv_store_(kv_store),
          kv_(kv_store, keys_, clock, [this] { return reload(); }), policies_(policy_store),
          tokens_(token_store, policies_, clock) {}
    Status reload();

    std::filesystem::path dir_;
    KeyRing keys_;  // before kv_, which refers to it
    SecretStore& kv_store_;
    Kv kv_;
    Policies policies_;
    Tokens tokens_;
};

}  // namespace hjob::secrets
