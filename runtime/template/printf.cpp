// printf over template values (funcs.hpp): Go's verbs %v %s %q %d %f %e %g %t %x %X %c %%, with
// flags (- + 0 space #), width and precision. Go's error forms for a bad verb or argument count
// ("%!d(string=x)", "%!v(MISSING)", "%!(EXTRA ...)") so output stays readable when a format is wrong.
#include <cctype>
#include <cstdio>

#include "funcs.hpp"

namespace hjob::runtime::tmpl {

namespace {

struct Spec {
    bool minus = false, plus = false, zero = false, space = false, sharp = false;
    int width = -1, precision = -1;
    char verb = 'v';
};

std::string pad(std::string s, const Spec& f) {
    if (f.width < 0 || int(s.size()) >= f.width) return s;
    std::size_t n = std::size_t(f.width) - s.size();
    if (f.minus) return s + std::string(n, ' ');
    if (f.zero && f.verb != 's' && f.verb != 'v' && f.verb != 'q') {
        std::size_t sign = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
        return s.substr(0, sign) + std::string(n, '0') + s.substr(sign);
    }
    return std::string(n, ' ') + s;
}

std::string c_format(const Spec& f, const char* conv, double d) {
    std::string fmt = "%";
    if (f.plus) fmt += '+';
    if (f.space) fmt += ' ';
    if (f.sharp) fmt += '#';
    if (f.precision >= 0) fmt += "." + std::to_string(f.precision);
    fmt += conv;
    char buf[512];
    std::snprintf(buf, sizeof buf, fmt.c_str(), d);
    return buf;
}

std::string bad(const Spec& f, const Value& v) { return std::string("%!") + f.verb + "(" + type_name(v) + "=" + print(v) + ")"; }

std::string one(const Spec& f, const Value& v) {
    switch (f.verb) {
    case 'v': return f.plus && v.is_number_integer() && v.get<std::int64_t>() >= 0 ? "+" + print(v) : print(v);
    case 's': return f.precision >= 0 ? print(v).substr(0, std::size_t(f.precision)) : print(v);
    case 'q': return v.is_string() ? Value(v).dump() : bad(f, v);
    case 't': return v.is_boolean() ? print(v) : bad(f, v);
    case 'd':
        if (!v.is_number_integer() && !v.is_number_unsigned()) return bad(f, v);
        return (f.plus && v.get<std::int64_t>() >= 0 ? "+" : "") + std::to_string(v.get<std::int64_t>());
    case 'c':
        if (!v.is_number_integer()) return bad(f, v);
        return std::string(1, char(v.get<std::int64_t>()));
    case 'x':
    case 'X': {
        char buf[64];
        if (v.is_number_integer()) {
            std::snprintf(buf, sizeof buf, f.verb == 'x' ? "%llx" : "%llX", (long long)v.get<std::int64_t>());
            return (f.sharp ? (f.verb == 'x' ? "0x" : "0X") : "") + std::string(buf);
        }
        if (!v.is_string()) return bad(f, v);
        std::string out;
        for (unsigned char c : v.get_ref<const std::string&>()) {
            std::snprintf(buf, sizeof buf, f.verb == 'x' ? "%02x" : "%02X", c);
            out += buf;
        }
        return out;
    }
    case 'f':
    case 'F':
    case 'e':
    case 'g':
        if (!v.is_number()) return bad(f, v);
        if (f.verb == 'g' && f.precision < 0) return print(Value(v.get<double>()));
        return c_format(f, f.verb == 'F' ? "f" : std::string(1, f.verb).c_str(), v.get<double>());
    default: return std::string("%!") + f.verb + "(" + type_name(v) + "=" + print(v) + ")";
    }
}

int digits(const std::string& s, std::size_t& i) {
    int n = 0;
    while (i < s.size() && std::isdigit((unsigned char)s[i]) && n < 10000) n = n * 10 + (s[i++] - '0');
    return n;
}

}  // namespace

std::string sprintf_values(const std::string& format, const Args& args, std::size_t first) {
    std::string out;
    std::size_t arg = first;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            out += format[i];
            continue;
        }
        if (++i >= format.size()) {
            out += "%!(NOVERB)";
            break;
        }
        Spec f;
        for (; i < format.size(); ++i) {
            char c = format[i];
            if (c == '-') f.minus = true;
            else if (c == '+') f.plus = true;
            else if (c == '0') f.zero = true;
            else if (c == ' ') f.space = true;
            else if (c == '#') f.sharp = true;
            else break;
        }
        if (i < format.size() && std::isdigit((unsigned char)format[i])) f.width = digits(format, i);
        if (i < format.size() && format[i] == '.') {
            ++i;
            f.precision = digits(format, i);
        }
        if (i >= format.size()) {
            out += "%!(NOVERB)";
            break;
        }
        f.verb = format[i];
        if (f.verb == '%') {
            out += '%';
            continue;
        }
        if (arg >= args.size()) {
            out += std::string("%!") + f.verb + "(MISSING)";
            continue;
        }
        out += pad(one(f, args[arg++]), f);
    }
    if (arg < args.size()) {
        out += "%!(EXTRA ";
        for (std::size_t k = arg; k < args.size(); ++k) out += (k > arg ? ", " : "") + type_name(args[k]) + "=" + print(args[k]);
        out += ")";
    }
    return out;
}

}  // namespace hjob::runtime::tmpl
