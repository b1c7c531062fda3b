// Map and object functions (go-cty collection.go): keys, values, lookup, merge, zipmap.
#include <map>

#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

const Type D = Type::dynamic();
using TypeResult = std::variant<Type, FunctionError>;

TypeResult keys_type(std::span<const Value> a) {
    const Type& t = a[0].type();
    if (t.is_map()) return Type::list(Type::string());
    if (!t.is_object()) return type_error("must have map or object type", 0);
    return Type::tuple(std::vector<Type>(t.attributes().size(), Type::string()));
}

CallResult keys(std::span<const Value> a, const Type& ret) {
    std::vector<Value> out;
    if (a[0].type().is_object()) {  // from the type: the value may be unknown
        for (const auto& [name, type] : a[0].type().attributes()) out.push_back(Value::string(name));
        return ok(Value::tuple(std::move(out)));
    }
    if (!a[0].is_known()) return ok(Value::unknown(ret));
    for (const auto& [k, v] : a[0].attributes()) out.push_back(Value::string(k));
    return ok(out.empty() ? Value::list_empty(Type::string()) : Value::list(std::move(out)));
}

TypeResult values_type(std::span<const Value> a) {
    const Type& t = a[0].type();
    if (t.is_map()) return Type::list(t.element());
    if (!t.is_object()) return type_error("values() requires a map as the first argument");
    std::vector<Type> types;
    for (const auto& [name, type] : t.attributes()) types.push_back(type);
    return Type::tuple(std::move(types));
}

CallResult values(std::span<const Value> a, const Type& ret) {
    std::vector<Value> out;
    for (const auto& [k, v] : a[0].attributes()) out.push_back(v);
    if (ret.is_tuple()) return ok(Value::tuple(std::move(out)));
    return ok(out.empty() ? Value::list_empty(ret.element()) : Value::list(std::move(out)));
}

TypeResult lookup_type(std::span<const Value> a) {
    const Type& t = a[0].type();
    if (t.is_object()) {
        if (!a[1].is_known()) return D;
        if (const Type* at = t.attribute(a[1].as_string())) return *at;
        return a[2].type();
    }
    if (t.is_map()) {
        if (!convert(a[2], t.element()).ok()) return type_error("the default value must have the same type as the map elements", 2);
        return t.element();
    }
    return type_error("lookup() requires a map as the first argument", 0);
}

CallResult lookup(std::span<const Value> a, const Type& ret) {
    if (!a[0].is_wholly_known()) return ok(Value::unknown(ret));
    if (const Value* v = a[0].find(a[1].as_string())) return ok(*v);
    const Converted c = convert(a[2], ret);
    return c.ok() ? ok(c.value) : fail(c.error);
}

TypeResult merge_type(std::span<const Value> a) {
    if (a.empty()) return Type::object({});
    std::map<std::string, Type> attrs;
    bool matching = true, attrs_known = true;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Type& t = a[i].type();
        if (t.is_dynamic()) return D;
        if (!t.is_map() && !t.is_object()) return type_error("arguments must be maps or objects, got \"" + t.friendly_name() + "\"");
        if (t.is_object() && !a[i].is_null()) {
            for (const auto& [n, at] : t.attributes()) attrs[n] = at;
        } else if (t.is_map() && !a[i].is_null()) {
            if (!a[i].is_known()) attrs_known = false;
            else
                for (const auto& [k, v] : a[i].attributes()) attrs[k] = t.element();
        }
        if (i > 0 && !(t == a[0].type())) matching = false;
    }
    if (matching) return a[0].type();
    if (!attrs_known) return D;
    return Type::object(AttributeTypes(attrs.begin(), attrs.end()));
}

CallResult merge(std::span<const Value> a, const Type& ret) {
    std::map<std::string, Value> out;
    bool all_null = true;
    for (const Value& v : a) {
        if (v.is_null()) continue;
        all_null = false;
        for (const auto& [k, e] : v.attributes()) out[k] = e;
    }
    if (all_null) return ok(Value::null(ret));
    Attributes attrs(out.begin(), out.end());
    if (ret.is_map()) return ok(attrs.empty() ? Value::map_empty(ret.element()) : Value::map(std::move(attrs)));
    return ok(Value::object(std::move(attrs)));
}

TypeResult zipmap_type(std::span<const Value> a) {
    const Type& vt = a[1].type();
    if (vt.is_list()) return Type::map(vt.element());
    if (!vt.is_tuple()) return type_error("values argument must be a list or tuple value");
    if (!a[0].is_wholly_known()) return D;
    const auto& keys = a[0].elements();
    if (keys.size() != vt.elements().size())
        return type_error("number of keys (" + std::to_string(keys.size()) + ") does not match number of values (" +
                          std::to_string(vt.elements().size()) + ")");
    AttributeTypes attrs;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].is_null()) return type_error("keys list has null value at index " + std::to_string(i));
        attrs.emplace_back(keys[i].as_string(), vt.elements()[i]);
    }
    return Type::object(std::move(attrs));
}

CallResult zipmap(std::span<const Value> a, const Type& ret) {
    if (!a[0].is_wholly_known()) return ok(Value::unknown(ret));
    const auto& keys = a[0].elements();
    if (keys.size() != a[1].length())
        return fail("number of keys (" + std::to_string(keys.size()) + ") does not match number of values (" +
                    std::to_string(a[1].length()) + ")");
    std::map<std::string, Value> out;
    for (std::size_t i = 0; i < keys.size(); ++i) out[keys[i].as_string()] = a[1].elements()[i];
    Attributes attrs(out.begin(), out.end());
    if (ret.is_map()) return ok(attrs.empty() ? Value::map_empty(ret.element()) : Value::map(std::move(attrs)));
    return ok(Value::object(std::move(attrs)));
}

}  // namespace

void add_collection_map_functions(FunctionTable& t) {
    t["keys"] = make({param("inputMap", D, unknown)}, keys_type, keys);
    t["values"] = make({param("values", D)}, values_type, values);
    t["lookup"] = make({param("inputMap", D), param("key", Type::string()), param("default", D)}, lookup_type, lookup);
    t["merge"] = make_var({}, param("maps", D, null | dynamic), merge_type, merge);
    t["zipmap"] = make({param("keys", Type::list(Type::string())), param("values", D)}, zipmap_type, zipmap);
}

}  // namespace hjob::cty::fn
