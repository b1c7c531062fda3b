// Strings from and to lists, and substitution: join, split, sort, replace, regex_replace
// (go-cty string.go and string_replace.go). Regular expressions run on Boost.Regex in Perl
// mode with Go's RE2 defaults (`.` excludes newline, `^`/`$` anchor the whole text), Go's
// replaceAll loop, and Go's `$1`/`${name}` template expansion. Boost matches bytes where
// RE2 matches runes: `.` against a multibyte character differs, ASCII patterns agree.
#include <algorithm>
#include <boost/regex.hpp>

#include "fn_util.hpp"
#include "grammar/unicode.hpp"
#include "value_unicode.hpp"

namespace hjob::cty::fn {

namespace {

const Type S = Type::string();

std::vector<std::string> split(const std::string& str, const std::string& sep) {
    std::vector<std::string> out;
    if (sep.empty()) {  // Go splits after each UTF-8 sequence
        for (std::uint32_t cp : utf8_decode(str)) {
            out.emplace_back();
            utf8_append(out.back(), cp);
        }
        return out;
    }
    std::size_t pos = 0;
    for (std::size_t hit; (hit = str.find(sep, pos)) != std::string::npos; pos = hit + sep.size())
        out.push_back(str.substr(pos, hit - pos));
    out.push_back(str.substr(pos));
    return out;
}

std::string replace_all(const std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) {  // strings.Replace with an empty old string inserts between runes
        std::string out = to;
        for (std::uint32_t cp : utf8_decode(s)) {
            utf8_append(out, cp);
            out += to;
        }
        return out;
    }
    std::string out;
    std::size_t pos = 0;
    for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size())
        out.append(s, pos, hit - pos).append(to);
    return out.append(s, pos);
}

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Go's Regexp.expand: $name / ${name}, names of digits are group numbers, unknown groups
// expand to nothing, a `$` that starts no name is kept.
void expand(std::string& out, const std::string& tmpl, const boost::smatch& m) {
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] != '$' || i + 1 >= tmpl.size()) { out += tmpl[i]; continue; }
        if (tmpl[i + 1] == '$') { out += '$'; ++i; continue; }
        std::size_t b = i + 1, e = b;
        const bool brace = tmpl[b] == '{';
        if (brace) e = ++b;
        while (e < tmpl.size() && name_char(tmpl[e])) ++e;
        if (e == b || (brace && (e >= tmpl.size() || tmpl[e] != '}'))) { out += '$'; continue; }
        const std::string name = tmpl.substr(b, e - b);
        if (std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            const std::size_t n = name.size() > 6 ? m.size() : std::stoul(name);
            if (n < m.size() && m[static_cast<int>(n)].matched) out += m[static_cast<int>(n)].str();
        } else {
            try {
                if (m[name].matched) out += m[name].str();
            } catch (const std::exception&) {  // no group by that name: empty, as Go
            }
        }
        i = brace ? e : e - 1;
    }
}

// RE2 spells named groups (?P<name>re); Boost's Perl syntax wants (?<name>re).
std::string go_pattern(const std::string& p) {
    std::string out;
    bool in_class = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '\\' && i + 1 < p.size()) {
            out += p.substr(i++, 2);
            continue;
        }
        if (p[i] == '[') in_class = true;
        else if (p[i] == ']') in_class = false;
        if (!in_class && p.compare(i, 4, "(?P<") == 0) {
            out += "(?<";
            i += 3;
            continue;
        }
        out += p[i];
    }
    return out;
}

CallResult regex_replace(const std::string& str, const std::string& pattern, const std::string& tmpl) {
    boost::regex re;
    try {
        re.assign(go_pattern(pattern), boost::regex::perl);
    } catch (const boost::regex_error& e) {
        return fail("error parsing regexp: " + std::string(e.what()) + ": `" + pattern + "`");
    }
    const auto flags = boost::match_not_dot_newline | boost::match_single_line;
    std::string out;
    std::size_t search = 0, last_end = 0;
    const auto begin = str.begin();
    try {
        while (search <= str.size()) {
            boost::smatch m;
            const auto f = search > 0 ? flags | boost::match_prev_avail : flags;
            if (!boost::regex_search(begin + static_cast<std::ptrdiff_t>(search), str.end(), m, re, f)) break;
            const auto a0 = static_cast<std::size_t>(m[0].first - begin), a1 = static_cast<std::size_t>(m[0].second - begin);
            out.append(str, last_end, a0 - last_end);
            if (a1 > last_end || a0 == 0) expand(out, tmpl, m);
            last_end = a1;
            const std::size_t width =
                search < str.size() ? std::max<std::size_t>(1, unicode::sequence_length(str.data() + search, str.data() + str.size())) : 0;
            if (search + width > a1) search += width;
            else if (search + 1 > a1) ++search;
            else search = a1;
        }
    } catch (const std::runtime_error& e) {  // Boost's complexity and stack limits
        return fail(std::string("regular expression too complex: ") + e.what());
    }
    return ok(Value::string(out.append(str, last_end)));
}

}  // namespace

void add_string_edit_functions(FunctionTable& t) {
    t["join"] = make_var({param("separator", S)}, param("lists", Type::list(S)), S, [](std::span<const Value> a, const Type&) {
        if (a.size() < 2) return fail("at least one list is required");
        for (const Value& l : a.subspan(1))
            if (!l.is_wholly_known()) return ok(Value::unknown(S));
        std::string out;
        bool first = true;
        for (std::size_t li = 1; li < a.size(); ++li) {
            std::size_t ei = 0;
            for (const Value& v : a[li].elements()) {
                if (v.is_null())
                    return fail(a.size() > 2 ? "element " + std::to_string(ei) + " of list " + std::to_string(li) + " is null; cannot concatenate null values"
                                             : "element " + std::to_string(ei) + " is null; cannot concatenate null values",
                                static_cast<int>(li));
                if (!first) out += a[0].as_string();
                out += v.as_string();
                first = false;
                ++ei;
            }
        }
        return ok(Value::string(out));
    });
    t["split"] = make({param("separator", S), param("str", S)}, Type::list(S), [](std::span<const Value> a, const Type&) {
        return ok(string_list(split(a[1].as_string(), a[0].as_string())));
    });
    t["sort"] = make({param("list", Type::list(S))}, Type::list(S), [](std::span<const Value> a, const Type& ret) {
        if (!a[0].is_wholly_known()) return ok(Value::unknown(ret));
        std::vector<std::string> items;
        for (const Value& v : a[0].elements()) {
            if (v.is_null()) return fail("given list element " + std::to_string(items.size()) + " is null; a null string cannot be sorted");
            items.push_back(v.as_string());
        }
        std::sort(items.begin(), items.end());
        return ok(string_list(items));
    });
    t["replace"] = make({param("str", S), param("substr", S), param("replace", S)}, S, [](std::span<const Value> a, const Type&) {
        return ok(Value::string(replace_all(a[0].as_string(), a[1].as_string(), a[2].as_string())));
    });
    t["regex_replace"] = make({param("str", S), param("substr", S), param("replace", S)}, S, [](std::span<const Value> a, const Type&) {
        return regex_replace(a[0].as_string(), a[1].as_string(), a[2].as_string());
    });
}

}  // namespace hjob::cty::fn
