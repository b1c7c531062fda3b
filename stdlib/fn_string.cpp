// String functions (go-cty stdlib/string.go): case, length and reversal by grapheme
// cluster, substr, chomp, indent, title and the trim family.
#include <algorithm>
#include <cctype>
#include <clocale>
#include <cwctype>
#include <locale.h>

#include "fn_util.hpp"
#include "grammar/unicode.hpp"
#include "value_unicode.hpp"

namespace hjob::cty::fn {

namespace {

const Type S = Type::string();
const Type N = Type::number();

// Unicode case mapping comes from glibc's C.UTF-8 locale (Go's unicode tables agree for
// every cased letter); without it, only ASCII changes case.
locale_t utf8_locale() {
    static const locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return loc;
}

std::string map_case(std::string_view s, bool upper) {
    std::string out;
    const locale_t loc = utf8_locale();
    for (std::uint32_t cp : utf8_decode(s)) {
        if ((cp & invalid_byte_marker) == 0 && (cp < 0x80 || loc != static_cast<locale_t>(nullptr))) {
            const auto w = static_cast<wint_t>(cp);
            if (cp < 0x80) cp = static_cast<std::uint32_t>(upper ? std::toupper(static_cast<int>(cp)) : std::tolower(static_cast<int>(cp)));
            else cp = static_cast<std::uint32_t>(upper ? towupper_l(w, loc) : towlower_l(w, loc));
        }
        utf8_append(out, cp);
    }
    return out;
}

// strings.Title's word boundaries.
bool is_separator(std::uint32_t c) {
    if (c < 0x80) return !(std::isalnum(static_cast<int>(c)) || c == '_');
    const locale_t loc = utf8_locale();
    if (loc == static_cast<locale_t>(nullptr)) return false;
    const auto w = static_cast<wint_t>(c);
    if (iswalpha_l(w, loc) || iswdigit_l(w, loc)) return false;
    return unicode::is_space(static_cast<char32_t>(c));
}

std::string title(std::string_view s) {
    std::string out;
    std::uint32_t prev = ' ';
    for (std::uint32_t cp : utf8_decode(s)) {
        const bool invalid = (cp & invalid_byte_marker) != 0;
        if (!invalid && is_separator(prev)) {
            std::string one;
            utf8_append(one, cp);
            out += map_case(one, true);
        } else {
            utf8_append(out, cp);
        }
        prev = invalid ? 'x' : cp;
    }
    return out;
}

std::string reverse(std::string_view s) {
    std::string out;
    std::size_t end = s.size();
    const auto lens = grapheme_lengths(s);
    for (auto it = lens.rbegin(); it != lens.rend(); ++it) {
        out.append(s.substr(end - *it, *it));
        end -= *it;
    }
    return out;
}

CallResult substr(std::span<const Value> args) {
    const std::string& in = args[0].as_string();
    std::string err;
    auto offset = to_int(args[1], &err);
    if (!offset) return fail(err);
    const auto length = to_int(args[2], &err);
    if (!length) return fail(err);
    const auto lens = grapheme_lengths(in);
    if (*offset < 0) *offset += static_cast<std::int64_t>(lens.size());
    else if (*length == 0) return ok(Value::string(""));
    std::size_t begin = 0, i = 0;
    if (*offset > 0) {  // seek as go-cty does: past the end yields ""
        for (; i < lens.size() && static_cast<std::int64_t>(i) < *offset; ++i) begin += lens[i];
        if (static_cast<std::int64_t>(i) < *offset || begin >= in.size()) return ok(Value::string(""));
    }
    if (*length < 0) return ok(Value::string(std::string_view(in).substr(begin)));
    std::size_t end = begin;
    for (std::int64_t n = 0; i < lens.size() && n < *length; ++i, ++n) end += lens[i];
    return ok(Value::string(std::string_view(in).substr(begin, end - begin)));
}

std::string trim_cutset(std::string_view s, std::string_view cutset) {
    const auto cuts = utf8_decode(cutset);
    const auto cps = utf8_decode(s);
    auto in_set = [&](std::uint32_t c) { return std::find(cuts.begin(), cuts.end(), c) != cuts.end(); };
    std::size_t b = 0, e = cps.size();
    while (b < e && in_set(cps[b])) ++b;
    while (e > b && in_set(cps[e - 1])) --e;
    return utf8_encode(std::vector<std::uint32_t>(cps.begin() + static_cast<std::ptrdiff_t>(b), cps.begin() + static_cast<std::ptrdiff_t>(e)));
}

using StrFn = std::string (*)(std::string_view);

Function unary(StrFn f, bool dynamic_ok, Type ret = S) {
    return make({param("str", S, dynamic_ok ? dynamic : none)}, std::move(ret), [f](std::span<const Value> a, const Type&) {
        return ok(Value::string(f(a[0].as_string())));
    });
}

Function binary(std::string second, std::string (*f)(std::string_view, std::string_view)) {
    return make({param("str", S), param(std::move(second), S)}, S, [f](std::span<const Value> a, const Type&) {
        return ok(Value::string(f(a[0].as_string(), a[1].as_string())));
    });
}

}  // namespace

void add_string_functions(FunctionTable& t) {
    t["upper"] = unary([](std::string_view s) { return map_case(s, true); }, true);
    t["lower"] = unary([](std::string_view s) { return map_case(s, false); }, true);
    t["strrev"] = unary(reverse, true);
    t["reverse"] = t["strrev"];  // Nomad binds both names to go-cty's string ReverseFunc
    t["strlen"] = make({param("str", S, dynamic)}, N, [](std::span<const Value> a, const Type&) {
        return ok(Value::number(static_cast<std::int64_t>(grapheme_count(a[0].as_string()))));
    });
    t["substr"] = make({param("str", S, dynamic), param("offset", N, dynamic), param("length", N, dynamic)}, S,
                       [](std::span<const Value> a, const Type&) { return substr(a); });
    t["chomp"] = unary([](std::string_view s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
        return std::string(s);
    }, false);
    t["title"] = unary(title, false);
    t["trimspace"] = unary([](std::string_view s) { return std::string(unicode::trim_space(s)); }, false);
    t["trim"] = binary("cutset", trim_cutset);
    t["trimprefix"] = binary("prefix", [](std::string_view s, std::string_view p) {
        return std::string(s.starts_with(p) ? s.substr(p.size()) : s);
    });
    t["trimsuffix"] = binary("suffix", [](std::string_view s, std::string_view p) {
        return std::string(s.ends_with(p) ? s.substr(0, s.size() - p.size()) : s);
    });
    t["indent"] = make({param("spaces", N), param("str", S)}, S, [](std::span<const Value> a, const Type&) {
        std::string err;
        const auto n = to_int(a[0], &err);
        if (!n) return fail(err);
        if (*n < 0) return fail("strings: negative Repeat count");
        std::string pad(static_cast<std::size_t>(std::min<std::int64_t>(*n, 1 << 20)) + 1, ' ');
        pad[0] = '\n';
        std::string out;
        for (char c : a[1].as_string()) out += c == '\n' ? pad : std::string(1, c);
        return ok(Value::string(out));
    });
}

}  // namespace hjob::cty::fn
