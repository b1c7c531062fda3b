// Key-based crypto functions (go-cty-funcs crypto): rsadecrypt (PKCS #1 v1.5 with a PEM
// PKCS #1 private key, through OpenSSL's EVP interface) and bcrypt (fn_bcrypt.cpp).
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using KeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;

CallResult rsadecrypt(const std::string& ciphertext, const std::string& pem) {
    const auto bytes = base64_decode(ciphertext);
    if (!bytes) return fail("failed to decode input " + go_quote(ciphertext) + ": cipher text must be base64-encoded");
    const std::string begin = "-----BEGIN ";
    const auto at = pem.find(begin);
    if (at == std::string::npos) return fail("failed to parse key: no key found");
    if (pem.find("Proc-Type: 4,ENCRYPTED", at) != std::string::npos)
        return fail("failed to parse key: password protected keys are not supported. Please decrypt the key prior to use");
    // Go's x509.ParsePKCS1PrivateKey takes only "RSA PRIVATE KEY" blocks.
    if (pem.compare(at + begin.size(), 16, "RSA PRIVATE KEY-") != 0)
        return fail("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)");
    Bio bio(BIO_new_mem_buf(pem.data() + at, static_cast<int>(pem.size() - at)));
    Key key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key) return fail("x509: malformed private key");
    KeyCtx ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1)
        return fail("crypto/rsa: decryption error");
    // OpenSSL 3.2+ answers a bad padding with random bytes unless told not to; Go errors.
    EVP_PKEY_CTX_ctrl_str(ctx.get(), "rsa_pkcs1_implicit_rejection", "0");
    const auto* in = reinterpret_cast<const unsigned char*>(bytes->data());
    std::size_t len = 0;
    if (EVP_PKEY_decrypt(ctx.get(), nullptr, &len, in, bytes->size()) != 1) return fail("crypto/rsa: decryption error");
    std::string out(len, '\0');
    if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, in, bytes->size()) != 1)
        return fail("crypto/rsa: decryption error");
    out.resize(len);
    return ok(Value::string(out));
}

}  // namespace

void add_crypto_functions(FunctionTable& t) {
    const Type S = Type::string();
    t["rsadecrypt"] = make({param("ciphertext", S), param("privatekey", S)}, S, [](std::span<const Value> a, const Type&) {
        return rsadecrypt(a[0].as_string(), a[1].as_string());
    });
    t["bcrypt"] = make_var({param("str", S)}, param("cost", Type::number()), S, [](std::span<const Value> a, const Type&) {
        int cost = 10;
        if (a.size() > 1) {
            std::string err;
            const auto c = to_int(a[1], &err);
            if (!c) return fail(err);
            cost = static_cast<int>(std::clamp<std::int64_t>(*c, -1, 1000));
        }
        if (a.size() > 2) return fail("bcrypt() takes no more than two arguments");
        std::string error;
        auto hash = bcrypt_generate(a[0].as_string(), cost, error);
        if (!hash) return fail("error occured generating password " + error);
        return ok(Value::string(*hash));
    });
}

}  // namespace hjob::cty::fn
