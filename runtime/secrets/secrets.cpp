// Secrets::open: the one place that turns a data directory into a working secrets layer.
#include "secrets.hpp"

namespace hjob::secrets {

Result<std::unique_ptr<Secrets>> Secrets::open(const std::filesystem::path& data_dir, SecretStore& kv_store,
                                               TokenStore& token_store, PolicyStore& policy_store, const Clock& clock) {
    using R = Result<std::unique_ptr<Secrets>>;
    auto keys = open_keys(data_dir);
    if (!keys) return R::fail(keys.error);
    return R::ok(std::unique_ptr<Secrets>(new Secrets(data_dir, *keys, kv_store, token_store, policy_store, clock)));
}

Status Secrets::settle() {
    if (auto s = finish_interrupted_rekey(dir_, kv_store_); !s) return s;
    return reload();
}

Status Secrets::reload() {
    auto keys = open_keys(dir_, false);
    if (!keys) return Status::fail(keys.error);
    keys_ = *keys;
    return success();
}

}  // namespace hjob::secrets
