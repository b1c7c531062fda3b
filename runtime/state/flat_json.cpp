// Flat JSON readers (flat_json.hpp): a cursor over the text, strings with every JSON escape.
#include "flat_json.hpp"

#include <cctype>
#include <cstring>
#include <tuple>

namespace hjob::runtime::state {

namespace {

struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    void ws() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    }
    bool eat(char c) {
        ws();
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    static void utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) out += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        else if (cp < 0x10000)
            out += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                    static_cast<char>(0x80 | (cp & 0x3F))};
        else
            out += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                    static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    }
    bool hex4(unsigned& cp) {
        if (i + 4 > s.size()) return false;
        cp = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s[i++];
            cp <<= 4;
            if (c >= '0' && c <= '9') cp |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') cp |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') cp |= static_cast<unsigned>(c - 'A' + 10);
            else return false;
        }
        return true;
    }
    bool escape(std::string& out) {
        if (i >= s.size()) return false;
        switch (const char c = s[i++]) {
            case '"': case '\\': case '/': out += c; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': {
                unsigned cp = 0, lo = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
                    if (i + 2 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return false;
                    i += 2;
                    if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                utf8(out, cp);
                return true;
            }
            default: return false;
        }
    }
    /// A string's text: a view of the input in the common case (no escape: plan reads some
    /// twenty of these per node), else `scratch` with the escapes resolved.
    bool text(std::string_view& out, std::string& scratch) {
        const std::size_t start = i;
        if (!eat('"')) return false;
        const char* rest = s.data() + i;
        const auto* quote = static_cast<const char*>(std::memchr(rest, '"', s.size() - i));
        if (quote != nullptr && std::memchr(rest, '\\', static_cast<std::size_t>(quote - rest)) == nullptr) {
            out = std::string_view(rest, static_cast<std::size_t>(quote - rest));
            i += out.size() + 1;
            return true;
        }
        i = start;
        scratch.clear();
        if (!string(scratch)) return false;
        out = scratch;
        return true;
    }
    bool string(std::string& out) {
        if (!eat('"')) return false;
        while (i < s.size()) {
            // Copy the run up to the next quote or backslash in one go.
            std::size_t stop = i;
            while (stop < s.size() && s[stop] != '"' && s[stop] != '\\') ++stop;
            if (stop == s.size()) return false;
            out.append(s.data() + i, stop - i);
            i = stop + 1;
            if (s[stop] == '"') return true;
            if (!escape(out)) return false;
        }
        return false;
    }
    bool integer(int& out) {
        ws();
        const std::size_t start = i;
        long v = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 9) v = v * 10 + (s[i++] - '0');
        out = static_cast<int>(v);
        return i > start;
    }
    bool end() {
        ws();
        return i == s.size();
    }
};

/// Items of a list or object between `open` and `close`, each read by `item`.
template <class F>
bool items(Cursor& c, char open, char close, F item) {
    if (!c.eat(open)) return false;
    if (c.eat(close)) return c.end();
    do {
        if (!item()) return false;
    } while (c.eat(','));
    return c.eat(close) && c.end();
}

}  // namespace

std::optional<std::map<std::string, std::string>> parse_string_map(std::string_view text) {
    Cursor c{text};
    std::map<std::string, std::string> out;
    std::string key_scratch, value_scratch;
    const bool ok = items(c, '{', '}', [&] {
        std::string_view k, v;
        if (!c.text(k, key_scratch) || !c.eat(':') || !c.text(v, value_scratch)) return false;
        // The state writes sorted keys (std::map via nlohmann): the hint makes each insert O(1).
        out.emplace_hint(out.end(), std::piecewise_construct, std::forward_as_tuple(k), std::forward_as_tuple(v));
        return true;
    });
    if (!ok) return std::nullopt;
    return out;
}

std::optional<std::vector<std::string>> parse_string_list(std::string_view text) {
    Cursor c{text};
    std::vector<std::string> out;
    std::string scratch;
    const bool ok = items(c, '[', ']', [&] {
        std::string_view v;
        if (!c.text(v, scratch)) return false;
        out.emplace_back(v);
        return true;
    });
    if (!ok) return std::nullopt;
    return out;
}

std::optional<std::vector<int>> parse_int_list(std::string_view text) {
    Cursor c{text};
    std::vector<int> out;
    const bool ok = items(c, '[', ']', [&] {
        int v = 0;
        if (!c.integer(v)) return false;
        out.push_back(v);
        return true;
    });
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace hjob::runtime::state
