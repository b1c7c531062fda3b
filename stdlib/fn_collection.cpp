// Sequence functions (go-cty collection.go, sequence.go, general.go): length, element,
// index, coalesce, coalescelist, compact, concat, contains, distinct, chunklist, flatten.
#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

const Type D = Type::dynamic();

bool is_sequence(const Type& t) { return t.is_list() || t.is_tuple() || t.is_set(); }

// cty's Value.HasIndex for known values: whether `key` names an element of `coll`.
bool has_index(const Value& coll, const Value& key) {
    const Type& t = coll.type();
    if (t.is_list() || t.is_tuple()) {
        if (!(key.type() == Type::number()) || key.is_null()) return false;
        const auto i = key.as_number().to_int64();
        return i && key.as_number().is_integer() && *i >= 0 && static_cast<std::size_t>(*i) < coll.length();
    }
    if (t.is_map()) return key.type() == Type::string() && !key.is_null() && coll.find(key.as_string()) != nullptr;
    return false;
}

Value index_of(const Value& coll, const Value& key) {
    if (coll.type().is_map()) return *coll.find(key.as_string());
    return coll.elements()[static_cast<std::size_t>(*key.as_number().to_int64())];
}

std::variant<Type, FunctionError> index_type(std::span<const Value> a) {
    const Type& ct = a[0].type();
    const Type& kt = a[1].type();
    if (ct.is_tuple()) {
        if (!(kt == Type::number()) && !kt.is_dynamic()) return type_error("key for tuple must be number");
        if (!a[1].is_known()) return D;
        std::string err;
        const auto i = to_int(a[1], &err);
        if (!i) return type_error("invalid key for tuple: " + err);
        const auto n = static_cast<std::int64_t>(ct.elements().size());
        if (*i >= n || *i < 0) return type_error("key must be between 0 and " + std::to_string(n) + " inclusive");
        return ct.elements()[static_cast<std::size_t>(*i)];
    }
    if (ct.is_list()) {
        if (!(kt == Type::number()) && !kt.is_dynamic()) return type_error("key for list must be number");
        return ct.element();
    }
    if (ct.is_map()) {
        if (!(kt == Type::string()) && !kt.is_dynamic()) return type_error("key for map must be string");
        return ct.element();
    }
    return type_error("collection must be a list, a map or a tuple");
}

std::variant<Type, FunctionError> element_type(std::span<const Value> a) {
    if (a[1].is_known() && a[1].as_number().sign() < 0) return type_error("cannot use element function with a negative index");
    const Type& t = a[0].type();
    if (t.is_list()) return t.element();
    if (!t.is_tuple()) return type_error("cannot read elements from " + t.friendly_name());
    if (!a[1].is_known()) return D;
    std::string err;
    const auto i = to_int(a[1], &err);
    if (!i) return type_error("invalid index: " + err);
    if (t.elements().empty()) return type_error("cannot use element function with an empty list");
    return t.elements()[static_cast<std::size_t>(*i % static_cast<std::int64_t>(t.elements().size()))];
}

CallResult element(std::span<const Value> a, const Type& ret) {
    std::string err;
    const auto i = to_int(a[1], &err);
    if (!i) return fail("invalid index: " + err);
    if (*i < 0) return fail("cannot use element function with a negative index");
    if (!a[0].is_known()) return ok(Value::unknown(ret));
    const std::size_t n = a[0].length();
    if (n == 0) return fail("cannot use element function with an empty list");
    return ok(a[0].elements()[static_cast<std::size_t>(*i) % n]);
}

std::variant<Type, FunctionError> coalesce_type(std::span<const Value> a) {
    std::vector<Type> types;
    for (const Value& v : a) types.push_back(v.type());
    const auto t = unify(types, true);
    if (!t) return type_error("all arguments must have the same type");
    return *t;
}

// go-cty's CoalesceFunc skips nulls only: unlike Terraform's, "" is a value here.
CallResult coalesce(std::span<const Value> a, const Type& ret) {
    for (const Value& v : a) {
        if (!v.is_known()) return ok(Value::unknown(ret));
        if (v.is_null()) continue;
        const Converted c = convert(v, ret);
        return c.ok() ? ok(c.value) : fail(c.error);
    }
    return fail("no non-null arguments");
}

