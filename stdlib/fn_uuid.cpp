// UUID functions (go-cty-funcs uuid): uuidv4 (random, from OpenSSL's RAND_bytes) and uuidv5
// (SHA-1 name-based, RFC 4122, with google/uuid's namespace parsing and errors).
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "fn_util.hpp"

namespace hjob::cty::fn {

std::optional<std::string> digest(const EVP_MD* md, std::string_view data);

namespace {

std::string format_uuid(const unsigned char* b) {
    const std::string hex = hex_encode(std::string_view(reinterpret_cast<const char*>(b), 16));
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20);
}

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// google/uuid's Parse: the 36-character form, also in braces, with "urn:uuid:", or 32 hex digits.
std::optional<std::string> parse_uuid(std::string s, std::string& error) {
    if (s.size() == 45) {
        if (s.compare(0, 9, "urn:uuid:") != 0 && s.compare(0, 9, "URN:UUID:") != 0) {
            error = "invalid urn prefix: " + go_quote(s.substr(0, 9));
            return std::nullopt;
        }
        s = s.substr(9);
    } else if (s.size() == 38) {
        if (s.front() != '{' || s.back() != '}') {
            error = "invalid bracketed UUID format";
            return std::nullopt;
        }
        s = s.substr(1, 36);
    } else if (s.size() == 32) {
        s = s.substr(0, 8) + "-" + s.substr(8, 4) + "-" + s.substr(12, 4) + "-" + s.substr(16, 4) + "-" + s.substr(20);
    } else if (s.size() != 36) {
        error = "invalid UUID length: " + std::to_string(s.size());
        return std::nullopt;
    }
    std::string bytes;
    for (std::size_t i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-') break;
            ++i;
            continue;
        }
        const int hi = hexval(s[i]), lo = hexval(s[i + 1]);
        if (hi < 0 || lo < 0) break;
        bytes += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    if (bytes.size() != 16) {
        error = "invalid UUID format";
        return std::nullopt;
    }
    return bytes;
}

CallResult uuidv5(std::span<const Value> a) {
    static const std::pair<const char*, const char*> named[] = {{"dns", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"},
                                                                {"url", "6ba7b811-9dad-11d1-80b4-00c04fd430c8"},
                                                                {"oid", "6ba7b812-9dad-11d1-80b4-00c04fd430c8"},
                                                                {"x500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8"}};
    std::string ns = a[0].as_string();
    for (const auto& [name, uuid] : named)
        if (ns == name) ns = uuid;
    std::string error;
    const auto nsbytes = parse_uuid(ns, error);
    if (!nsbytes) return fail("uuidv5() doesn't support namespace " + a[0].as_string() + " (" + error + ")");
    const auto h = digest(EVP_sha1(), *nsbytes + a[1].as_string());
    if (!h) return fail("SHA-1 is not available in this OpenSSL build");
    unsigned char b[16];
    std::copy_n(reinterpret_cast<const unsigned char*>(h->data()), 16, b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x50);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    return ok(Value::string(format_uuid(b)));
}

}  // namespace

void add_uuid_functions(FunctionTable& t) {
    const Type S = Type::string();
    t["uuidv4"] = make({}, S, [](std::span<const Value>, const Type&) {
        unsigned char b[16];
        if (RAND_bytes(b, sizeof b) != 1) return fail("no random bytes available");
        b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
        b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
        return ok(Value::string(format_uuid(b)));
    });
    t["uuidv5"] = make({param("namespace", S), param("name", S)}, S, [](std::span<const Value> a, const Type&) { return uuidv5(a); });
}

}  // namespace hjob::cty::fn
