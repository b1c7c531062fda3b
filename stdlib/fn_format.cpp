// format and formatlist (go-cty format.go and format_fsm.rl): printf-style verbs over cty
// values, widths and precisions counted in grapheme clusters, numbers printed as Go prints
// a *big.Float or *big.Int.
#include "fn_util.hpp"
#include "value_number_impl.hpp"

namespace hjob::cty::fn {

namespace {

struct Verb {
    std::string raw;
    std::size_t offset = 0;
    std::size_t arg = 0;  // 1-based
    char mode = 0;
    bool zero = false, sharp = false, plus = false, minus = false, space = false;
    int width = -1, prec = -1;
};

std::string verb_error(const Verb& v, const std::string& what) {
    return "unsupported value for " + go_quote(v.raw) + " at " + std::to_string(v.offset) + ": " + what;
}

std::string pad_width(const Verb& v, std::string s) {
    if (v.width < 0) return s;
    const auto have = static_cast<int>(grapheme_count(s));
    if (have >= v.width) return s;
    const std::string pad(static_cast<std::size_t>(v.width - have), v.zero ? '0' : ' ');
    return v.minus ? s + pad : pad + s;
}

// Go's big.Float.Format: sign, then padding with spaces, zeros or on the right.
std::string pad_number(const Verb& v, std::string body, bool inf) {
    std::string sign;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
        sign = body[0] == '+' && v.space ? " " : std::string(1, body[0]);
        body.erase(0, 1);
    } else if (v.plus) sign = "+";
    else if (v.space) sign = " ";
    const int len = static_cast<int>(sign.size() + body.size());
    const std::size_t padding = v.width > len ? static_cast<std::size_t>(v.width - len) : 0;
    if (v.zero && !v.minus && !inf) return sign + std::string(padding, '0') + body;
    if (v.minus) return sign + body + std::string(padding, ' ');
    return std::string(padding, ' ') + sign + body;
}

// Go's big.Int.Format for %b %d %o %x %X.
std::string format_integer(const Verb& v, const Number& n) {
    const int base = v.mode == 'b' ? 2 : v.mode == 'o' ? 8 : v.mode == 'd' ? 10 : 16;
    const std::int64_t e = NumberOps::exp(n);
    detail::Nat mag = n.is_zero() ? detail::Nat() : e >= 0 ? NumberOps::mant(n).shl(static_cast<std::size_t>(e)) : NumberOps::mant(n).shr(static_cast<std::size_t>(-e));
    std::string digits;
    do {
        const std::uint32_t d = mag.div_small(static_cast<std::uint32_t>(base));
        digits.insert(digits.begin(), "0123456789abcdef"[d]);
    } while (!mag.is_zero());
    if (v.mode == 'X')
        for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string_view sign = n.is_negative() && !n.is_zero() ? "-" : v.plus ? "+" : v.space ? " " : "";
    std::string_view prefix;
    if (v.sharp) prefix = v.mode == 'b' ? "0b" : v.mode == 'o' ? "0" : v.mode == 'x' ? "0x" : v.mode == 'X' ? "0X" : "";
    std::size_t zeros = 0, left = 0, right = 0;
    if (v.prec >= 0) {
        if (digits.size() < static_cast<std::size_t>(v.prec)) zeros = static_cast<std::size_t>(v.prec) - digits.size();
        else if (digits == "0" && v.prec == 0) return "";
    }
    const std::size_t length = sign.size() + prefix.size() + zeros + digits.size();
    if (v.width >= 0 && length < static_cast<std::size_t>(v.width)) {
        const std::size_t d = static_cast<std::size_t>(v.width) - length;
        if (v.minus) right = d;
        else if (v.zero && v.prec < 0) zeros = d;
        else left = d;
    }
    std::string out(left, ' ');
    out.append(sign).append(prefix).append(zeros, '0').append(digits).append(right, ' ');
    return out;
}

std::optional<std::string> append_verb(const Verb& v, const Value& arg, std::string& error) {
    if (v.mode != 'v' && arg.is_null()) {
        error = verb_error(v, "null value cannot be formatted");
        return std::nullopt;
    }
    switch (v.mode) {
    case 'v':
        if (!v.sharp && !arg.is_null() && arg.type() == Type::string()) return pad_width(v, arg.as_string());
        if (!v.sharp && !arg.is_null() && arg.type() == Type::number()) return pad_width(v, arg.as_number().text_format('g', -1));
        if (auto j = to_json(arg)) return pad_width(v, *j);
        error = verb_error(v, "value cannot be represented as JSON");
        return std::nullopt;
    case 't': {
        const Converted c = convert(arg, Type::boolean());
        if (!c.ok()) error = verb_error(v, c.error);
        if (!c.ok()) return std::nullopt;
        return std::string(c.value.as_bool() ? "true" : "false");
    }
    case 'b': case 'd': case 'o': case 'x': case 'X': case 'e': case 'E': case 'f': case 'g': case 'G': {
        const Converted c = convert(arg, Type::number());
        if (!c.ok()) error = verb_error(v, c.error);
        if (!c.ok()) return std::nullopt;
        const Number& n = c.value.as_number();
        if (v.mode == 'e' || v.mode == 'E' || v.mode == 'f' || v.mode == 'g' || v.mode == 'G')
            return pad_number(v, n.text_format(v.mode, v.prec < 0 && v.mode != 'g' && v.mode != 'G' ? 6 : v.prec), n.is_inf());
        if (!n.is_integer()) error = verb_error(v, "an integer is required");
        if (!n.is_integer()) return std::nullopt;
        return format_integer(v, n);
    }
    case 's': case 'q': {
        const Converted c = convert(arg, Type::string());
        if (!c.ok()) error = verb_error(v, c.error);
        if (!c.ok()) return std::nullopt;
        std::string s = c.value.as_string();
        if (v.prec > 0) {
            std::size_t keep = 0, n = 0;
            for (std::size_t len : grapheme_lengths(s))
                if (n++ < static_cast<std::size_t>(v.prec)) keep += len;
            s.resize(keep);
        }
        return pad_width(v, v.mode == 's' ? s : go_json_quote(s, true));
    }
    default:
        error = "unsupported format verb '" + std::string(1, v.mode) + "' in " + go_quote(v.raw) + " at offset " + std::to_string(v.offset);
        return std::nullopt;
    }
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads flags [n] width .prec mode after the '%' at `i`; nullopt with `error` set on a
// malformed verb (the FSM's err_char and finish_err).
std::optional<Verb> scan_verb(const std::string& f, std::size_t& i, std::size_t next_arg, std::string& error) {
    Verb v;
    v.offset = i;
    v.arg = next_arg;
    ++i;
    for (; i < f.size(); ++i) {
        const char c = f[i];
        if (c == '0') v.zero = true;
        else if (c == '#') v.sharp = true;
        else if (c == '-') v.minus = true;
        else if (c == '+') v.plus = true;
        else if (c == ' ') v.space = true;
        else break;
    }
    auto number = [&](int& out) {
        out = 0;
        while (i < f.size() && digit(f[i]) && out < 1000000) out = out * 10 + (f[i++] - '0');
    };
    if (i < f.size() && f[i] == '[') {
        ++i;
        int n = 0;
        if (i < f.size() && f[i] >= '1' && f[i] <= '9') number(n);
        if (n == 0 || i >= f.size() || f[i] != ']') {
            error = i >= f.size() ? "invalid format string starting at offset " + std::to_string(f.size())
                                  : "unrecognized format character '" + std::string(1, f[i]) + "' at offset " + std::to_string(i);
            return std::nullopt;
        }
        ++i;
        v.arg = static_cast<std::size_t>(n);
    }
    if (i < f.size() && f[i] >= '1' && f[i] <= '9') number(v.width);
    if (i < f.size() && f[i] == '.') {
        ++i;
        number(v.prec);
    }
    if (i >= f.size()) {
        error = "invalid format string starting at offset " + std::to_string(f.size());
        return std::nullopt;
    }
    if (!std::isalpha(static_cast<unsigned char>(f[i]))) {
        error = "unrecognized format character '" + std::string(1, f[i]) + "' at offset " + std::to_string(i);
        return std::nullopt;
    }
    v.mode = f[i++];
    v.raw = f.substr(v.offset, i - v.offset);
    if (v.minus) v.zero = false;  // Go: no zero padding on the right
    return v;
}

}  // namespace

/// go-cty's formatFSM: the formatted string, or the error text.
std::optional<std::string> format_values(const std::string& f, std::span<const Value> args, std::string& error) {
    std::string out;
    std::size_t next_arg = 1, max_used = 0;
    for (std::size_t i = 0; i < f.size();) {
        if (f[i] != '%') { out += f[i++]; continue; }
        if (i + 1 < f.size() && f[i + 1] == '%') { out += '%'; i += 2; continue; }
        auto v = scan_verb(f, i, next_arg, error);
        if (!v) return std::nullopt;
        if (v->arg > args.size()) {
            error = "not enough arguments for " + go_quote(v->raw) + " at " + std::to_string(v->offset) + ": need index " +
                    std::to_string(v->arg) + " but have " + std::to_string(args.size()) + " total";
            return std::nullopt;
        }
        auto s = append_verb(*v, args[v->arg - 1], error);
        if (!s) return std::nullopt;
        out += *s;
        next_arg = v->arg + 1;
        max_used = std::max(max_used, v->arg);
    }
    if (max_used < args.size()) {
        error = max_used == 0 ? "too many arguments; no verbs in format string"
                              : "too many arguments; only " + std::to_string(max_used) + " used by format string";
        return std::nullopt;
    }
    return out;
}

namespace {

CallResult formatlist(std::span<const Value> a, const Type& ret) {
    const std::string& f = a[0].as_string();
    const auto args = a.subspan(1);
    std::string error;
    if (args.empty()) {
        auto s = format_values(f, args, error);
        if (!s) return fail(error);
        return ok(Value::list({Value::string(*s)}));
    }
    std::optional<std::size_t> length;
    std::size_t chooser = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const Type& t = args[i].type();
        if (!(t.is_list() || t.is_set() || t.is_tuple()) || args[i].is_null()) continue;
        if (!args[i].is_known()) return ok(Value::unknown(ret));
        if (!length) {
            length = args[i].length();
            chooser = i;
        } else if (args[i].length() != *length) {
            return fail("argument " + std::to_string(i + 1) + " has length " + std::to_string(args[i].length()) +
                            ", which is inconsistent with argument " + std::to_string(chooser + 1) + " of length " + std::to_string(*length),
                        static_cast<int>(i + 1));
        }
    }
    if (length && *length == 0) return ok(Value::list_empty(Type::string()));
    std::vector<Value> out;
    for (std::size_t row = 0; row < length.value_or(1); ++row) {
        std::vector<Value> call;
        bool known = true;
        for (const Value& arg : args) {
            const Type& t = arg.type();
            const bool seq = (t.is_list() || t.is_set() || t.is_tuple()) && !arg.is_null();
            call.push_back(seq ? arg.elements()[row] : arg);
            known = known && call.back().is_wholly_known();
        }
        if (!known) {
            out.push_back(Value::unknown(Type::string()));
            continue;
        }
        auto s = format_values(f, call, error);
        if (!s) return fail("error on format iteration " + std::to_string(row) + ": " + error);
        out.push_back(Value::string(*s));
    }
    return ok(Value::list(std::move(out)));
}

}  // namespace

void add_format_functions(FunctionTable& t) {
    t["format"] = make_var({param("format", Type::string())}, param("args", Type::dynamic(), null), Type::string(),
                           [](std::span<const Value> a, const Type&) {
                               for (const Value& v : a.subspan(1))
                                   if (!v.is_wholly_known()) return ok(Value::unknown(Type::string()));
                               std::string error;
                               auto s = format_values(a[0].as_string(), a.subspan(1), error);
                               return s ? ok(Value::string(*s)) : fail(error);
                           });
    t["formatlist"] = make_var({param("format", Type::string())}, param("args", Type::dynamic(), null | unknown),
                               Type::list(Type::string()), formatlist);
}

}  // namespace hjob::cty::fn
