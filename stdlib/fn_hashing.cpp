// Hash functions (go-cty-funcs crypto): md5, sha1, sha256, sha512 of a string's UTF-8
// bytes, as lowercase hex. The digests come from OpenSSL's libcrypto.
#include <openssl/evp.h>

#include "fn_util.hpp"

namespace hjob::cty::fn {

std::optional<std::string> digest(const EVP_MD* md, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(out), len);
}

std::string hex_encode(std::string_view bytes) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        out += {hex[u >> 4], hex[u & 15]};
    }
    return out;
}

namespace {

Function hash_function(const EVP_MD* (*md)()) {
    return make({param("str", Type::string())}, Type::string(), [md](std::span<const Value> a, const Type&) {
        const auto d = digest(md(), a[0].as_string());
        if (!d) return fail("the hash algorithm is not available in this OpenSSL build");
        return ok(Value::string(hex_encode(*d)));
    });
}

}  // namespace

void add_hashing_functions(FunctionTable& t) {
    // Nomad drops md5 and sha1 in FIPS mode; hjob is never built that way.
    t["md5"] = hash_function(EVP_md5);
    t["sha1"] = hash_function(EVP_sha1);
    t["sha256"] = hash_function(EVP_sha256);
    t["sha512"] = hash_function(EVP_sha512);
}

}  // namespace hjob::cty::fn
