// Number <-> decimal text, ported from Go's math/big (floatconv.go, ftoa.go, decimal.go):
// parsing rounds the way big.ParseFloat does (including its pow5 at prec+64 bits), and
// printing finds the shortest decimal that reads back to the same value at its precision.
#include <cstdlib>

#include "value_number_impl.hpp"

namespace hjob::cty {

using detail::Nat;

namespace {

/// A decimal 0.mant * 10^exp with mant's digits as ASCII, no trailing zeros (Go's decimal).
struct Decimal {
    std::string mant;
    std::int64_t exp = 0;

    char at(std::int64_t i) const { return i >= 0 && i < size() ? mant[static_cast<std::size_t>(i)] : '0'; }
    std::int64_t size() const { return static_cast<std::int64_t>(mant.size()); }

    void trim() {
        while (!mant.empty() && mant.back() == '0') mant.pop_back();
        if (mant.empty()) exp = 0;
    }
    // m * 2^shift, exactly: a negative shift multiplies by 5^-shift and divides by 10^-shift.
    void init(Nat m, std::int64_t shift) {
        if (m.is_zero()) {
            mant.clear();
            exp = 0;
            return;
        }
        std::int64_t scale10 = 0;
        if (shift < 0) {
            const auto tz = std::min<std::int64_t>(static_cast<std::int64_t>(m.trailing_zeros()), -shift);
            m = m.shr(static_cast<std::size_t>(tz));
            shift += tz;
            m = Nat::mul(m, Nat::pow5(static_cast<std::uint64_t>(-shift)));
            scale10 = shift;
        } else if (shift > 0) {
            m = m.shl(static_cast<std::size_t>(shift));
        }
        mant = m.to_decimal();
        exp = size() + scale10;
        trim();
    }
    bool should_round_up(std::int64_t n) const {
        const auto i = static_cast<std::size_t>(n);
        if (mant[i] == '5' && n + 1 == size()) return n > 0 && ((mant[i - 1] - '0') & 1) != 0;
        return mant[i] >= '5';
    }
    void round(std::int64_t n) {
        if (n < 0 || n >= size()) return;
        if (should_round_up(n)) round_up(n);
        else round_down(n);
    }
    void round_up(std::int64_t n) {
        if (n < 0 || n >= size()) return;
        while (n > 0 && mant[static_cast<std::size_t>(n - 1)] >= '9') --n;
        if (n == 0) {
            mant = "1";
            ++exp;
            return;
        }
        ++mant[static_cast<std::size_t>(n - 1)];
        mant.resize(static_cast<std::size_t>(n));
    }
    void round_down(std::int64_t n) {
        if (n < 0 || n >= size()) return;
        mant.resize(static_cast<std::size_t>(n));
        trim();
    }
};

// Go's roundShortest: the fewest digits that stay strictly inside (or, for an even
// mantissa, on the edge of) the interval that rounds back to x.
void round_shortest(Decimal& d, const Number& x) {
    if (d.mant.empty()) return;
    Nat mant = NumberOps::mant(x);
    std::int64_t exp = NumberOps::exp(x);
    const auto s = static_cast<std::int64_t>(mant.bit_len()) - static_cast<std::int64_t>(x.precision() + 1);
    mant = s < 0 ? mant.shl(static_cast<std::size_t>(-s)) : mant.shr(static_cast<std::size_t>(s));
    exp += s;
    Decimal lower, upper;
    lower.init(Nat::sub(mant, Nat::from_u64(1)), exp);
    upper.init(Nat::add(mant, Nat::from_u64(1)), exp);
    const bool inclusive = !mant.bit(1);
    for (std::int64_t i = 0; i < d.size(); ++i) {
        const char l = lower.at(i), m = d.mant[static_cast<std::size_t>(i)], u = upper.at(i);
        const bool okdown = l != m || (inclusive && i + 1 == lower.size());
        const bool okup = m != u && (inclusive || m + 1 < u || i + 1 < upper.size());
        if (okdown && okup) return d.round(i + 1);
        if (okdown) return d.round_down(i + 1);
        if (okup) return d.round_up(i + 1);
    }
}

std::string format_f(const Number& x, Decimal d, std::int64_t prec) {
    std::string out = x.is_negative() ? "-" : "";
    if (d.exp > 0) {
        const std::int64_t m = std::min(d.size(), d.exp);
        out.append(d.mant, 0, static_cast<std::size_t>(m));
        out.append(static_cast<std::size_t>(d.exp - m), '0');
    } else {
        out += '0';
    }
    if (prec > 0) {
        out += '.';
        for (std::int64_t i = 0; i < prec; ++i) out += d.at(d.exp + i);
    }
    return out;
}

Decimal exact_decimal(const Number& x) {
    Decimal d;
    if (!x.is_zero()) d.init(NumberOps::mant(x), NumberOps::exp(x));
    return d;
}

/// 5^n at `prec` bits, rounded the way Go's Float.pow5 rounds it.
Number pow5(std::uint64_t n, std::uint32_t prec) {
    constexpr std::uint64_t table_max = 27;  // 5^27 is the largest power of five in a uint64
    if (n <= table_max) return NumberOps::finite(false, Nat::pow5(n), 0, prec);
    Number z = NumberOps::finite(false, Nat::pow5(table_max), 0, prec);
    Number f = NumberOps::finite(false, Nat::from_u64(5), 0, prec);
    for (n -= table_max; n > 0; n >>= 1) {
        if ((n & 1) != 0) z = *NumberOps::mul(z, f, prec);
        f = *NumberOps::mul(f, f, prec);
    }
    return z;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The mantissa digits as an integer; `frac` counts the digits after the point.
bool scan_mantissa(std::string_view s, std::size_t& i, Nat& d, std::int64_t& frac) {
    bool digits = false, point = false;
    std::size_t count = 0;
    std::uint32_t chunk = 0, scale = 1;
    for (; i < s.size(); ++i) {
        if (is_digit(s[i])) {
            if (++count > Number::max_digits) return false;
            digits = true;
            chunk = chunk * 10 + static_cast<std::uint32_t>(s[i] - '0');
            scale *= 10;
            if (point) ++frac;
            if (scale == 1000000000u) {
                d.mul_add_small(scale, chunk);
                chunk = 0;
                scale = 1;
            }
        } else if (s[i] == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (scale > 1) d.mul_add_small(scale, chunk);
    return digits;
}

/// An `e` (decimal) or `p` (binary) exponent with an optional sign; int64 overflow fails.
bool scan_exponent(std::string_view s, std::size_t& i, std::int64_t& exp, bool& binary) {
    if (i == s.size()) return true;
    const char c = s[i];
    if (c != 'e' && c != 'E' && c != 'p' && c != 'P') return true;
    binary = c == 'p' || c == 'P';
    bool neg = false;
    if (++i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    const std::size_t start = i;
    std::uint64_t mag = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) {
        mag = mag * 10 + static_cast<std::uint64_t>(s[i] - '0');
        if (mag > (std::uint64_t{1} << 62)) return false;
    }
    exp = neg ? -static_cast<std::int64_t>(mag) : static_cast<std::int64_t>(mag);
    return i > start;
}

}  // namespace

std::optional<Number> Number::parse(std::string_view s, std::uint32_t prec) {
    if (s == "Inf" || s == "inf") return NumberOps::inf(false, prec);
    if (s.size() == 4 && (s[0] == '+' || s[0] == '-') && (s.substr(1) == "Inf" || s.substr(1) == "inf"))
        return NumberOps::inf(s[0] == '-', prec);
    std::size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    Nat d;
    std::int64_t frac = 0, exp = 0;
    bool binary = false;
    if (!scan_mantissa(s, i, d, frac) || !scan_exponent(s, i, exp, binary) || i != s.size()) return std::nullopt;
    if (d.is_zero()) return NumberOps::zero(neg, prec);
    const std::int64_t exp5 = binary ? -frac : exp - frac;
    const std::int64_t exp2 = exp - frac;
    // Reject magnitudes past the limit before computing anything big (log2(5) < 2.33).
    const auto top = static_cast<double>(d.bit_len()) + static_cast<double>(exp2) + 2.33 * static_cast<double>(exp5);
    if (top > static_cast<double>(max_binary_exponent) + 64 || top < -static_cast<double>(max_binary_exponent) - 64)
        return std::nullopt;
    Number raw = NumberOps::finite(neg, d, exp2, static_cast<std::uint32_t>(d.bit_len()));
    std::optional<Number> r;
    if (exp5 == 0) r = NumberOps::round_to(raw, prec);
    else if (exp5 < 0) r = NumberOps::quo(raw, pow5(static_cast<std::uint64_t>(-exp5), prec + 64), prec);
    else r = NumberOps::mul(raw, pow5(static_cast<std::uint64_t>(exp5), prec + 64), prec);
    if (!r || r->is_inf() || (r->is_zero() && !d.is_zero())) return std::nullopt;
    return r;
}

std::string Number::text() const {
    if (is_inf()) return neg_ ? "-Inf" : "+Inf";
    // An integer held exactly (its bits within the precision, so no shorter decimal rounds
    // back to it) prints as itself: the common case, and the big-number path is 100x slower.
    if (form_ == Form::finite && is_integer()) {
        const std::int64_t bits = exp_ + static_cast<std::int64_t>(mant_.bit_len());
        if (bits <= 63 && bits <= static_cast<std::int64_t>(prec_))
            if (const auto v = to_int64()) return std::to_string(*v);
    }
    Decimal d = exact_decimal(*this);
    round_shortest(d, *this);
    return format_f(*this, d, std::max<std::int64_t>(d.size() - d.exp, 0));
}

std::string Number::text_fixed(int digits) const {
    if (is_inf()) return neg_ ? "-Inf" : "+Inf";
    Decimal d = exact_decimal(*this);
    d.round(d.exp + digits);
    return format_f(*this, d, digits);
}

namespace {

// Go's fmtE: d.ddde±dd.
std::string format_e(const Number& x, const Decimal& d, char fmt, std::int64_t prec) {
    std::string out = x.is_negative() ? "-" : "";
    out += d.mant.empty() ? '0' : d.mant[0];
    if (prec > 0) {
        out += '.';
        for (std::int64_t i = 1; i <= prec; ++i) out += d.at(i);
    }
    out += fmt;
    std::int64_t exp = d.mant.empty() ? 0 : d.exp - 1;
    out += exp < 0 ? '-' : '+';
    if (exp < 0) exp = -exp;
    if (exp < 10) out += '0';
    return out + std::to_string(exp);
}

}  // namespace

std::string Number::text_format(char format, int prec) const {
    if (format == 'f') return prec < 0 ? text() : text_fixed(prec);
    if (is_inf()) return neg_ ? "-Inf" : "+Inf";
    Decimal d = exact_decimal(*this);
    const bool shortest = prec < 0;
    const bool g = format == 'g' || format == 'G';
    const char e = format == 'E' || format == 'G' ? 'E' : 'e';
    std::int64_t p = prec;
    if (shortest) {
        round_shortest(d, *this);
        p = g ? d.size() : d.size() - 1;
    } else {
        if (g && p == 0) p = 1;
        d.round(g ? p : 1 + p);
    }
    if (!g) return format_e(*this, d, e, p);
    std::int64_t eprec = p;
    if (eprec > d.size() && d.size() >= d.exp) eprec = d.size();
    if (shortest) eprec = 6;
    const std::int64_t exp = d.exp - 1;
    if (exp < -4 || exp >= eprec) return format_e(*this, d, e, std::min(p, d.size()) - 1);
    if (p > d.exp) p = d.size();
    return format_f(*this, d, std::max<std::int64_t>(p - d.exp, 0));
}

}  // namespace hjob::cty
