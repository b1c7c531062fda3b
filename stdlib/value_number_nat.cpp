// Schoolbook unsigned integer arithmetic for Number's mantissas. Sizes stay small (a few
// hundred bits) except for literals with many digits, which the number limits bound.
#include "value_number_nat.hpp"

#include <algorithm>
#include <bit>

namespace hjob::cty::detail {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

Nat Nat::from_u64(u64 v) {
    Nat n;
    while (v != 0) {
        n.limbs_.push_back(static_cast<u32>(v));
        v >>= 32;
    }
    return n;
}

void Nat::trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
}

std::size_t Nat::bit_len() const {
    if (limbs_.empty()) return 0;
    return (limbs_.size() - 1) * 32 + (32 - static_cast<std::size_t>(std::countl_zero(limbs_.back())));
}

std::size_t Nat::trailing_zeros() const {
    for (std::size_t i = 0; i < limbs_.size(); ++i)
        if (limbs_[i] != 0) return i * 32 + static_cast<std::size_t>(std::countr_zero(limbs_[i]));
    return 0;
}

bool Nat::bit(std::size_t i) const {
    const std::size_t w = i / 32;
    return w < limbs_.size() && ((limbs_[w] >> (i % 32)) & 1u) != 0;
}

bool Nat::any_below(std::size_t n) const {
    const std::size_t full = std::min(n / 32, limbs_.size());
    for (std::size_t i = 0; i < full; ++i)
        if (limbs_[i] != 0) return true;
    if (full < limbs_.size() && n % 32 != 0) return (limbs_[full] & ((1u << (n % 32)) - 1)) != 0;
    return false;
}

u64 Nat::low_u64() const {
    u64 v = limbs_.empty() ? 0 : limbs_[0];
    if (limbs_.size() > 1) v |= static_cast<u64>(limbs_[1]) << 32;
    return v;
}

Nat Nat::shl(std::size_t n) const {
    if (is_zero()) return {};
    Nat r;
    const std::size_t words = n / 32, bits = n % 32;
    r.limbs_.assign(limbs_.size() + words + 1, 0);
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
        const u64 v = static_cast<u64>(limbs_[i]) << bits;
        r.limbs_[i + words] |= static_cast<u32>(v);
        r.limbs_[i + words + 1] |= static_cast<u32>(v >> 32);
    }
    r.trim();
    return r;
}

Nat Nat::shr(std::size_t n) const {
    const std::size_t words = n / 32, bits = n % 32;
    if (words >= limbs_.size()) return {};
    Nat r;
    r.limbs_.assign(limbs_.size() - words, 0);
    for (std::size_t i = 0; i < r.limbs_.size(); ++i) {
        u64 v = limbs_[i + words];
        if (i + words + 1 < limbs_.size()) v |= static_cast<u64>(limbs_[i + words + 1]) << 32;
        r.limbs_[i] = static_cast<u32>(v >> bits);
    }
    r.trim();
    return r;
}

int Nat::cmp(const Nat& a, const Nat& b) {
    if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size() ? -1 : 1;
    for (std::size_t i = a.limbs_.size(); i-- > 0;)
        if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
    return 0;
}

Nat Nat::add(const Nat& a, const Nat& b) {
    const Nat& big = a.limbs_.size() >= b.limbs_.size() ? a : b;
    const Nat& small = &big == &a ? b : a;
    Nat r;
    r.limbs_.resize(big.limbs_.size() + 1);
    u64 carry = 0;
    for (std::size_t i = 0; i < big.limbs_.size(); ++i) {
        carry += big.limbs_[i];
        if (i < small.limbs_.size()) carry += small.limbs_[i];
        r.limbs_[i] = static_cast<u32>(carry);
        carry >>= 32;
    }
    r.limbs_.back() = static_cast<u32>(carry);
    r.trim();
    return r;
}

Nat Nat::sub(const Nat& a, const Nat& b) {
    Nat r;
    r.limbs_.resize(a.limbs_.size());
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < a.limbs_.size(); ++i) {
        std::int64_t d = static_cast<std::int64_t>(a.limbs_[i]) - borrow;
        if (i < b.limbs_.size()) d -= b.limbs_[i];
        borrow = d < 0 ? 1 : 0;
        r.limbs_[i] = static_cast<u32>(d + (borrow << 32));
    }
    r.trim();
    return r;
}

