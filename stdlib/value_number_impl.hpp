// Internals shared by value_number.cpp (arithmetic) and value_number_text.cpp (parse and
// print): rounding to a precision and Go's big.Float operations with an explicit target
// precision. Not part of the stdlib interface.
#pragma once

#include "value_number.hpp"

namespace hjob::cty {

struct NumberOps {
    /// mant * 2^exp rounded to `prec` bits, nearest even. `sticky` says nonzero bits were
    /// dropped below mant's last bit; callers passing it give mant at least prec+2 bits.
    static Number finite(bool neg, detail::Nat mant, std::int64_t exp, std::uint32_t prec, bool sticky = false);
    static Number zero(bool neg, std::uint32_t prec);
    static Number inf(bool neg, std::uint32_t prec);

    /// Go's z.Add / z.Mul / z.Quo with z's precision already set to `prec`.
    static std::optional<Number> add(const Number& x, const Number& y, std::uint32_t prec);
    static std::optional<Number> mul(const Number& x, const Number& y, std::uint32_t prec);
    static std::optional<Number> quo(const Number& x, const Number& y, std::uint32_t prec);
    /// Go's z.Set(x) with z's precision `prec`: rounds when x has more bits.
    static Number round_to(const Number& x, std::uint32_t prec);
    /// The integer part, toward zero, exactly (as big.Float.Int), with precision `prec`
    /// or the integer's bit length, whichever is larger.
    static Number integer_part(const Number& x, std::uint32_t prec);

    static const detail::Nat& mant(const Number& x) { return x.mant_; }
    static std::int64_t exp(const Number& x) { return x.exp_; }
};

}  // namespace hjob::cty