std::variant<Type, FunctionError> coalescelist_type(std::span<const Value> a) {
    if (a.empty()) return type_error("at least one argument is required");
    for (const Value& v : a) {
        if (!v.is_known()) return D;
        if (!v.type().is_list() && !v.type().is_tuple()) return type_error("coalescelist arguments must be lists or tuples");
    }
    for (const Value& v : a.subspan(1))
        if (!(v.type() == a[0].type())) return D;
    return a[0].type();
}

CallResult coalescelist(std::span<const Value> a, const Type& ret) {
    for (const Value& v : a) {
        if (!v.is_known()) return ok(Value::unknown(ret));
        if (!v.is_null() && v.length() > 0) return ok(v);
    }
    return fail("no non-null arguments");
}

CallResult compact(std::span<const Value> a, const Type& ret) {
    if (!a[0].is_wholly_known()) return ok(Value::unknown(ret));
    std::vector<Value> out;
    for (const Value& v : a[0].elements())
        if (!v.is_null() && !v.as_string().empty()) out.push_back(v);
    return ok(out.empty() ? Value::list_empty(Type::string()) : Value::list(std::move(out)));
}

CallResult contains(std::span<const Value> a, const Type&) {
    const Type& t = a[0].type();
    if (!t.is_list() && !t.is_tuple() && !t.is_set()) return fail("argument must be list, tuple, or set");
    if (a[0].length() == 0) return ok(Value::boolean(false));
    if (!a[1].is_known()) return ok(Value::unknown(Type::boolean()));
    bool unknown_seen = false;
    for (const Value& v : a[0].elements()) {
        const Value eq = equals(a[1], v);
        if (!eq.is_known()) unknown_seen = true;
        else if (eq.as_bool()) return ok(Value::boolean(true));
    }
    return ok(unknown_seen ? Value::unknown(Type::boolean()) : Value::boolean(false));
}

CallResult distinct(std::span<const Value> a, const Type& ret) {
    if (!a[0].is_wholly_known()) return ok(Value::unknown(ret));
    std::vector<Value> out;
    for (const Value& v : a[0].elements()) {
        const bool seen = std::any_of(out.begin(), out.end(), [&](const Value& o) { return equals(o, v).as_bool(); });
        if (!seen) out.push_back(v);
    }
    return ok(out.empty() ? Value::list_empty(ret.element()) : Value::list(std::move(out)));
}

CallResult chunklist(std::span<const Value> a, const Type& ret) {
    const Value& list = a[0];
    if (!list.is_known()) return ok(Value::unknown(ret));
    if (list.length() == 0) return ok(Value::list_empty(list.type()));
    std::string err;
    const auto size = to_int(a[1], &err);
    if (!size) return fail("invalid index: " + err);
    if (*size < 0) return fail("the size argument must be positive");
    if (*size == 0) return ok(Value::list({list}));
    std::vector<Value> out, chunk;
    const auto& items = list.elements();
    for (std::size_t i = 0; i < items.size(); ++i) {
        chunk.push_back(items[i]);
        if ((i + 1) % static_cast<std::size_t>(*size) == 0 || i + 1 == items.size()) {
            out.push_back(Value::list(std::move(chunk)));
            chunk.clear();
        }
    }
    return ok(Value::list(std::move(out)));
}

// go-cty's flattener: false when some nested sequence is unknown.
bool flatten_into(const Value& seq, std::vector<Value>& out, int depth) {
    if (!seq.is_known() || depth > 1000) return false;
    for (const Value& v : seq.elements()) {
        if (is_sequence(v.type())) {
            if (v.is_null() || !flatten_into(v, out, depth + 1)) return false;
        } else {
            out.push_back(v);
        }
    }
    return true;
}

