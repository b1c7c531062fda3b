// cty's convert package, value level: the conversion closures (primitive, structural and
// collection conversions) with cty's error texts.
#include "value_convert_impl.hpp"

namespace hjob::cty {

namespace {

Converted fail(std::string why) { return {Value(), std::move(why)}; }
Converted done(Value v) { return {std::move(v), {}}; }

/// Converts an element when its type differs from the target element type.
Converted element(const Value& v, const Type& want, bool unsafe) {
    if (v.type() == want) return done(v);
    return apply_conversion(v, want, unsafe);
}

Converted primitive(const Value& v, const Type& out) {
    if (out.kind() == Kind::string) {
        if (v.type().kind() == Kind::number) return done(Value::string(v.as_number().text()));
        return done(Value::string(v.as_bool() ? "true" : "false"));
    }
    const std::string& s = v.as_string();
    if (out.kind() == Kind::number) {
        auto n = Number::parse(s);
        return n ? done(Value::number(std::move(*n))) : fail("a number is required");
    }
    if (s == "true" || s == "1") return done(Value::boolean(true));
    if (s == "false" || s == "0") return done(Value::boolean(false));
    std::string lower;
    for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "true" || lower == "false")
        return fail("a bool is required; to convert from string, use lowercase \"" + lower + "\"");
    return fail("a bool is required");
}

bool same_types(const std::vector<Value>& items) {
    for (const auto& e : items)
        if (!(e.type() == items.front().type())) return false;
    return true;
}

bool same_types(const Attributes& items) {
    for (const auto& e : items)
        if (!(e.second.type() == items.front().second.type())) return false;
    return true;
}

/// cty's conversionUnify*Elements: converts every element to the elements' unified type.
template <class Items, class Get>
std::optional<std::string> unify_elements(Items& items, Get get, bool unsafe) {
    std::vector<Type> types;
    for (auto& it : items) types.push_back(get(it).type());
    const auto unified = unify(types, unsafe);
    if (!unified) return "cannot find a common base type for all elements";
    for (auto& it : items) {
        Converted c = element(get(it), *unified, unsafe);
        if (!c.ok()) return c.error;
        get(it) = c.value;
    }
    return std::nullopt;
}

Converted to_list_or_set(const Value& v, const Type& out, bool unsafe) {
    const bool to_set = out.is_set();
    Type ety = out.element();
    if (v.type().is_tuple() && v.length() > 0) ety = *structural_element_type(v.type().elements(), ety, unsafe, true);
    std::vector<Value> items;
    for (const auto& e : v.elements()) {
        Converted c = element(e, ety, unsafe);
        if (!c.ok()) return c;
        items.push_back(c.value.is_null() ? Value::null(c.value.type()) : c.value);
    }
    if (items.empty()) {
        const Type empty_ety = v.type().is_tuple() ? out.element() : (out.element().is_dynamic() ? v.type().element() : out.element());
        return done(to_set ? Value::set_empty(empty_ety) : Value::list_empty(empty_ety));
    }
    if (v.type().is_tuple() && !to_set) {
        if (auto err = unify_elements(items, [](Value& x) -> Value& { return x; }, unsafe)) return fail(*err);
    }
    if (!same_types(items)) return fail(std::string("element types must all match for conversion to ") + (to_set ? "set" : "list"));
    return done(to_set ? Value::set(std::move(items)) : Value::list(std::move(items)));
}

Converted to_map(const Value& v, const Type& out, bool unsafe) {
    const bool from_object = v.type().is_object();
    Type ety = out.element();
    if (from_object && v.length() > 0) ety = *structural_element_type(attribute_type_list(v.type()), ety, unsafe, false);
    Attributes items;
    for (const auto& [key, e] : v.attributes()) {
        Converted c = element(e, ety, unsafe);
        if (!c.ok()) return c;
        items.emplace_back(key, c.value);
    }
    if (items.empty()) {
        const Type empty_ety = from_object || !out.element().is_dynamic() ? ety : v.type().element();
        return done(Value::map_empty(empty_ety));
    }
    if (ety.is_collection() || ety.is_object()) {
        auto get = [](std::pair<std::string, Value>& x) -> Value& { return x.second; };
        if (auto err = unify_elements(items, get, from_object && unsafe)) return fail(*err);
    }
    if (!same_types(items))
        return fail(from_object ? "attribute types must all match for conversion to map"
                                : "element types must all match for conversion to map");
    return done(Value::map(std::move(items)));
}

Converted to_object(const Value& v, const Type& out, bool unsafe) {
    Attributes items;
    for (const auto& [name, e] : v.attributes()) {
        const Type* want = out.attribute(name);
        if (want == nullptr) continue;  // attributes the target lacks are dropped
        Converted c = element(e, *want, unsafe);
        if (!c.ok()) return c;
        items.emplace_back(name, c.value);
    }
    if (v.type().is_map())
        for (const auto& attr : out.attributes())
            if (v.find(attr.first) == nullptr) return fail("map has no element for required attribute \"" + attr.first + "\"");
    return done(Value::object(std::move(items)));
}

Converted to_tuple(const Value& v, const Type& out, bool unsafe) {
    std::vector<Value> items;
    for (std::size_t i = 0; i < v.elements().size(); ++i) {
        Converted c = element(v.elements()[i], out.elements()[i], unsafe);
        if (!c.ok()) return c;
        items.push_back(c.value);
    }
    return done(Value::tuple(std::move(items)));
}

}  // namespace

Converted apply_conversion(const Value& v, const Type& out, bool unsafe) {
    if (out.is_dynamic()) return done(v);
    if (!v.is_known()) return done(Value::unknown(dynamic_replace(v.type(), out)));
    if (v.is_null()) return done(Value::null(dynamic_replace(v.type(), out)));
    if (v.type() == out) return done(v);
    if (v.type().is_primitive() && out.is_primitive()) return primitive(v, out);
    if (out.is_object()) return to_object(v, out, unsafe);
    if (out.is_tuple()) return to_tuple(v, out, unsafe);
    if (out.is_list() || out.is_set()) return to_list_or_set(v, out, unsafe);
    if (out.is_map()) return to_map(v, out, unsafe);
    return fail(mismatch_message(v.type(), out));
}

}  // namespace hjob::cty
