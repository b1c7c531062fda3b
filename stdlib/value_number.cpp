// Number arithmetic: Go's big.Float operations (exact result, then one rounding to nearest
// even) and the precision rules of go-cty's Value methods on top of them.
#include <algorithm>
#include <cmath>

#include "value_number_impl.hpp"

namespace hjob::cty {

using detail::Nat;

Number NumberOps::zero(bool neg, std::uint32_t prec) {
    Number r;
    r.neg_ = neg;
    r.prec_ = prec;
    return r;
}

Number NumberOps::inf(bool neg, std::uint32_t prec) {
    Number r = zero(neg, prec);
    r.form_ = Number::Form::inf;
    return r;
}

Number NumberOps::finite(bool neg, Nat mant, std::int64_t exp, std::uint32_t prec, bool sticky) {
    if (mant.is_zero()) return zero(neg, prec);
    const std::size_t len = mant.bit_len();
    if (len > prec) {
        const std::size_t drop = len - prec;
        const bool half = mant.bit(drop - 1);
        const bool rest = sticky || mant.any_below(drop - 1);
        mant = mant.shr(drop);
        exp += static_cast<std::int64_t>(drop);
        if (half && (rest || mant.bit(0))) {
            mant = Nat::add(mant, Nat::from_u64(1));
            if (mant.bit_len() > prec) {
                mant = mant.shr(1);
                ++exp;
            }
        }
    }
    if (mant.is_zero()) return zero(neg, prec);  // prec == 0
    const std::size_t tz = mant.trailing_zeros();
    mant = mant.shr(tz);
    exp += static_cast<std::int64_t>(tz);
    const std::int64_t top = exp + static_cast<std::int64_t>(mant.bit_len());
    if (top > Number::max_binary_exponent) return inf(neg, prec);
    if (top < -Number::max_binary_exponent) return zero(neg, prec);
    Number r = zero(neg, prec);
    r.form_ = Number::Form::finite;
    r.exp_ = exp;
    r.mant_ = std::move(mant);
    return r;
}

Number NumberOps::round_to(const Number& x, std::uint32_t prec) {
    if (!x.mant_.is_zero()) return finite(x.neg_, x.mant_, x.exp_, prec);
    Number r = x;
    r.prec_ = prec;
    return r;
}

std::optional<Number> NumberOps::add(const Number& x, const Number& y, std::uint32_t prec) {
    using F = Number::Form;
    if (x.form_ == F::finite && y.form_ == F::finite) {
        const std::int64_t e = std::min(x.exp_, y.exp_);
        const Nat mx = x.mant_.shl(static_cast<std::size_t>(x.exp_ - e));
        const Nat my = y.mant_.shl(static_cast<std::size_t>(y.exp_ - e));
        if (x.neg_ == y.neg_) return finite(x.neg_, Nat::add(mx, my), e, prec);
        const int c = Nat::cmp(mx, my);
        if (c == 0) return zero(false, prec);  // x + (-x) is +0 when rounding to nearest
        return c > 0 ? finite(x.neg_, Nat::sub(mx, my), e, prec) : finite(y.neg_, Nat::sub(my, mx), e, prec);
    }
    if (x.form_ == F::inf && y.form_ == F::inf && x.neg_ != y.neg_) return std::nullopt;
    if (x.form_ == F::zero && y.form_ == F::zero) return zero(x.neg_ && y.neg_, prec);
    if (x.form_ == F::inf || y.form_ == F::zero) return round_to(x, prec);
    return round_to(y, prec);
}

std::optional<Number> NumberOps::mul(const Number& x, const Number& y, std::uint32_t prec) {
    using F = Number::Form;
    const bool neg = x.neg_ != y.neg_;
    if (x.form_ == F::finite && y.form_ == F::finite)
        return finite(neg, Nat::mul(x.mant_, y.mant_), x.exp_ + y.exp_, prec);
    if ((x.form_ == F::zero && y.form_ == F::inf) || (x.form_ == F::inf && y.form_ == F::zero)) return std::nullopt;
    if (x.form_ == F::inf || y.form_ == F::inf) return inf(neg, prec);
    return zero(neg, prec);
}

std::optional<Number> NumberOps::quo(const Number& x, const Number& y, std::uint32_t prec) {
    using F = Number::Form;
    const bool neg = x.neg_ != y.neg_;
    if (x.form_ == F::finite && y.form_ == F::finite) {
        // Keep only the dividend bits that can reach the quotient's prec+2 bits; whatever
        // is cut off only feeds the sticky bit (floor((xh*2^k + xl)/y) == floor(xh*2^k/y)).
        const auto want = static_cast<std::int64_t>(prec) + 3 + static_cast<std::int64_t>(y.mant_.bit_len());
        Nat xm = x.mant_;
        std::int64_t xe = x.exp_;
        bool sticky = false;
        const auto xlen = static_cast<std::int64_t>(xm.bit_len());
        if (xlen > want) {
            const auto cut = static_cast<std::size_t>(xlen - want);
            sticky = xm.any_below(cut);
            xm = xm.shr(cut);
            xe += static_cast<std::int64_t>(cut);
        } else {
            xm = xm.shl(static_cast<std::size_t>(want - xlen));
            xe -= want - xlen;
        }
        Nat q, r;
        Nat::divmod(xm, y.mant_, q, r);
        return finite(neg, std::move(q), xe - y.exp_, prec, sticky || !r.is_zero());
    }
    if ((x.form_ == F::zero && y.form_ == F::zero) || (x.form_ == F::inf && y.form_ == F::inf)) return std::nullopt;
    if (x.form_ == F::zero || y.form_ == F::inf) return zero(neg, prec);
    return inf(neg, prec);
}

Number NumberOps::integer_part(const Number& x, std::uint32_t prec) {
    if (x.form_ != Number::Form::finite || x.exp_ >= 0) return x;
    const Nat m = x.mant_.shr(static_cast<std::size_t>(-x.exp_));
    const auto len = static_cast<std::uint32_t>(m.bit_len());
    return finite(x.neg_, m, 0, std::max(prec, len));
}

Number Number::from_uint(std::uint64_t v) { return NumberOps::finite(false, detail::Nat::from_u64(v), 0, 64); }

Number Number::from_int(std::int64_t v) {
    const std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    return NumberOps::finite(v < 0, detail::Nat::from_u64(mag), 0, 64);
}

std::optional<Number> Number::from_double(double v) {
    if (std::isnan(v)) return std::nullopt;
    if (std::isinf(v)) return NumberOps::inf(v < 0, 53);
    if (v == 0) return NumberOps::zero(std::signbit(v), 53);
    int e = 0;
    const double f = std::frexp(std::fabs(v), &e);
    const auto m = static_cast<std::uint64_t>(std::ldexp(f, 53));
    return NumberOps::finite(v < 0, detail::Nat::from_u64(m), e - 53, 53);
}

Number Number::infinity(bool negative) { return NumberOps::inf(negative, 0); }

bool Number::is_integer() const { return form_ == Form::zero || (form_ == Form::finite && exp_ >= 0); }

std::optional<std::int64_t> Number::to_int64() const {
    if (form_ == Form::zero) return 0;
    if (!is_integer() || exp_ + static_cast<std::int64_t>(mant_.bit_len()) > 63) return std::nullopt;
    const auto mag = static_cast<std::int64_t>(mant_.shl(static_cast<std::size_t>(exp_)).low_u64());
    return neg_ ? -mag : mag;
}

double Number::to_double() const {
    if (form_ == Form::zero) return neg_ ? -0.0 : 0.0;
    if (form_ == Form::inf) return neg_ ? -HUGE_VAL : HUGE_VAL;
    const Number r = NumberOps::round_to(*this, 53);
    if (r.form_ == Form::inf) return neg_ ? -HUGE_VAL : HUGE_VAL;
    const double mag = std::ldexp(static_cast<double>(r.mant_.low_u64()), static_cast<int>(std::clamp<std::int64_t>(r.exp_, -100000, 100000)));
    return neg_ ? -mag : mag;
}

std::optional<Number> Number::add(const Number& a, const Number& b) {
    return NumberOps::add(a, b, std::max(a.prec_, b.prec_));
}

std::optional<Number> Number::subtract(const Number& a, const Number& b) { return add(a, b.negate()); }

// cty multiplies at 512 bits, then keeps the larger of the operands' precisions and the
// bits the product needs.
std::optional<Number> Number::multiply(const Number& a, const Number& b) {
    auto r = NumberOps::mul(a, b, 512);
    if (!r) return r;
    const auto min_prec = static_cast<std::uint32_t>(r->mant_.bit_len());
    r->prec_ = std::max({a.prec_, b.prec_, min_prec});
    return r;
}

std::optional<Number> Number::divide(const Number& a, const Number& b) {
    return NumberOps::quo(a, b, std::max(a.prec_, b.prec_));
}

// cty's Modulo: a - b * trunc(a / b), at a's precision; x % 0 is x; infinities go through
// Multiply to get an infinity of the right sign.
std::optional<Number> Number::modulo(const Number& a, const Number& b) {
    if (a.is_inf() || b.is_inf()) return multiply(a, b);
    if (b.is_zero()) return a;
    const auto rat = divide(a, b);
    if (!rat) return std::nullopt;
    const Number work = NumberOps::round_to(NumberOps::integer_part(*rat, 0), a.prec_);
    const auto prod = NumberOps::mul(b, work, a.prec_);
    if (!prod) return std::nullopt;
    return NumberOps::add(a, prod->negate(), a.prec_);
}

Number Number::negate() const {
    Number r = *this;
    r.neg_ = !neg_;
    return r;
}

Number Number::absolute() const {
    Number r = *this;
    r.neg_ = false;
    return r;
}

Number Number::truncate() const { return NumberOps::integer_part(*this, prec_); }

Number Number::floor() const {
    const Number t = truncate();
    if (!neg_ || equal(t, *this)) return t;
    return *add(t, from_int(-1));
}

Number Number::ceil() const {
    const Number t = truncate();
    if (neg_ || equal(t, *this)) return t;
    return *add(t, from_int(1));
}

int Number::compare(const Number& a, const Number& b) {
    const auto key = [](const Number& n) { return n.is_zero() ? 0 : (n.neg_ ? -1 : 1); };
    if (key(a) != key(b)) return key(a) < key(b) ? -1 : 1;
    if (a.is_zero()) return 0;
    const int s = a.neg_ ? -1 : 1;
    if (a.is_inf() || b.is_inf()) return a.is_inf() == b.is_inf() ? 0 : (a.is_inf() ? s : -s);
    const std::int64_t e = std::min(a.exp_, b.exp_);
    const int mag = Nat::cmp(a.mant_.shl(static_cast<std::size_t>(a.exp_ - e)), b.mant_.shl(static_cast<std::size_t>(b.exp_ - e)));
    return mag * s;
}

bool Number::equal(const Number& a, const Number& b) {
    if (a.sign() != b.sign()) return false;
    if (a.is_zero()) return true;
    return a.text() == b.text();
}

}  // namespace hjob::cty
