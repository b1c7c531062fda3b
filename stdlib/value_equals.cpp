// cty's Value.Equals: equality that answers "unknown" when unknown values or types leave
// the question open, and never raises an error.
#include "value.hpp"

namespace hjob::cty {

namespace {

// cty's TestConformance(given, want) == nil: equal, with `any` in want matching anything.
bool conforms(const Type& given, const Type& want) {
    if (want.is_dynamic()) return true;
    if (given.kind() != want.kind()) return false;
    switch (want.kind()) {
    case Kind::list: case Kind::map: case Kind::set: return conforms(given.element(), want.element());
    case Kind::tuple: {
        if (given.elements().size() != want.elements().size()) return false;
        for (std::size_t i = 0; i < want.elements().size(); ++i)
            if (!conforms(given.elements()[i], want.elements()[i])) return false;
        return true;
    }
    case Kind::object: {
        if (given.attributes().size() != want.attributes().size()) return false;
        for (std::size_t i = 0; i < want.attributes().size(); ++i) {
            const auto& g = given.attributes()[i];
            const auto& w = want.attributes()[i];
            if (g.first != w.first || !conforms(g.second, w.second)) return false;
        }
        return true;
    }
    default: return true;
    }
}

bool has_wholly_known_type(const Value& v) {
    if (v.is_null()) return true;
    if (!v.is_known()) return !v.type().has_dynamic();
    for (const auto& e : v.elements())
        if (!has_wholly_known_type(e)) return false;
    for (const auto& a : v.attributes())
        if (!has_wholly_known_type(a.second)) return false;
    return true;
}

/// Pairwise equality of two sequences: false on the first false, unknown on an unknown.
template <class Get>
Value all_equal(std::size_t n, Get get) {
    for (std::size_t i = 0; i < n; ++i) {
        const auto [x, y] = get(i);
        const Value eq = equals(*x, *y);
        if (!eq.is_known()) return Value::unknown(Type::boolean());
        if (!eq.as_bool()) return Value::boolean(false);
    }
    return Value::boolean(true);
}

Value known_equals(const Value& a, const Value& b) {
    switch (a.type().kind()) {
    case Kind::number: return Value::boolean(Number::equal(a.as_number(), b.as_number()));
    case Kind::boolean: return Value::boolean(a.as_bool() == b.as_bool());
    case Kind::string: return Value::boolean(a.as_string() == b.as_string());
    case Kind::set: {
        for (const auto& e : a.elements())
            if (!e.is_known()) return Value::unknown(Type::boolean());
        for (const auto& e : b.elements())
            if (!e.is_known()) return Value::unknown(Type::boolean());
        return Value::boolean(a.raw_equals(b));
    }
    case Kind::map: case Kind::object: {
        const auto& x = a.attributes();
        const auto& y = b.attributes();
        if (x.size() != y.size()) return Value::boolean(false);
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x[i].first != y[i].first) return Value::boolean(false);
        return all_equal(x.size(), [&](std::size_t i) { return std::pair{&x[i].second, &y[i].second}; });
    }
    default: {
        const auto& x = a.elements();
        const auto& y = b.elements();
        if (x.size() != y.size()) return Value::boolean(false);
        return all_equal(x.size(), [&](std::size_t i) { return std::pair{&x[i], &y[i]}; });
    }
    }
}

/// One side known, the other unknown.
Value half_known(const Value& known, const Value& unknown) {
    if (known.is_null() || unknown.type().has_dynamic()) return Value::unknown(Type::boolean());
    if (!(known.type() == unknown.type())) return Value::boolean(false);
    return Value::unknown(Type::boolean());
}

}  // namespace

Value equals(const Value& a, const Value& b) {
    if (!a.is_known() && !b.is_known()) return Value::unknown(Type::boolean());
    if (a.is_known() && !b.is_known()) return half_known(a, b);
    if (b.is_known() && !a.is_known()) return half_known(b, a);
    if (a.is_null() || b.is_null()) return Value::boolean(a.is_null() && b.is_null());
    if (!has_wholly_known_type(a) || !has_wholly_known_type(b)) {
        if (!conforms(a.type(), b.type()) && !conforms(b.type(), a.type())) return Value::boolean(false);
        return Value::unknown(Type::boolean());
    }
    if (!(a.type() == b.type())) return Value::boolean(false);
    return known_equals(a, b);
}

}  // namespace hjob::cty
