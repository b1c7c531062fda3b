// HCL numbers as go-cty has them: binary floating point with a 512-bit mantissa (Go's
// big.Float, rounding to nearest even), ported so that arithmetic, equality and decimal text
// agree digit for digit with HashiCorp's tools (`11 % 5.1` is 0.8000...00024, 155 digits).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "value_number_nat.hpp"

namespace hjob::cty {

/// An immutable big binary float (sign, mantissa, exponent, precision), or +-infinity.
/// Operations follow go-cty's Value methods, including their precision rules, so results
/// print as `terraform console` / `nomad` would print them.
class Number {
public:
    /// cty parses every decimal number at 512 bits (cty.ParseNumberVal).
    static constexpr std::uint32_t parse_precision = 512;
    /// Beyond Go: binary exponents past +-2^16 (about 1e+-19728) make `parse` fail and
    /// arithmetic overflow to infinity, so that a hostile literal cannot make the exact
    /// decimal expansion cost seconds. HCL would accept them; no real job file comes close.
    static constexpr std::int64_t max_binary_exponent = std::int64_t{1} << 16;
    /// Likewise, literals of more than 20000 digits are rejected: exact conversion of the
    /// mantissa is quadratic in its length.
    static constexpr std::size_t max_digits = 20000;

    Number() = default;  ///< +0 with precision 0

    /// Go's big.ParseFloat(text, 10, prec, ToNearestEven): optional sign, digits with an
    /// optional point, optional `e`/`p` exponent, or `Inf`. nullopt on bad syntax or range.
    static std::optional<Number> parse(std::string_view text, std::uint32_t prec = parse_precision);
    static Number from_int(std::int64_t v);    ///< cty.NumberIntVal: precision 64
    static Number from_uint(std::uint64_t v);  ///< cty.NumberUIntVal: precision 64
    /// cty.NumberFloatVal: precision 53; nullopt for NaN.
    static std::optional<Number> from_double(double v);
    static Number infinity(bool negative);

    bool is_zero() const { return form_ == Form::zero; }
    bool is_inf() const { return form_ == Form::inf; }
    bool is_negative() const { return neg_; }  ///< true for -0 too
    int sign() const { return is_zero() ? 0 : (neg_ ? -1 : 1); }
    std::uint32_t precision() const { return prec_; }
    bool is_integer() const;  ///< finite with no fractional part
    /// The value when it is an integer in the int64 range.
    std::optional<std::int64_t> to_int64() const;
    double to_double() const;  ///< nearest double (Go's Float64), +-inf when out of range

    /// Go's Text('f', -1): the shortest decimal that reads back to this value at its
    /// precision, never in exponent form ("1e3" -> "1000", "+Inf", "-0").
    std::string text() const;
    /// Go's Text('f', digits): rounded to `digits` places after the point.
    std::string text_fixed(int digits) const;
    /// Go's Text(format, prec) for 'e', 'E', 'f', 'g', 'G'; prec < 0 is the shortest form
    /// (Text('g', -1) is what format's %v prints for a number).
    std::string text_format(char format, int prec) const;

    // cty's arithmetic (Value.Add, Subtract, Multiply, Divide, Modulo, Negate, Absolute);
    // nullopt where Go panics with ErrNaN (inf - inf, 0 * inf, 0/0, inf/inf).
    static std::optional<Number> add(const Number& a, const Number& b);
    static std::optional<Number> subtract(const Number& a, const Number& b);
    static std::optional<Number> multiply(const Number& a, const Number& b);
    static std::optional<Number> divide(const Number& a, const Number& b);
    static std::optional<Number> modulo(const Number& a, const Number& b);
    Number negate() const;
    Number absolute() const;
    /// Toward zero, down, up (the integer part as big.Float.Int gives it); keeps precision
    /// where the integer fits, grows it otherwise.
    Number truncate() const;
    Number floor() const;
    Number ceil() const;

    /// Go's Cmp: -1, 0, +1; -0 == +0.
    static int compare(const Number& a, const Number& b);
    /// cty's number equality: same `text()`, with -0 equal to 0.
    static bool equal(const Number& a, const Number& b);

private:
    enum class Form : std::uint8_t { zero, finite, inf };
    friend struct NumberOps;

    Form form_ = Form::zero;
    bool neg_ = false;
    std::uint32_t prec_ = 0;
    std::int64_t exp_ = 0;  ///< finite: value = mant_ * 2^exp_, mant_ odd
    detail::Nat mant_;
};

}  // namespace hjob::cty
