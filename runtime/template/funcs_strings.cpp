// String and conversion functions, with consul-template's argument order (the piped value
// last): `{{ .Tags | join "," }}`, `{{ "a.b" | replaceAll "." "_" }}`, `{{ split "," $s }}`.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "funcs.hpp"

namespace hjob::runtime::tmpl {

namespace {

void arity(const Args& a, std::size_t n, const char* fn) {
    if (a.size() != n)
        throw FuncError(std::string("wrong number of args for ") + fn + ": want " + std::to_string(n) + " got " +
                        std::to_string(a.size()));
}

std::string str1(Args& a, const char* fn) {
    arity(a, 1, fn);
    return as_string(a[0], fn);
}

Value to_json(FuncEnv&, Args& a) { arity(a, 1, "toJSON"); return a[0].dump(); }
Value to_json_pretty(FuncEnv&, Args& a) { arity(a, 1, "toJSONPretty"); return a[0].dump(2); }

Value to_lower(FuncEnv&, Args& a) {
    std::string s = str1(a, "toLower");
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

Value to_upper(FuncEnv&, Args& a) {
    std::string s = str1(a, "toUpper");
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

Value trim_space(FuncEnv&, Args& a) {
    std::string s = str1(a, "trimSpace");
    auto sp = [](unsigned char c) { return std::isspace(c) != 0; };
    s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), sp));
    s.erase(std::find_if_not(s.rbegin(), s.rend(), sp).base(), s.end());
    return s;
}

Value split(FuncEnv&, Args& a) {
    arity(a, 2, "split");
    std::string sep = as_string(a[0], "split"), s = as_string(a[1], "split");
    Value out = Value::array();
    if (s.empty()) return out;  // consul-template: splitting "" gives no elements
    if (sep.empty()) {
        for (char c : s) out.push_back(std::string(1, c));
        return out;
    }
    std::size_t pos = 0, next;
    while ((next = s.find(sep, pos)) != std::string::npos) {
        out.push_back(s.substr(pos, next - pos));
        pos = next + sep.size();
    }
    out.push_back(s.substr(pos));
    return out;
}

Value join(FuncEnv&, Args& a) {
    arity(a, 2, "join");
    std::string sep = as_string(a[0], "join");
    if (!a[1].is_array()) throw FuncError("join: expected a list, got " + type_name(a[1]));
    std::string out;
    for (std::size_t i = 0; i < a[1].size(); ++i) out += (i ? sep : "") + print(a[1][i]);
    return out;
}

Value replace_all(FuncEnv&, Args& a) {
    arity(a, 3, "replaceAll");
    std::string from = as_string(a[0], "replaceAll"), to = as_string(a[1], "replaceAll"), s = as_string(a[2], "replaceAll");
    if (from.empty()) return s;
    std::string out;
    std::size_t pos = 0, next;
    while ((next = s.find(from, pos)) != std::string::npos) {
        out += s.substr(pos, next - pos) + to;
        pos = next + from.size();
    }
    return out + s.substr(pos);
}

// `contains NEEDLE HAYSTACK`: membership in a list or map keys, or a substring.
Value contains(FuncEnv&, Args& a) {
    arity(a, 2, "contains");
    const Value& hay = a[1];
    if (hay.is_string()) return hay.get_ref<const std::string&>().find(as_string(a[0], "contains")) != std::string::npos;
    if (hay.is_array()) return std::find(hay.begin(), hay.end(), a[0]) != hay.end();
    if (hay.is_object()) return a[0].is_string() && hay.contains(a[0].get<std::string>());
    throw FuncError("contains: cannot look inside " + type_name(hay));
}

Value parse_int(FuncEnv&, Args& a) {
    std::string s = str1(a, "parseInt");
    char* end = nullptr;
    errno = 0;
    long long v = std::strtoll(s.c_str(), &end, 0);
    if (s.empty() || *end != '\0' || errno != 0) throw FuncError("parseInt: invalid syntax: \"" + s + "\"");
    return std::int64_t(v);
}

Value parse_float(FuncEnv&, Args& a) {
    std::string s = str1(a, "parseFloat");
    char* end = nullptr;
    errno = 0;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0' || errno != 0) throw FuncError("parseFloat: invalid syntax: \"" + s + "\"");
    return v;
}

Value parse_bool(FuncEnv&, Args& a) {
    std::string s = str1(a, "parseBool");
    for (const char* t : {"1", "t", "T", "true", "TRUE", "True"})
        if (s == t) return true;
    for (const char* f : {"0", "f", "F", "false", "FALSE", "False"})
        if (s == f) return false;
    throw FuncError("parseBool: invalid syntax: \"" + s + "\"");
}

const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value base64_encode(FuncEnv&, Args& a) {
    std::string s = str1(a, "base64Encode"), out;
    for (std::size_t i = 0; i < s.size(); i += 3) {
        std::uint32_t n = std::uint32_t((unsigned char)s[i]) << 16;
        if (i + 1 < s.size()) n |= std::uint32_t((unsigned char)s[i + 1]) << 8;
        if (i + 2 < s.size()) n |= (unsigned char)s[i + 2];
        out += kB64[(n >> 18) & 63];
        out += kB64[(n >> 12) & 63];
        out += i + 1 < s.size() ? kB64[(n >> 6) & 63] : '=';
        out += i + 2 < s.size() ? kB64[n & 63] : '=';
    }
    return out;
}

Value base64_decode(FuncEnv&, Args& a) {
    std::string s = str1(a, "base64Decode"), out;
    std::uint32_t acc = 0;
    int bits = 0;
    std::size_t pad = 0;
    for (char c : s) {
        if (c == '=') {
            ++pad;
            continue;
        }
        const char* p = std::strchr(kB64, c);
        if (!p || !c || pad) throw FuncError("base64Decode: illegal base64 data");
        acc = (acc << 6) | std::uint32_t(p - kB64);
        if ((bits += 6) >= 8) {
            bits -= 8;
            out += char((acc >> bits) & 0xff);
        }
    }
    if ((s.size() % 4) != 0 || pad > 2) throw FuncError("base64Decode: illegal base64 data");
    return out;
}

}  // namespace

void add_string_funcs(FuncTable& t) {
    t.insert({{"toJSON", to_json}, {"toJSONPretty", to_json_pretty}, {"toLower", to_lower}, {"toUpper", to_upper},
              {"trimSpace", trim_space}, {"split", split}, {"join", join}, {"replaceAll", replace_all},
              {"contains", contains}, {"parseInt", parse_int}, {"parseFloat", parse_float}, {"parseBool", parse_bool},
              {"base64Encode", base64_encode}, {"base64Decode", base64_decode}});
}

}  // namespace hjob::runtime::tmpl
