// Encryption at rest: libsodium's XChaCha20-Poly1305 (IETF AEAD). XChaCha's 192-bit nonce is
// safe to draw at random for every value, and the path and version are associated data, so
// a ciphertext copied onto another path or version fails authentication instead of decrypting.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace hjob::secrets {

inline constexpr std::size_t key_bytes = 32;
using Bytes = std::vector<unsigned char>;

/// Initialises libsodium once; false only when the library cannot start (no entropy source).
bool crypto_ready();

/// A 256-bit key, wiped from memory when destroyed.
class Key {
public:
    static Key generate();
    /// nullopt unless `raw` has exactly key_bytes bytes.
    static std::optional<Key> from_bytes(std::string_view raw);
    Key(const Key& other) = default;
    Key& operator=(const Key& other) = default;
    ~Key();
    const unsigned char* data() const { return bytes_.data(); }

private:
    Key() = default;
    std::array<unsigned char, key_bytes> bytes_{};
};

/// What binds a KV value to its place: the mount-relative path and the version.
std::string kv_associated_data(std::string_view path, std::uint64_t version);

/// format byte, 24-byte random nonce, ciphertext and 16-byte tag.
Bytes seal(const Key& key, std::string_view plaintext, std::string_view associated);
/// The plaintext, or a failure when the value was tampered with, moved, or sealed with
/// another key (AEAD cannot tell these apart, and the message does not pretend to).
Result<std::string> unseal(const Key& key, const Bytes& sealed, std::string_view associated);

/// The current key and, after an interrupted rekey, the key it was moving to.
struct KeyRing {
    Key current;
    std::optional<Key> pending;
    /// Tries the current key, then the pending one.
    Result<std::string> unseal(const Bytes& sealed, std::string_view associated) const;
};

}  // namespace hjob::secrets
