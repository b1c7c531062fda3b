// The AEAD wrapper over libsodium.
#include "cipher.hpp"

#include <sodium.h>

#include <cstring>

namespace hjob::secrets {

namespace {

constexpr unsigned char format_v1 = 1;
constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t tag_bytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == key_bytes);

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

bool crypto_ready() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

Key Key::generate() {
    crypto_ready();
    Key k;
    crypto_aead_xchacha20poly1305_ietf_keygen(k.bytes_.data());
    return k;
}

std::optional<Key> Key::from_bytes(std::string_view raw) {
    if (raw.size() != key_bytes) return std::nullopt;
    Key k;
    std::memcpy(k.bytes_.data(), raw.data(), key_bytes);
    return k;
}

Key::~Key() { sodium_memzero(bytes_.data(), bytes_.size()); }

std::string kv_associated_data(std::string_view path, std::uint64_t version) {
    std::string ad = "hjob-kv-v1";
    ad += '\0';
    ad += path;
    ad += '\0';
    ad += std::to_string(version);
    return ad;
}

Bytes seal(const Key& key, std::string_view plaintext, std::string_view associated) {
    crypto_ready();
    Bytes out(1 + nonce_bytes + plaintext.size() + tag_bytes);
    out[0] = format_v1;
    unsigned char* nonce = out.data() + 1;
    randombytes_buf(nonce, nonce_bytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonce_bytes, &written, bytes(plaintext), plaintext.size(),
                                               bytes(associated), associated.size(), nullptr, nonce, key.data());
    out.resize(1 + nonce_bytes + written);
    return out;
}

Result<std::string> unseal(const Key& key, const Bytes& sealed, std::string_view associated) {
    using R = Result<std::string>;
    crypto_ready();
    if (sealed.size() < 1 + nonce_bytes + tag_bytes || sealed[0] != format_v1)
        return R::fail("the stored value is not in hjob's encrypted format");
    const unsigned char* nonce = sealed.data() + 1;
    const std::size_t cipher_len = sealed.size() - 1 - nonce_bytes;
    std::string plain(cipher_len - tag_bytes, '\0');
    unsigned long long got = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &got, nullptr,
                                                   nonce + nonce_bytes, cipher_len, bytes(associated),
                                                   associated.size(), nonce, key.data()) != 0)
        return R::fail("the stored value failed authentication: it was altered, moved from another path or "
                       "version, or encrypted with another key");
    plain.resize(got);
    return R::ok(std::move(plain));
}

Result<std::string> KeyRing::unseal(const Bytes& sealed, std::string_view associated) const {
    auto r = secrets::unseal(current, sealed, associated);
    if (r || !pending) return r;
    auto p = secrets::unseal(*pending, sealed, associated);
    return p ? p : r;
}

}  // namespace hjob::secrets