Nat Nat::mul(const Nat& a, const Nat& b) {
    if (a.is_zero() || b.is_zero()) return {};
    Nat r;
    r.limbs_.assign(a.limbs_.size() + b.limbs_.size(), 0);
    for (std::size_t i = 0; i < a.limbs_.size(); ++i) {
        u64 carry = 0;
        for (std::size_t j = 0; j < b.limbs_.size(); ++j) {
            carry += static_cast<u64>(a.limbs_[i]) * b.limbs_[j] + r.limbs_[i + j];
            r.limbs_[i + j] = static_cast<u32>(carry);
            carry >>= 32;
        }
        r.limbs_[i + b.limbs_.size()] = static_cast<u32>(carry);
    }
    r.trim();
    return r;
}

void Nat::mul_add_small(u32 m, u32 a) {
    u64 carry = a;
    for (auto& l : limbs_) {
        carry += static_cast<u64>(l) * m;
        l = static_cast<u32>(carry);
        carry >>= 32;
    }
    if (carry != 0) limbs_.push_back(static_cast<u32>(carry));
    trim();
}

u32 Nat::div_small(u32 d) {
    u64 rem = 0;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
        const u64 cur = (rem << 32) | limbs_[i];
        limbs_[i] = static_cast<u32>(cur / d);
        rem = cur % d;
    }
    trim();
    return static_cast<u32>(rem);
}

// Knuth, TAOCP vol. 2, 4.3.1, algorithm D (after Hacker's Delight's divmnu).
void Nat::divmod(const Nat& a, const Nat& b, Nat& q, Nat& r) {
    if (cmp(a, b) < 0) {
        q = {};
        r = a;
        return;
    }
    if (b.limbs_.size() == 1) {
        q = a;
        r = from_u64(q.div_small(b.limbs_[0]));
        return;
    }
    const int s = std::countl_zero(b.limbs_.back());
    const Nat vn = b.shl(static_cast<std::size_t>(s));
    Nat un = a.shl(static_cast<std::size_t>(s));
    const std::size_t n = vn.limbs_.size(), m = a.limbs_.size() + 1 - n;
    un.limbs_.resize(a.limbs_.size() + 1, 0);
    q.limbs_.assign(m, 0);
    const u64 base = u64{1} << 32;
    for (std::size_t j = m; j-- > 0;) {
        const u64 num = (static_cast<u64>(un.limbs_[j + n]) << 32) | un.limbs_[j + n - 1];
        u64 qhat = num / vn.limbs_[n - 1], rhat = num % vn.limbs_[n - 1];
        while (qhat >= base || qhat * vn.limbs_[n - 2] > ((rhat << 32) | un.limbs_[j + n - 2])) {
            --qhat;
            rhat += vn.limbs_[n - 1];
            if (rhat >= base) break;
        }
        std::int64_t borrow = 0;
        u64 carry = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const u64 p = qhat * vn.limbs_[i] + carry;
            carry = p >> 32;
            const std::int64_t t = static_cast<std::int64_t>(un.limbs_[i + j]) - borrow - static_cast<std::int64_t>(p & 0xffffffffu);
            un.limbs_[i + j] = static_cast<u32>(t);
            borrow = t < 0 ? 1 : 0;
        }
        const std::int64_t t = static_cast<std::int64_t>(un.limbs_[j + n]) - borrow - static_cast<std::int64_t>(carry);
        un.limbs_[j + n] = static_cast<u32>(t);
        if (t < 0) {  // qhat was one too large: add the divisor back
            --qhat;
            u64 c = 0;
            for (std::size_t i = 0; i < n; ++i) {
                c += static_cast<u64>(un.limbs_[i + j]) + vn.limbs_[i];
                un.limbs_[i + j] = static_cast<u32>(c);
                c >>= 32;
            }
            un.limbs_[j + n] = static_cast<u32>(un.limbs_[j + n] + c);
        }
        q.limbs_[j] = static_cast<u32>(qhat);
    }
    q.trim();
    un.trim();
    r = un.shr(static_cast<std::size_t>(s));
}

Nat Nat::pow5(u64 n) {
    Nat r = from_u64(1);
    constexpr u32 pow5_13 = 1220703125u;  // 5^13, the largest power of five below 2^32
    for (; n >= 13; n -= 13) r.mul_add_small(pow5_13, 0);
    u32 rest = 1;
    for (; n > 0; --n) rest *= 5;
    r.mul_add_small(rest, 0);
    return r;
}

std::string Nat::to_decimal() const {
    if (is_zero()) return "0";
    Nat t = *this;
    std::string out;
    while (!t.is_zero()) {
        u32 chunk = t.div_small(1000000000u);
        for (int i = 0; i < 9; ++i) {
            out.push_back(static_cast<char>('0' + chunk % 10));
            chunk /= 10;
        }
    }
    while (out.size() > 1 && out.back() == '0') out.pop_back();
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace hjob::cty::detail
