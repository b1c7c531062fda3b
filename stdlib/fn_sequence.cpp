// Number sequences and sub-sequences (go-cty sequence.go and collection.go): range, slice.
#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

const Type N = Type::number();

CallResult range(std::span<const Value> a, const Type&) {
    const Number zero = Number::from_int(0), one = Number::from_int(1), minus_one = Number::from_int(-1);
    Number start = zero, end, step;
    switch (a.size()) {
    case 1:
        end = a[0].as_number();
        step = end.sign() < 0 ? minus_one : one;
        break;
    case 2:
        start = a[0].as_number();
        end = a[1].as_number();
        step = Number::compare(end, start) < 0 ? minus_one : one;
        break;
    case 3:
        start = a[0].as_number();
        end = a[1].as_number();
        step = a[2].as_number();
        break;
    default:
        return fail("must have one, two, or three arguments");
    }
    // go-cty compares `step == cty.Zero` by identity, so a zero step given by the user is
    // not caught there and runs into the 1024-element limit below instead; so do we.
    const bool down = step.sign() < 0;
    if (down && Number::compare(end, start) > 0) return fail("end must be less than start when step is negative", 1);
    if (!down && Number::compare(end, start) < 0) return fail("end must be greater than start when step is positive", 1);
    std::vector<Value> vals;
    for (Number num = start;;) {
        const int c = Number::compare(num, end);
        if (down ? c <= 0 : c >= 0) break;
        if (vals.size() >= 1024)
            return fail("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step");
        vals.push_back(Value::number(num));
        const auto next = Number::add(num, step);
        if (!next) return fail("can't compute sum of opposing infinities");
        num = *next;
    }
    return ok(vals.empty() ? Value::list_empty(N) : Value::list(std::move(vals)));
}

struct SliceIndexes {
    std::size_t start = 0, end = 0;
    bool known = false;
    std::optional<FunctionError> error;
};

SliceIndexes slice_indexes(std::span<const Value> a) {
    SliceIndexes r;
    const bool length_known = a[0].type().is_tuple() || a[0].is_known();
    const std::size_t length = a[0].type().is_tuple() ? a[0].type().elements().size() : length_known ? a[0].length() : 0;
    std::optional<std::int64_t> s, e;
    std::string err;
    if (a[1].is_known()) {
        s = to_int(a[1], &err);
        if (!s) r.error = FunctionError{"invalid start index: " + err, 1};
        else if (*s < 0) r.error = FunctionError{"start index must not be less than zero", 1};
        else if (length_known && static_cast<std::size_t>(*s) > length)
            r.error = FunctionError{"start index must not be greater than the length of the list", 1};
        if (r.error) return r;
    }
    if (a[2].is_known()) {
        e = to_int(a[2], &err);
        if (!e) r.error = FunctionError{"invalid end index: " + err, 2};
        else if (*e < 0) r.error = FunctionError{"end index must not be less than zero", 2};
        else if (length_known && static_cast<std::size_t>(*e) > length)
            r.error = FunctionError{"end index must not be greater than the length of the list", 2};
        if (r.error) return r;
    }
    if (s && e && *s > *e) r.error = FunctionError{"start index must not be greater than end index", 1};
    r.known = s && e;
    if (r.known) {
        r.start = static_cast<std::size_t>(*s);
        r.end = static_cast<std::size_t>(*e);
    }
    return r;
}

std::variant<Type, FunctionError> slice_type(std::span<const Value> a) {
    const Type& t = a[0].type();
    if (t.is_set())
        return type_error("cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important", 0);
    if (!t.is_list() && !t.is_tuple()) return type_error("must be a list or tuple value", 0);
    const SliceIndexes r = slice_indexes(a);
    if (r.error) return *r.error;
    if (t.is_list()) return t;
    if (!r.known) return Type::dynamic();
    return Type::tuple(std::vector<Type>(t.elements().begin() + static_cast<std::ptrdiff_t>(r.start),
                                         t.elements().begin() + static_cast<std::ptrdiff_t>(r.end)));
}

CallResult slice(std::span<const Value> a, const Type& ret) {
    if (ret.is_dynamic()) return ok(Value());
    const SliceIndexes r = slice_indexes(a);
    if (r.error) return CallResult{Value(), r.error};
    const auto& items = a[0].elements();
    std::vector<Value> out(items.begin() + static_cast<std::ptrdiff_t>(r.start), items.begin() + static_cast<std::ptrdiff_t>(r.end));
    if (ret.is_tuple()) return ok(Value::tuple(std::move(out)));
    return ok(out.empty() ? Value::list_empty(ret.element()) : Value::list(std::move(out)));
}

}  // namespace

void add_sequence_functions(FunctionTable& t) {
    t["range"] = make_var({}, param("params", N), Type::list(N), range);
    t["slice"] = make({param("list", Type::dynamic()), param("start_index", N), param("end_index", N)}, slice_type, slice);
}

}  // namespace hjob::cty::fn
