// bcrypt (Provos and Mazières' eksblowfish, as Go's golang.org/x/crypto/bcrypt writes it):
// "$2a$<cost>$<22-char salt><31-char hash>". Blowfish's initial state is the fractional
// hexadecimal digits of pi; rather than carry a 4 KiB table we compute them once with
// Machin's formula on the stdlib's big naturals (a few milliseconds).
#include <array>
#include <mutex>
#include <openssl/rand.h>

#include "fn_util.hpp"
#include "value_number_nat.hpp"

namespace hjob::cty::fn {

namespace {

using detail::Nat;

constexpr std::size_t p_words = 18, s_words = 1024;
/// Beyond Go: 2^cost key expansions take minutes above this; a job file must not stall
/// `hjob check`, so higher costs are an error here (Nomad accepts up to 31).
constexpr int max_bcrypt_cost = 16;

struct Blowfish {
    std::array<std::uint32_t, p_words> p;
    std::array<std::uint32_t, s_words> s;  // the four S-boxes back to back
};

// atan(1/x) * 2^bits as its positive and negative terms, each truncated (error < 1 unit
// per term, covered by the guard bits).
void atan_inverse(std::uint32_t x, std::size_t bits, Nat& plus, Nat& minus) {
    Nat power = Nat::from_u64(1).shl(bits);
    power.div_small(x);
    for (std::uint32_t k = 0; !power.is_zero(); ++k) {
        Nat term = power;
        term.div_small(2 * k + 1);
        if (k % 2 == 0) plus = Nat::add(plus, term);
        else minus = Nat::add(minus, term);
        power.div_small(x * x);
    }
}

Blowfish initial_state() {
    constexpr std::size_t words = p_words + s_words, frac_bits = words * 32, guard = 64;
    const std::size_t bits = frac_bits + guard;
    Nat p5, m5, p239, m239;
    atan_inverse(5, bits, p5, m5);
    atan_inverse(239, bits, p239, m239);
    // pi = 16 atan(1/5) - 4 atan(1/239), with each series split into its + and - terms.
    Nat pos = Nat::add(p5.shl(4), m239.shl(2));
    Nat negs = Nat::add(m5.shl(4), p239.shl(2));
    Nat pi = Nat::sub(pos, negs).shr(guard);  // 3.243f6a88... * 2^frac_bits
    Blowfish b{};
    for (std::size_t i = 0; i < words; ++i) {
        const auto w = static_cast<std::uint32_t>(pi.shr(frac_bits - 32 * (i + 1)).low_u64() & 0xFFFFFFFFu);
        if (i < p_words) b.p[i] = w;
        else b.s[i - p_words] = w;
    }
    return b;
}

const Blowfish& pi_state() {
    static std::once_flag once;
    static Blowfish state;
    std::call_once(once, [] { state = initial_state(); });
    return state;
}

std::uint32_t f(const Blowfish& b, std::uint32_t x) {
    return ((b.s[x >> 24] + b.s[256 + ((x >> 16) & 0xff)]) ^ b.s[512 + ((x >> 8) & 0xff)]) + b.s[768 + (x & 0xff)];
}

void encrypt(const Blowfish& b, std::uint32_t& l, std::uint32_t& r) {
    std::uint32_t xl = l ^ b.p[0], xr = r;
    for (std::size_t i = 1; i <= 16; i += 2) {
        xr ^= f(b, xl) ^ b.p[i];
        xl ^= f(b, xr) ^ b.p[i + 1];
    }
    xr ^= b.p[17];
    l = xr;
    r = xl;
}

std::uint32_t next_word(std::string_view data, std::size_t& j) {
    std::uint32_t w = 0;
    for (int k = 0; k < 4; ++k, j = (j + 1) % data.size()) w = (w << 8) | static_cast<unsigned char>(data[j]);
    return w;
}

// Blowfish's key schedule; with a salt, eksblowfish's salted variant.
void expand_key(Blowfish& b, std::string_view key, std::string_view salt) {
    std::size_t j = 0;
    for (auto& w : b.p) w ^= next_word(key, j);
    j = 0;
    std::uint32_t l = 0, r = 0;
    auto fill = [&](std::uint32_t* out, std::size_t n) {
        for (std::size_t i = 0; i < n; i += 2) {
            if (!salt.empty()) {
                l ^= next_word(salt, j);
                r ^= next_word(salt, j);
            }
            encrypt(b, l, r);
            out[i] = l;
            out[i + 1] = r;
        }
    };
    fill(b.p.data(), p_words);
    fill(b.s.data(), s_words);
}

constexpr char bcrypt_alphabet[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// bcrypt's base64: its own alphabet, no padding.
std::string encode64(const unsigned char* in, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; i += 3) {
        const std::uint32_t b0 = in[i], b1 = i + 1 < n ? in[i + 1] : 0, b2 = i + 2 < n ? in[i + 2] : 0;
        const std::uint32_t v = (b0 << 16) | (b1 << 8) | b2;
        out += bcrypt_alphabet[(v >> 18) & 63];
        out += bcrypt_alphabet[(v >> 12) & 63];
        if (i + 1 < n) out += bcrypt_alphabet[(v >> 6) & 63];
        if (i + 2 < n) out += bcrypt_alphabet[v & 63];
    }
    return out;
}

}  // namespace

std::string bcrypt_hash(std::string_view password, int cost, const unsigned char salt_bytes[16]) {
    const std::string key = std::string(password) + '\0';  // C implementations hash the NUL too
    const std::string_view salt(reinterpret_cast<const char*>(salt_bytes), 16);
    Blowfish b = pi_state();
    expand_key(b, key, salt);
    for (std::uint64_t i = 0, rounds = std::uint64_t{1} << cost; i < rounds; ++i) {
        expand_key(b, key, {});
        expand_key(b, salt, {});
    }
    static constexpr char magic[] = "OrpheanBeholderScryDoubt";
    std::uint32_t words[6];
    for (int i = 0; i < 6; ++i) {
        std::size_t j = static_cast<std::size_t>(i) * 4;
        words[i] = next_word(std::string_view(magic, 24), j);
    }
    for (int i = 0; i < 6; i += 2)
        for (int k = 0; k < 64; ++k) encrypt(b, words[i], words[i + 1]);
    unsigned char out[24];
    for (int i = 0; i < 24; ++i) out[i] = static_cast<unsigned char>(words[i / 4] >> (24 - 8 * (i % 4)));
    std::string result = "$2a$";
    if (cost < 10) result += '0';
    result.append(std::to_string(cost)).append("$").append(encode64(salt_bytes, 16)).append(encode64(out, 23));
    return result;
}

std::optional<std::string> bcrypt_generate(std::string_view password, int cost, std::string& error) {
    if (cost < 4) cost = 10;  // Go's MinCost rule
    if (cost > max_bcrypt_cost && cost <= 31) {
        error = "cost " + std::to_string(cost) + " exceeds hjob's limit of " + std::to_string(max_bcrypt_cost) +
                " (2^cost rounds would stall the check)";
        return std::nullopt;
    }
    if (cost > 31) {
        error = "crypto/bcrypt: cost " + std::to_string(cost) + " is outside allowed range (4,31)";
        return std::nullopt;
    }
    if (password.size() > 72) {
        error = "bcrypt: password length exceeds 72 bytes";
        return std::nullopt;
    }
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1) {
        error = "no random bytes available";
        return std::nullopt;
    }
    return bcrypt_hash(password, cost, salt);
}

}  // namespace hjob::cty::fn
