// Go durations and the cty-to-Go-data conversion of jobspec2 (see values.hpp).
#include "values.hpp"

#include <cmath>
#include <cstdio>

namespace hjob::bind {

namespace {

struct Unit {
    std::string_view name;
    double ns;
};
constexpr Unit units[] = {{"ns", 1}, {"us", 1e3}, {"\xC2\xB5s", 1e3}, {"\xCE\xBCs", 1e3}, {"ms", 1e6},
                          {"s", 1e9}, {"m", 60e9}, {"h", 3600e9}};

std::optional<double> unit_of(std::string_view u) {
    for (const Unit& unit : units)
        if (unit.name == u) return unit.ns;
    return std::nullopt;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string go_quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::optional<std::int64_t> parse_go_duration(std::string_view text, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<std::int64_t> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    const std::string original = go_quote(text);
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") return 0;
    if (s.empty()) return fail("time: invalid duration " + original);
    double total = 0;
    while (!s.empty()) {
        std::size_t i = 0;
        while (i < s.size() && is_digit(s[i])) ++i;
        std::size_t j = i;
        if (j < s.size() && s[j] == '.') {
            ++j;
            while (j < s.size() && is_digit(s[j])) ++j;
        }
        if (j == 0 || (i == 0 && j == 1)) return fail("time: invalid duration " + original);
        const double number = std::stod(std::string(s.substr(0, j)) + (j == i + 1 ? "0" : ""));
        std::size_t k = j;
        while (k < s.size() && s[k] != '.' && !is_digit(s[k])) ++k;
        if (k == j) return fail("time: missing unit in duration " + original);
        const auto unit = unit_of(s.substr(j, k - j));
        if (!unit) return fail("time: unknown unit " + go_quote(s.substr(j, k - j)) + " in duration " + original);
        total += number * *unit;
        if (total > 9.223372036854775807e18) return fail("time: invalid duration " + original);
        s.remove_prefix(k);
    }
    const auto ns = static_cast<std::int64_t>(std::llround(total));
    return negative ? -ns : ns;
}

std::string format_go_duration(std::int64_t ns) {
    if (ns == 0) return "0s";
    std::string sign = ns < 0 ? "-" : "";
    const std::uint64_t u = ns < 0 ? static_cast<std::uint64_t>(-(ns + 1)) + 1 : static_cast<std::uint64_t>(ns);
    char buf[64];
    if (u < 1'000) return sign + std::to_string(u) + "ns";
    auto fraction = [&](std::uint64_t v, std::uint64_t unit, const char* suffix) {
        std::snprintf(buf, sizeof buf, "%llu.%0*llu", static_cast<unsigned long long>(v / unit),
                      unit == 1'000 ? 3 : unit == 1'000'000 ? 6 : 9, static_cast<unsigned long long>(v % unit));
        std::string t = buf;
        while (t.back() == '0') t.pop_back();
        if (t.back() == '.') t.pop_back();
        return t + suffix;
    };
    if (u < 1'000'000) return sign + fraction(u, 1'000, "\xC2\xB5s");
    if (u < 1'000'000'000) return sign + fraction(u, 1'000'000, "ms");
    const std::uint64_t secs = u / 1'000'000'000, h = secs / 3600, m = secs / 60 % 60;
    std::string out = sign;
    if (h) out += std::to_string(h) + "h";
    if (h || m) out += std::to_string(m) + "m";
    return out + fraction(u % 60'000'000'000, 1'000'000'000, "s");
}

nlohmann::json to_go_json(const cty::Value& v) {
    if (v.is_null() || !v.is_known()) return nullptr;
    switch (v.type().kind()) {
    case cty::Kind::string: return v.as_string();
    case cty::Kind::boolean: return v.as_bool();
    case cty::Kind::number: {
        const auto& n = v.as_number();
        if (const auto i = n.to_int64()) return *i;
        return n.to_double();
    }
    case cty::Kind::list:
    case cty::Kind::set:
    case cty::Kind::tuple: {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : v.elements()) out.push_back(to_go_json(e));
        return out;
    }
    case cty::Kind::map:
    case cty::Kind::object: {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [key, e] : v.attributes()) out[key] = to_go_json(e);
        return out;
    }
    case cty::Kind::dynamic: break;
    }
    return nullptr;
}

}  // namespace hjob::bind
