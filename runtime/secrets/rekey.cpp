// Rekey: re-encrypt everything under a new key with two commit points (see kv.hpp).
#include <cstdio>

#include "keyfile.hpp"
#include "kv.hpp"

namespace hjob::secrets {

Status finish_interrupted_rekey(const std::filesystem::path& dir, const SecretStore& store) {
    const auto ring = open_keys(dir, false);
    if (!ring) return Status::fail(ring.error);
    if (!ring->pending) return success();
    // The store commits all values at once, so they are all under one key: the first tells which.
    const auto all = store.all_versions();
    const bool moved = !all.empty() && unseal(*ring->pending, all.front().sealed,
                                              kv_associated_data(all.front().path, all.front().version));
    const std::string pending = pending_key_file(dir).string();
    const int rc = moved ? std::rename(pending.c_str(), key_file(dir).c_str()) : std::remove(pending.c_str());
    if (rc != 0) return Status::fail("cannot settle the interrupted rekey: " + pending + " stays in place");
    return success();
}

Result<std::size_t> rekey(const std::filesystem::path& dir, SecretStore& store) {
    using R = Result<std::size_t>;
    if (auto s = finish_interrupted_rekey(dir, store); !s) return R::fail(s.error);
    const auto ring = open_keys(dir, false);
    if (!ring) return R::fail(ring.error);
    const Key fresh = Key::generate();
    auto all = store.all_versions();
    for (auto& v : all) {
        const std::string ad = kv_associated_data(v.path, v.version);
        const auto plain = ring->unseal(v.sealed, ad);
        if (!plain)
            return R::fail("nothing was changed: version " + std::to_string(v.version) + " of secret/" + v.path +
                           " does not decrypt: " + plain.error);
        v.sealed = seal(fresh, *plain, ad);
    }
    if (auto s = write_key_file(pending_key_file(dir), fresh); !s) return R::fail("nothing was changed: " + s.error);
    if (auto s = store.replace_sealed(all); !s) {
        std::remove(pending_key_file(dir).c_str());
        return R::fail("nothing was changed: " + s.error);
    }
    if (std::rename(pending_key_file(dir).c_str(), key_file(dir).c_str()) != 0)
        return R::fail("the values were re-encrypted but " + pending_key_file(dir).string() + " could not replace " +
                       key_file(dir).string() + "; hjob keeps using it until the next rekey");
    return R::ok(all.size());
}

}  // namespace hjob::secrets
