// NFC after UAX #15: decompose (tables plus the Hangul arithmetic), order combining marks
// by class, recompose primary composites. Tables: value_nfc_data.cpp (generated).
#include "value_unicode.hpp"

#include <algorithm>

#include "value_nfc_data.hpp"

namespace hjob::cty {

using namespace detail;

namespace {

constexpr std::uint32_t s_base = 0xAC00, l_base = 0x1100, v_base = 0x1161, t_base = 0x11A7;
constexpr std::uint32_t l_count = 19, v_count = 21, t_count = 28, n_count = v_count * t_count;
constexpr std::uint32_t s_count = l_count * n_count;

int combining_class(std::uint32_t cp) {
    const auto* end = nfc_class_ranges + nfc_class_range_count;
    const auto* it = std::upper_bound(nfc_class_ranges, end, cp,
                                      [](std::uint32_t c, const NfcClassRange& r) { return c < r.first; });
    if (it == nfc_class_ranges) return 0;
    --it;
    return cp <= it->last ? it->ccc : 0;
}

void decompose(std::uint32_t cp, std::vector<std::uint32_t>& out) {
    if (cp >= s_base && cp < s_base + s_count) {
        const std::uint32_t s = cp - s_base;
        out.push_back(l_base + s / n_count);
        out.push_back(v_base + (s % n_count) / t_count);
        if (s % t_count != 0) out.push_back(t_base + s % t_count);
        return;
    }
    const auto* end = nfc_decompositions + nfc_decomposition_count;
    const auto* it = std::lower_bound(nfc_decompositions, end, cp,
                                      [](const NfcDecomposition& d, std::uint32_t c) { return d.cp < c; });
    if (it == end || it->cp != cp) {
        out.push_back(cp);
        return;
    }
    for (std::uint32_t c : it->to)
        if (c != 0) out.push_back(c);
}

std::uint32_t compose(std::uint32_t a, std::uint32_t b) {
    if (a >= l_base && a < l_base + l_count && b >= v_base && b < v_base + v_count)
        return s_base + ((a - l_base) * v_count + (b - v_base)) * t_count;
    if (a >= s_base && a < s_base + s_count && (a - s_base) % t_count == 0 && b > t_base && b < t_base + t_count)
        return a + (b - t_base);
    const auto* end = nfc_compositions + nfc_composition_count;
    const auto* it = std::lower_bound(nfc_compositions, end, std::pair{a, b}, [](const NfcComposition& c, std::pair<std::uint32_t, std::uint32_t> k) {
        return c.first < k.first || (c.first == k.first && c.second < k.second);
    });
    return it != end && it->first == a && it->second == b ? it->composite : 0;
}

// Stable insertion sort of each run of non-starters by combining class.
void reorder(std::vector<std::uint32_t>& cps) {
    for (std::size_t i = 1; i < cps.size(); ++i) {
        const int cc = combining_class(cps[i]);
        if (cc == 0) continue;
        for (std::size_t j = i; j > 0; --j) {
            const int prev = combining_class(cps[j - 1]);
            if (prev == 0 || prev <= cc) break;
            std::swap(cps[j - 1], cps[j]);
        }
    }
}

std::vector<std::uint32_t> recompose(const std::vector<std::uint32_t>& src) {
    std::vector<std::uint32_t> out;
    if (src.empty()) return out;
    out.push_back(src[0]);
    std::size_t starter = 0;
    int last_class = combining_class(src[0]) == 0 ? 0 : 256;
    for (std::size_t i = 1; i < src.size(); ++i) {
        const std::uint32_t ch = src[i];
        const int cc = combining_class(ch);
        const std::uint32_t composite = compose(out[starter], ch);
        if (composite != 0 && (last_class < cc || last_class == 0)) {
            out[starter] = composite;
            continue;
        }
        if (cc == 0) starter = out.size();
        last_class = cc;
        out.push_back(ch);
    }
    return out;
}

}  // namespace

std::vector<std::uint32_t> utf8_decode(std::string_view text) {
    std::vector<std::uint32_t> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        std::uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
        bool ok = len != 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        // reject overlong forms, surrogates and values past U+10FFFF
        static constexpr std::uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
        ok = ok && cp >= min_for_len[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        out.push_back(ok ? cp : (invalid_byte_marker | b));
        i += ok ? len : 1;
    }
    return out;
}

void utf8_append(std::string& out, std::uint32_t cp) {
    if ((cp & invalid_byte_marker) != 0) {
        out.push_back(static_cast<char>(cp & 0xFF));
    } else if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string utf8_encode(const std::vector<std::uint32_t>& cps) {
    std::string out;
    out.reserve(cps.size());
    for (std::uint32_t cp : cps) utf8_append(out, cp);
    return out;
}

std::string nfc_normalize(std::string_view text) {
    // Everything below U+0300 (which covers ASCII and Latin-1) is already NFC; its UTF-8
    // lead bytes are below 0xCC.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0xCC; }))
        return std::string(text);
    std::vector<std::uint32_t> decomposed;
    for (std::uint32_t cp : utf8_decode(text)) {
        if ((cp & invalid_byte_marker) != 0) decomposed.push_back(cp);
        else decompose(cp, decomposed);
    }
    reorder(decomposed);
    return utf8_encode(recompose(decomposed));
}

}  // namespace hjob::cty
