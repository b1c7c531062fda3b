// cty's convert package, type level: which conversions exist (getConversionKnown), what a
// null or unknown converts to (dynamicReplace), and the public convert entry points.
#include "value_convert_impl.hpp"

namespace hjob::cty {

namespace {

bool element_converts(const Type& in, const Type& out, bool unsafe) { return in == out || can_convert(in, out, unsafe); }

bool primitive_converts(const Type& in, const Type& out, bool unsafe) {
    if (in == out) return true;
    if (out.kind() == Kind::string) return true;  // number and bool print as strings
    return unsafe && in.kind() == Kind::string;   // "1" -> 1, "true" -> true
}

bool object_to_object(const Type& in, const Type& out, bool unsafe) {
    for (const auto& [name, out_type] : out.attributes()) {
        const Type* in_type = in.attribute(name);
        if (in_type == nullptr || !element_converts(*in_type, out_type, unsafe)) return false;
    }
    return true;
}

bool tuple_to_tuple(const Type& in, const Type& out, bool unsafe) {
    if (in.elements().size() != out.elements().size()) return false;
    for (std::size_t i = 0; i < in.elements().size(); ++i)
        if (!element_converts(in.elements()[i], out.elements()[i], unsafe)) return false;
    return true;
}

bool map_to_object(const Type& in, const Type& out, bool unsafe) {
    if (!unsafe) return false;
    for (const auto& attr : out.attributes())
        if (!element_converts(in.element(), attr.second, unsafe)) return false;
    return true;
}

}  // namespace

std::optional<Type> structural_element_type(const std::vector<Type>& types, const Type& want, bool unsafe, bool check_dynamic) {
    if (!want.is_dynamic()) return want;
    auto unified = unify(types, unsafe);
    if (!unified) return std::nullopt;
    if (check_dynamic && unified->is_dynamic())
        for (const auto& t : types)
            if (!t.is_dynamic()) return std::nullopt;
    return unified;
}

bool sequence_converts(const std::vector<Type>& types, const Type& want, bool unsafe, bool check_dynamic) {
    if (types.empty()) return true;
    const auto ety = structural_element_type(types, want, unsafe, check_dynamic);
    if (!ety) return false;
    for (const auto& t : types)
        if (!element_converts(t, *ety, unsafe)) return false;
    return true;
}

std::vector<Type> attribute_type_list(const Type& object) {
    std::vector<Type> out;
    for (const auto& a : object.attributes()) out.push_back(a.second);
    return out;
}

bool can_convert(const Type& in, const Type& out, bool unsafe) {
    if (out.is_dynamic()) return true;
    if (unsafe && in.is_dynamic()) return true;
    if (in.is_primitive() && out.is_primitive()) return primitive_converts(in, out, unsafe);
    if (out.is_object() && in.is_object()) return object_to_object(in, out, unsafe);
    if (out.is_tuple() && in.is_tuple()) return tuple_to_tuple(in, out, unsafe);
    if (out.is_list() && (in.is_list() || in.is_set())) return element_converts(in.element(), out.element(), unsafe);
    if (out.is_set() && (in.is_list() || in.is_set())) {
        if (in.is_list() && !unsafe) return false;
        return element_converts(in.element(), out.element(), unsafe);
    }
    if (out.is_map() && in.is_map()) return can_convert(in.element(), out.element(), unsafe);
    if ((out.is_list() || out.is_set()) && in.is_tuple()) return sequence_converts(in.elements(), out.element(), unsafe, true);
    if (out.is_map() && in.is_object()) return sequence_converts(attribute_type_list(in), out.element(), unsafe, false);
    if (out.is_object() && in.is_map()) return map_to_object(in, out, unsafe);
    return false;
}

Type dynamic_replace(const Type& in, const Type& out) {
    if (in.is_dynamic()) return out;
    switch (out.kind()) {
    case Kind::dynamic: return in;
    case Kind::string: case Kind::number: case Kind::boolean: return out;
    case Kind::map: {
        if (in.is_map()) return Type::map(dynamic_replace(in.element(), out.element()));
        if (in.is_object()) return Type::map(dynamic_replace(unify(attribute_type_list(in), true).value_or(Type()), out.element()));
        return Type::map(Type());
    }
    case Kind::object: {
        AttributeTypes attrs;
        for (const auto& [name, aty] : out.attributes()) {
            const Type* in_type = in.is_map() ? &in.element() : in.attribute(name);
            attrs.emplace_back(name, in_type != nullptr ? dynamic_replace(*in_type, aty) : aty);
        }
        return Type::object(std::move(attrs));
    }
    case Kind::set: case Kind::list: {
        Type ety;
        if (in.is_set() || in.is_list()) ety = dynamic_replace(in.element(), out.element());
        else if (in.is_tuple()) ety = dynamic_replace(unify(in.elements(), true).value_or(Type()), out.element());
        return out.is_set() ? Type::set(ety) : Type::list(ety);
    }
    case Kind::tuple: {
        std::vector<Type> types;
        for (std::size_t i = 0; i < out.elements().size(); ++i)
            types.push_back(dynamic_replace(i < in.elements().size() ? in.elements()[i] : Type(), out.elements()[i]));
        return Type::tuple(std::move(types));
    }
    }
    return out;
}

Converted convert(const Value& v, const Type& want, bool unsafe) {
    if (v.type() == want) return {v, {}};
    if (!can_convert(v.type(), want, unsafe)) return {Value(), mismatch_message(v.type(), want)};
    return apply_conversion(v, want, unsafe);
}

Converted convert(const Value& v, const Type& want) { return convert(v, want, true); }

}  // namespace hjob::cty