std::variant<Type, FunctionError> flatten_type(std::span<const Value> a) {
    if (!a[0].is_wholly_known()) return D;
    if (!is_sequence(a[0].type())) return type_error("can only flatten lists, sets and tuples");
    std::vector<Value> out;
    if (!flatten_into(a[0], out, 0)) return D;
    std::vector<Type> types;
    for (const Value& v : out) types.push_back(v.type());
    return Type::tuple(std::move(types));
}

std::variant<Type, FunctionError> concat_type(std::span<const Value> a) {
    if (a.empty()) return type_error("at least one argument is required");
    if (a[0].type().is_list()) {
        std::vector<Type> types;
        for (const Value& v : a)
            if (v.type().is_list()) types.push_back(v.type());
        if (types.size() == a.size())
            if (auto t = unify(types, true)) return *t;
    }
    std::vector<Type> etys;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Type& t = a[i].type();
        if (t.is_tuple()) {
            etys.insert(etys.end(), t.elements().begin(), t.elements().end());
        } else if (t.is_list()) {
            if (!a[i].is_known()) return D;
            etys.insert(etys.end(), a[i].length(), t.element());
        } else {
            return type_error("all arguments must be lists or tuples; got " + t.friendly_name(), static_cast<int>(i));
        }
    }
    return Type::tuple(std::move(etys));
}

CallResult concat(std::span<const Value> a, const Type& ret) {
    std::vector<Value> out;
    for (std::size_t i = 0; i < a.size(); ++i) {
        Value seq = a[i];
        if (ret.is_list()) {
            const Converted c = convert(seq, ret);
            if (!c.ok()) return fail(c.error, static_cast<int>(i));
            seq = c.value;
        }
        out.insert(out.end(), seq.elements().begin(), seq.elements().end());
    }
    if (ret.is_list()) return ok(out.empty() ? Value::list_empty(ret.element()) : Value::list(std::move(out)));
    return ok(Value::tuple(std::move(out)));
}

}  // namespace

void add_collection_functions(FunctionTable& t) {
    const Type N = Type::number();
    t["length"] = make({param("collection", D, dynamic)}, [](std::span<const Value> a) -> std::variant<Type, FunctionError> {
        const Type& ct = a[0].type();
        if (!(ct.is_tuple() || ct.is_list() || ct.is_map() || ct.is_set() || ct.is_dynamic()))
            return type_error("collection must be a list, a map or a tuple");
        return Type::number();
    }, [](std::span<const Value> a, const Type&) { return ok(Value::number(static_cast<std::int64_t>(a[0].length()))); });
    t["element"] = make({param("list", D), param("index", N)}, element_type, element);
    t["index"] = make({param("collection", D), param("key", D, dynamic)}, index_type, [](std::span<const Value> a, const Type&) {
        if (!has_index(a[0], a[1])) return fail("invalid index");
        return ok(index_of(a[0], a[1]));
    });
    t["coalesce"] = make_var({}, param("vals", D, null | unknown | dynamic), coalesce_type, coalesce);
    t["coalescelist"] = make_var({}, param("vals", D, null | unknown | dynamic), coalescelist_type, coalescelist);
    t["compact"] = make({param("list", Type::list(Type::string()))}, Type::list(Type::string()), compact);
    t["contains"] = make({param("list", D), param("value", D)}, Type::boolean(), contains);
    t["distinct"] = make({param("list", Type::list(D))}, [](std::span<const Value> a) -> std::variant<Type, FunctionError> {
        return a[0].type();
    }, distinct);
    t["chunklist"] = make({param("list", Type::list(D)), param("size", N)}, [](std::span<const Value> a) -> std::variant<Type, FunctionError> {
        return Type::list(a[0].type());
    }, chunklist);
    t["flatten"] = make({param("list", D)}, flatten_type, [](std::span<const Value> a, const Type& ret) {
        if (a[0].length() == 0) return ok(Value::tuple({}));
        std::vector<Value> out;
        if (!flatten_into(a[0], out, 0)) return ok(Value::unknown(ret));
        return ok(Value::tuple(std::move(out)));
    });
    t["concat"] = make_var({}, param("seqs", D), concat_type, concat);
}

}  // namespace hjob::cty::fn
