// File digests (checksum.hpp).
#include "checksum.hpp"

#include <fstream>
#include <memory>

#include <openssl/evp.h>

namespace hjob::runtime::artifact {

std::string file_digest(const std::filesystem::path& path, const std::string& type, std::string& error) {
    const EVP_MD* md = EVP_get_digestbyname(type.c_str());
    if (!md) {
        error = "unknown checksum type " + type;
        return "";
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path.string();
        return "";
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(ctx.get(), md, nullptr);
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buf, size_t(in.gcount()));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &len);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

}  // namespace hjob::runtime::artifact
