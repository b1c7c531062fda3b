// hcl.Index and hcl.GetAttr: one step into a value, with HCL's diagnostics for the many
// ways a key or attribute can miss.
#include "evaluator.hpp"

namespace hjob::eval {

using cty::Value;

namespace {

constexpr const char* no_element = "The given key does not identify an element in this collection value";

/// Why a number key misses a sequence of `length` elements (HCL's specialised messages).
std::string sequence_miss(const cty::Number& key, std::size_t length) {
    if (!key.is_integer()) return std::string(no_element) + ": indexing a sequence requires a whole number, but the given index has a fractional part.";
    if (key.is_negative() && !key.is_zero()) return std::string(no_element) + ": a negative number is not a valid index for a sequence.";
    // HCL tests sign(key - length) < 1, so only key == length gets the precise message.
    const int c = cty::Number::compare(key, cty::Number::from_uint(length));
    if (c <= 0) {
        if (length == 0) return std::string(no_element) + ": the collection has no elements.";
        return std::string(no_element) + ": the given index is greater than or equal to the length of the collection.";
    }
    return std::string(no_element) + ".";
}

}  // namespace

Value Evaluator::index_value(const Value& coll, const Value& key, Range where, Diagnostics& diags) {
    if (coll.is_null()) {
        error(diags, "index-null", "Attempt to index null value", "This value is null, so it does not have any indices.", where);
        return Value();
    }
    if (key.is_null()) {
        error(diags, "invalid-index", "Invalid index", "Can't use a null value as an indexing key.", where);
        return Value();
    }
    const cty::Type& ty = coll.type();
    if (key.type().is_dynamic() || ty.is_dynamic()) return Value();
    if (ty.is_list() || ty.is_tuple() || ty.is_map()) {
        const bool sequence = !ty.is_map();
        const cty::Converted k = cty::convert(key, sequence ? cty::Type::number() : cty::Type::string());
        if (!k.ok()) {
            error(diags, "invalid-index", "Invalid index", std::string(no_element) + ": " + k.error + ".", where);
            return Value();
        }
        if (!k.value.is_known() || !coll.is_known()) return ty.is_tuple() ? Value() : Value::unknown(ty.element());
        if (sequence) {
            const auto i = k.value.as_number().to_int64();
            if (i && *i >= 0 && static_cast<std::size_t>(*i) < coll.length()) return coll.elements()[static_cast<std::size_t>(*i)];
            error(diags, "invalid-index", "Invalid index", sequence_miss(k.value.as_number(), coll.length()), where);
            return Value();
        }
        if (const Value* v = coll.find(k.value.as_string())) return *v;
        error(diags, "invalid-index", "Invalid index", std::string(no_element) + ".", where);
        return Value();
    }
    if (ty.is_object()) {
        const bool was_number = key.type().kind() == cty::Kind::number;
        const cty::Converted k = cty::convert(key, cty::Type::string());
        if (!k.ok()) {
            error(diags, "invalid-index", "Invalid index", std::string(no_element) + ": " + k.error + ".", where);
            return Value();
        }
        if (!coll.is_known() || !k.value.is_known()) return Value();
        if (ty.attribute(k.value.as_string()) == nullptr) {
            error(diags, "invalid-index", "Invalid index",
                  std::string(no_element) + "." +
                      (was_number ? " An object only supports looking up attributes by name, not by numeric index." : ""),
                  where);
            return Value();
        }
        return *coll.find(k.value.as_string());
    }
    if (ty.is_set()) {
        error(diags, "invalid-index", "Invalid index",
              "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
              where);
        return Value();
    }
    error(diags, "invalid-index", "Invalid index", "This value does not have any indices.", where);
    return Value();
}

Value Evaluator::get_attr(const Value& obj, std::string_view name, Range where, Diagnostics& diags) {
    if (obj.is_null()) {
        error(diags, "attribute-of-null", "Attempt to get attribute from null value",
              "This value is null, so it does not have any attributes.", where);
        return Value();
    }
    const cty::Type& ty = obj.type();
    const std::string unsupported = "Unsupported attribute";
    if (ty.is_object()) {
        const cty::Type* aty = ty.attribute(name);
        if (aty == nullptr) {
            error(diags, "unsupported-attribute", unsupported, "This object does not have an attribute named " + quoted(name) + ".", where);
            return Value();
        }
        return obj.is_known() ? *obj.find(name) : Value::unknown(*aty);
    }
    if (ty.is_map()) {
        if (!obj.is_known()) return Value::unknown(ty.element());
        if (const Value* v = obj.find(name)) return *v;
        error(diags, "missing-map-element", "Missing map element", "This map does not have an element with the key " + quoted(name) + ".", where);
        return Value();
    }
    if (ty.is_dynamic()) return Value();
    if (ty.is_list() && ty.element().is_object()) {
        const std::string detail = ty.element().attribute(name) != nullptr
            ? "Can't access attributes on a list of objects. Did you mean to access attribute " + quoted(name) + " for a specific element of the list, or across all elements of the list?"
            : "Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list?";
        error(diags, "unsupported-attribute", unsupported, detail, where);
        return Value();
    }
    if (ty.is_set() && ty.element().is_object()) {
        error(diags, "unsupported-attribute", unsupported,
              "Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of the set?", where);
        return Value();
    }
    if (ty.is_primitive()) {
        error(diags, "unsupported-attribute", unsupported, "Can't access attributes on a primitive-typed value (" + ty.friendly_name() + ").", where);
        return Value();
    }
    error(diags, "unsupported-attribute", unsupported, "This value does not have any attributes.", where);
    return Value();
}

}  // namespace hjob::eval
