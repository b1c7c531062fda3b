// Numeric functions (go-cty number.go): abs, ceil, floor, log, pow, signum, min, max,
// parseint. log and pow go through float64 exactly as go-cty does.
#include <cmath>

#include "fn_util.hpp"
#include "value_number_impl.hpp"

namespace hjob::cty::fn {

namespace {

const Type N = Type::number();

CallResult float_result(double d) {
    if (auto v = from_double(d)) return ok(*v);
    return fail("panic in function implementation: " + std::string("math/big: NaN"));  // as Go panics in NumberFloatVal
}

Function extreme(bool want_max) {
    return make_var({}, param("numbers", N, dynamic), N, [want_max](std::span<const Value> a, const Type&) {
        if (a.empty()) return fail("must pass at least one number");
        Value best = Value::number(Number::infinity(want_max));  // max starts at -Inf
        for (const Value& v : a) {
            const int c = Number::compare(v.as_number(), best.as_number());
            if (want_max ? c > 0 : c < 0) best = v;
        }
        return ok(best);
    });
}

int digit_value(char c, int base) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
    return 99;
}

CallResult parseint(std::span<const Value> a, const Type&) {
    const std::string& s = a[0].as_string();
    std::string err;
    const auto base = to_int(a[1], &err);
    if (!base) return fail(err, 1);
    if (*base < 2 || *base > 62) return fail("base must be a whole number between 2 and 62 inclusive", 1);
    const auto b = static_cast<int>(*base);
    std::size_t i = 0;
    const bool neg = !s.empty() && s[0] == '-';
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) i = 1;
    detail::Nat mag;
    for (std::size_t j = i; j < s.size(); ++j) {
        const int d = digit_value(s[j], b);
        if (d >= b) return fail("cannot parse " + go_quote(s) + " as a base " + std::to_string(b) + " integer", 0);
        mag.mul_add_small(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(d));
    }
    if (i >= s.size()) return fail("cannot parse " + go_quote(s) + " as a base " + std::to_string(b) + " integer", 0);
    if (mag.is_zero()) return ok(Value::number(Number::from_int(0)));
    // big.Float.SetInt: precision max(64, bit length), so the integer stays exact.
    const auto prec = static_cast<std::uint32_t>(std::max<std::size_t>(64, mag.bit_len()));
    return ok(Value::number(NumberOps::finite(neg, mag, 0, prec)));
}

}  // namespace

void add_numeric_functions(FunctionTable& t) {
    t["abs"] = make({param("num", N, dynamic)}, N, [](std::span<const Value> a, const Type&) {
        return ok(Value::number(a[0].as_number().absolute()));
    });
    t["ceil"] = make({param("num", N)}, N, [](std::span<const Value> a, const Type&) { return ok(Value::number(a[0].as_number().ceil())); });
    t["floor"] = make({param("num", N)}, N, [](std::span<const Value> a, const Type&) { return ok(Value::number(a[0].as_number().floor())); });
    t["log"] = make({param("num", N), param("base", N)}, N, [](std::span<const Value> a, const Type&) {
        return float_result(std::log(to_double(a[0])) / std::log(to_double(a[1])));
    });
    t["pow"] = make({param("num", N), param("power", N)}, N, [](std::span<const Value> a, const Type&) {
        return float_result(std::pow(to_double(a[0]), to_double(a[1])));
    });
    t["signum"] = make({param("num", N)}, N, [](std::span<const Value> a, const Type&) {
        std::string err;
        const auto n = to_int(a[0], &err);
        if (!n) return fail(err);
        return ok(Value::number(*n < 0 ? -1 : *n > 0 ? 1 : 0));
    });
    t["max"] = extreme(true);
    t["min"] = extreme(false);
    t["parseint"] = make({param("number", Type::dynamic()), param("base", N)}, [](std::span<const Value> a) -> std::variant<Type, FunctionError> {
        if (!(a[0].type() == Type::string())) return type_error("first argument must be a string, not " + a[0].type().friendly_name(), 0);
        return Type::number();
    }, parseint);
}

}  // namespace hjob::cty::fn
