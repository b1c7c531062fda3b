// Encoding functions (go-cty-funcs encoding): base64encode, base64decode, urlencode.
// urlencode is Go's url.QueryEscape, so a space becomes "+" (Nomad's docs show %20).
#include <cctype>
#include <cstring>

#include "fn_util.hpp"
#include "value_unicode.hpp"

namespace hjob::cty::fn {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool valid_utf8(std::string_view s) {
    for (std::uint32_t cp : utf8_decode(s))
        if ((cp & invalid_byte_marker) != 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    return true;
}

}  // namespace

std::string base64_encode(std::string_view in) {
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const auto n = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
        out += {alphabet[(n >> 18) & 63], alphabet[(n >> 12) & 63], alphabet[(n >> 6) & 63], alphabet[n & 63]};
    }
    if (i + 1 == in.size()) {
        const auto n = static_cast<unsigned char>(in[i]) << 16;
        out += {alphabet[(n >> 18) & 63], alphabet[(n >> 12) & 63], '=', '='};
    } else if (i + 2 == in.size()) {
        const auto n = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
        out += {alphabet[(n >> 18) & 63], alphabet[(n >> 12) & 63], alphabet[(n >> 6) & 63], '='};
    }
    return out;
}

// Go's StdEncoding.DecodeString: padding required, "\r" and "\n" skipped, nothing else.
std::optional<std::string> base64_decode(std::string_view in) {
    std::string clean;
    for (char c : in)
        if (c != '\r' && c != '\n') clean += c;
    if (clean.size() % 4 != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < clean.size(); i += 4) {
        std::uint32_t n = 0;
        int pad = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char c = clean[i + k];
            const char* p = c == '=' ? nullptr : std::strchr(alphabet, c);
            if (c == '=') {
                if (k < 2 || i + 4 != clean.size()) return std::nullopt;
                ++pad;
            } else if (p == nullptr || c == '\0' || pad > 0) {
                return std::nullopt;
            }
            n = (n << 6) | (p ? static_cast<std::uint32_t>(p - alphabet) : 0);
        }
        out += static_cast<char>((n >> 16) & 0xFF);
        if (pad < 2) out += static_cast<char>((n >> 8) & 0xFF);
        if (pad < 1) out += static_cast<char>(n & 0xFF);
    }
    return out;
}

void add_encoding_functions(FunctionTable& t) {
    const Type S = Type::string();
    t["base64encode"] = make({param("str", S)}, S, [](std::span<const Value> a, const Type&) {
        return ok(Value::string(base64_encode(a[0].as_string())));
    });
    t["base64decode"] = make({param("str", S)}, S, [](std::span<const Value> a, const Type&) {
        const auto d = base64_decode(a[0].as_string());
        if (!d) return fail("failed to decode base64 data '" + a[0].as_string() + "'");
        if (!valid_utf8(*d)) return fail("the result of decoding the the provided string is not valid UTF-8");
        return ok(Value::string(*d));
    });
    t["urlencode"] = make({param("str", S)}, S, [](std::span<const Value> a, const Type&) {
        static constexpr char hex[] = "0123456789ABCDEF";
        std::string out;
        for (char c : a[0].as_string()) {
            const auto u = static_cast<unsigned char>(c);
            if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') out += c;
            else if (c == ' ') out += '+';
            else out += {'%', hex[u >> 4], hex[u & 15]};
        }
        return ok(Value::string(out));
    });
}

}  // namespace hjob::cty::fn
