// cty values: construction (with cty's normalisations: NFC strings, sorted keys, ordered
// and deduplicated sets), accessors and raw equality.
#include "value.hpp"

#include <algorithm>

#include "value_unicode.hpp"

namespace hjob::cty {

namespace detail {
struct Payload {
    std::string str;
    Number num;
    std::vector<Value> elements;
    Attributes attributes;
};
}  // namespace detail

namespace {

const std::string empty_string;
const Number zero_number;
const std::vector<Value> no_values;
const Attributes no_attributes;

Attributes sorted_unique(Attributes items) {
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Attributes out;
    for (auto& it : items) {
        if (!out.empty() && out.back().first == it.first) out.back().second = std::move(it.second);
        else out.push_back(std::move(it));
    }
    return out;
}

// cty's set order: known before unknown before null; strings, numbers and bools by value;
// other element types by a stable rendering (cty orders those by hash).
bool set_less(const Value& a, const Value& b) {
    if (a.is_null() != b.is_null()) return b.is_null();
    if (a.is_known() != b.is_known()) return a.is_known();
    if (a.is_null() || !a.is_known()) return false;
    switch (a.type().kind()) {
    case Kind::string: return a.as_string() < b.as_string();
    case Kind::number: return Number::compare(a.as_number(), b.as_number()) < 0;
    case Kind::boolean: return !a.as_bool() && b.as_bool();
    default: return debug_string(a) < debug_string(b);
    }
}

}  // namespace

Value Value::string(std::string_view s) {
    Value v(Type::string(), State::known);
    v.payload_ = std::make_shared<const detail::Payload>(detail::Payload{nfc_normalize(s), {}, {}, {}});
    return v;
}

Value Value::number(Number n) {
    Value v(Type::number(), State::known);
    v.payload_ = std::make_shared<const detail::Payload>(detail::Payload{{}, std::move(n), {}, {}});
    return v;
}

Value Value::boolean(bool b) {
    Value v(Type::boolean(), State::known);
    v.bool_ = b;
    return v;
}

Value Value::null(Type t) { return Value(std::move(t), State::null); }
Value Value::unknown(Type t) { return Value(std::move(t), State::unknown); }

Value Value::list(std::vector<Value> elements) {
    if (elements.empty()) return list_empty(Type::dynamic());
    Value v(Type::list(elements.front().type()), State::known);
    v.payload_ = std::make_shared<const detail::Payload>(detail::Payload{{}, {}, std::move(elements), {}});
    return v;
}

Value Value::list_empty(Type element) { return Value(Type::list(std::move(element)), State::known); }

Value Value::set(std::vector<Value> elements) {
    if (elements.empty()) return set_empty(Type::dynamic());
    std::stable_sort(elements.begin(), elements.end(), set_less);
    std::vector<Value> unique;
    for (auto& e : elements)
        if (unique.empty() || !unique.back().raw_equals(e)) unique.push_back(std::move(e));
    Value v(Type::set(unique.front().type()), State::known);
    v.payload_ = std::make_shared<const detail::Payload>(detail::Payload{{}, {}, std::move(unique), {}});
    return v;
}

Value Value::set_empty(Type element) { return Value(Type::set(std::move(element)), State::known); }

Value Value::map(Attributes elements) {
    if (elements.empty()) return map_empty(Type::dynamic());
    elements = sorted_unique(std::move(elements));
    Value v(Type::map(elements.front().second.type()), State::known);
    v.payload_ = std::make_shared<const detail::Payload>(detail::Payload{{}, {}, {}, std::move(elements)});
    return v;
}

Value Value::map_empty(Type element) { return Value(Type::map(std::move(element)), State::known); }

Value Value::tuple(std::vector<Value> elements) {
    std::vector<Type> types;
    types.reserve(elements.size());
    for (const auto& e : elements) types.push_back(e.type());
    Value v(Type::tuple(std::move(types)), State::known);
    v.payload_ = std::make_shared<const detail::Payload>(detail::Payload{{}, {}, std::move(elements), {}});
    return v;
}

Value Value::object(Attributes attributes) {
    attributes = sorted_unique(std::move(attributes));
    AttributeTypes types;
    types.reserve(attributes.size());
    for (const auto& a : attributes) types.emplace_back(a.first, a.second.type());
    Value v(Type::object(std::move(types)), State::known);
    v.payload_ = std::make_shared<const detail::Payload>(detail::Payload{{}, {}, {}, std::move(attributes)});
    return v;
}

bool Value::is_wholly_known() const {
    if (!is_known()) return false;
    if (is_null()) return true;
    for (const auto& e : elements())
        if (!e.is_wholly_known()) return false;
    for (const auto& a : attributes())
        if (!a.second.is_wholly_known()) return false;
    return true;
}

const std::string& Value::as_string() const { return payload_ ? payload_->str : empty_string; }
const Number& Value::as_number() const { return payload_ ? payload_->num : zero_number; }
const std::vector<Value>& Value::elements() const { return payload_ ? payload_->elements : no_values; }
const Attributes& Value::attributes() const { return payload_ ? payload_->attributes : no_attributes; }

std::size_t Value::length() const {
    return type_.is_map() || type_.is_object() ? attributes().size() : elements().size();
}

const Value* Value::find(std::string_view key) const {
    const auto& attrs = attributes();
    const auto it = std::lower_bound(attrs.begin(), attrs.end(), key, [](const auto& a, std::string_view k) { return a.first < k; });
    return it != attrs.end() && it->first == key ? &it->second : nullptr;
}

bool Value::raw_equals(const Value& other) const {
    if (!(type_ == other.type_) || state_ != other.state_) return false;
    if (state_ != State::known) return true;
    switch (type_.kind()) {
    case Kind::string: return as_string() == other.as_string();
    case Kind::number: return Number::equal(as_number(), other.as_number());
    case Kind::boolean: return bool_ == other.bool_;
    case Kind::map: case Kind::object: {
        const auto& a = attributes();
        const auto& b = other.attributes();
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
                   return x.first == y.first && x.second.raw_equals(y.second);
               });
    }
    case Kind::dynamic: return true;
    default: {
        const auto& a = elements();
        const auto& b = other.elements();
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](const Value& x, const Value& y) { return x.raw_equals(y); });
    }
    }
}

}  // namespace hjob::cty
