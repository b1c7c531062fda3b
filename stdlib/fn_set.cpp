// Set functions (go-cty set.go and collection.go): setunion, setintersection, setproduct.
#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

const Type D = Type::dynamic();
using TypeResult = std::variant<Type, FunctionError>;

TypeResult set_operation_type(std::span<const Value> a) {
    std::vector<Type> etys;
    for (const Value& v : a) {
        const Type& ety = v.type().element();
        // Empty sets of `any` convert to every element type: they do not vote.
        if (v.is_known() && v.length() == 0 && ety.is_dynamic()) continue;
        etys.push_back(ety);
    }
    if (etys.empty()) return Type::set(D);
    const auto t = unify(etys, true);
    if (!t) return type_error("given sets must all have compatible element types");
    return Type::set(*t);
}

bool contains(const std::vector<Value>& items, const Value& v) {
    for (const Value& i : items)
        if (i.raw_equals(v)) return true;
    return false;
}

CallResult set_operation(std::span<const Value> a, const Type& ret, bool union_op) {
    std::vector<Value> acc;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Converted c = convert(a[i], ret);
        if (!c.ok()) return fail(c.error, static_cast<int>(i));
        if (i == 0) {
            acc = c.value.elements();
            continue;
        }
        const auto& other = c.value.elements();
        if (union_op) {
            for (const Value& v : other)
                if (!contains(acc, v)) acc.push_back(v);
        } else {
            std::vector<Value> kept;
            for (const Value& v : acc)
                if (contains(other, v)) kept.push_back(v);
            acc = std::move(kept);
        }
    }
    return ok(acc.empty() ? Value::set_empty(ret.element()) : Value::set(std::move(acc)));
}

TypeResult setproduct_type(std::span<const Value> a) {
    if (a.size() < 2) return type_error("at least two arguments are required");
    std::size_t lists = 0;
    std::vector<Type> etys;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Type& t = a[i].type();
        if (t.is_set()) {
            etys.push_back(t.element());
        } else if (t.is_list()) {
            etys.push_back(t.element());
            ++lists;
        } else if (t.is_tuple()) {
            ++lists;
            if (t.elements().empty()) {
                etys.push_back(D);
                continue;
            }
            const auto u = unify(t.elements(), true);
            if (!u) return type_error("all elements must be of the same type", static_cast<int>(i));
            etys.push_back(*u);
        } else {
            return type_error("a set or a list is required", static_cast<int>(i));
        }
    }
    const Type tuple = Type::tuple(std::move(etys));
    return lists == a.size() ? Type::list(tuple) : Type::set(tuple);
}

CallResult setproduct(std::span<const Value> a, const Type& ret) {
    const Type& ety = ret.element();
    std::size_t total = 1;
    for (const Value& v : a) {
        if (!v.is_known()) return ok(Value::unknown(ret));
        total *= v.length();
        if (total > 1u << 20) return fail("the product has too many elements");  // hjob: a memory bound
    }
    if (total == 0) return ok(ret.is_list() ? Value::list_empty(ety) : Value::set_empty(ety));
    std::vector<Value> rows;
    std::vector<std::size_t> n(a.size(), 0);
    for (std::size_t r = 0; r < total; ++r) {
        std::vector<Value> row;
        for (std::size_t j = 0; j < a.size(); ++j) {
            const Converted c = convert(a[j].elements()[n[j]], ety.elements()[j]);
            if (!c.ok()) return fail(c.error, static_cast<int>(j));
            row.push_back(c.value);
        }
        rows.push_back(Value::tuple(std::move(row)));
        for (std::size_t j = a.size(); j-- > 0;) {
            if (++n[j] < a[j].length()) break;
            n[j] = 0;
        }
    }
    return ok(ret.is_list() ? Value::list(std::move(rows)) : Value::set(std::move(rows)));
}

}  // namespace

void add_set_functions(FunctionTable& t) {
    const Type set_any = Type::set(D);
    t["setunion"] = make_var({param("first_set", set_any, dynamic)}, param("other_sets", set_any, dynamic), set_operation_type,
                             [](std::span<const Value> a, const Type& ret) { return set_operation(a, ret, true); });
    t["setintersection"] = make_var({param("first_set", set_any, dynamic)}, param("other_sets", set_any, dynamic), set_operation_type,
                                    [](std::span<const Value> a, const Type& ret) { return set_operation(a, ret, false); });
    t["setproduct"] = make_var({}, param("sets", D), setproduct_type, setproduct);
}

}  // namespace hjob::cty::fn
