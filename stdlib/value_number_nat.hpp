// Unsigned arbitrary-precision integers: the mantissa arithmetic under Number (the port of
// Go's big.Float that cty numbers need). Internal to stdlib; 32-bit limbs, little-endian.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hjob::cty::detail {

class Nat {
public:
    Nat() = default;
    static Nat from_u64(std::uint64_t v);

    bool is_zero() const { return limbs_.empty(); }
    std::size_t bit_len() const;
    std::size_t trailing_zeros() const;  ///< 0 for zero
    bool bit(std::size_t i) const;
    /// True when any of the bits below position `n` is set.
    bool any_below(std::size_t n) const;
    std::uint64_t low_u64() const;

    Nat shl(std::size_t n) const;
    Nat shr(std::size_t n) const;

    static int cmp(const Nat& a, const Nat& b);
    static Nat add(const Nat& a, const Nat& b);
    /// a - b; requires a >= b.
    static Nat sub(const Nat& a, const Nat& b);
    static Nat mul(const Nat& a, const Nat& b);
    /// Knuth's algorithm D: q = a / b, r = a % b; b must not be zero.
    static void divmod(const Nat& a, const Nat& b, Nat& q, Nat& r);

    /// *this = *this * m + a.
    void mul_add_small(std::uint32_t m, std::uint32_t a);
    /// Divides in place by d and returns the remainder.
    std::uint32_t div_small(std::uint32_t d);

    /// 5^n, exactly.
    static Nat pow5(std::uint64_t n);
    std::string to_decimal() const;

    friend bool operator==(const Nat&, const Nat&) = default;

private:
    void trim();
    std::vector<std::uint32_t> limbs_;
};

}  // namespace hjob::cty::detail
