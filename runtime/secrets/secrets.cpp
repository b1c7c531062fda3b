// Secrets::open: the one place that turns a data directory into a working secrets layer.
#include "secrets.hpp"

namespace hjob::secrets {

Result<std::unique_ptr<Secrets>> Secrets::open(const std::filesystem::path& data_dir, SecretStore& kv_store,
                                               TokenStore& token_store, PolicyStore& policy_store, const Clock& clock) {
    using R = Result<std::unique_ptr<Secrets>>;
    if (auto keys = open_keys(data_dir); !keys) return R::fail(keys.error);
    if (auto s = finish_interrupted_rekey(data_dir, kv_store); !s) return R::fail(s.error);
    auto keys = open_keys(data_dir, false);
    if (!keys) return R::fail(keys.error);
    return R::ok(std::unique_ptr<Secrets>(new Secrets(*keys, kv_store, token_store, policy_store, clock)));
}

}  // namespace hjob::secrets
