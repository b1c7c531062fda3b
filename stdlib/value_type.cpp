// cty types: construction, structure queries, equality and the names cty prints.
#include <algorithm>

#include "value.hpp"

namespace hjob::cty {

struct Type::Data {
    Type element;
    std::vector<Type> elements;
    AttributeTypes attributes;
};

namespace {
const Type dynamic_type;
const std::vector<Type> no_types;
const AttributeTypes no_attributes;
}  // namespace

Type Type::list(Type element) {
    Type t(Kind::list);
    t.data_ = std::make_shared<const Data>(Data{std::move(element), {}, {}});
    return t;
}

Type Type::map(Type element) {
    Type t(Kind::map);
    t.data_ = std::make_shared<const Data>(Data{std::move(element), {}, {}});
    return t;
}

Type Type::set(Type element) {
    Type t(Kind::set);
    t.data_ = std::make_shared<const Data>(Data{std::move(element), {}, {}});
    return t;
}

Type Type::tuple(std::vector<Type> elements) {
    Type t(Kind::tuple);
    t.data_ = std::make_shared<const Data>(Data{{}, std::move(elements), {}});
    return t;
}

Type Type::object(AttributeTypes attributes) {
    // stable sort, then keep the last of each name
    std::stable_sort(attributes.begin(), attributes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    AttributeTypes unique;
    for (auto& a : attributes) {
        if (!unique.empty() && unique.back().first == a.first) unique.back().second = std::move(a.second);
        else unique.push_back(std::move(a));
    }
    Type t(Kind::object);
    t.data_ = std::make_shared<const Data>(Data{{}, {}, std::move(unique)});
    return t;
}

const Type& Type::element() const { return data_ && is_collection() ? data_->element : dynamic_type; }
const std::vector<Type>& Type::elements() const { return data_ && is_tuple() ? data_->elements : no_types; }
const AttributeTypes& Type::attributes() const { return data_ && is_object() ? data_->attributes : no_attributes; }

const Type* Type::attribute(std::string_view name) const {
    const auto& attrs = attributes();
    const auto it = std::lower_bound(attrs.begin(), attrs.end(), name, [](const auto& a, std::string_view n) { return a.first < n; });
    return it != attrs.end() && it->first == name ? &it->second : nullptr;
}

bool Type::has_dynamic() const {
    switch (kind_) {
    case Kind::dynamic: return true;
    case Kind::list: case Kind::map: case Kind::set: return element().has_dynamic();
    case Kind::tuple: return std::any_of(elements().begin(), elements().end(), [](const Type& t) { return t.has_dynamic(); });
    case Kind::object:
        return std::any_of(attributes().begin(), attributes().end(), [](const auto& a) { return a.second.has_dynamic(); });
    default: return false;
    }
}

bool operator==(const Type& a, const Type& b) {
    if (a.kind_ != b.kind_) return false;
    if (a.data_ == b.data_) return true;
    switch (a.kind_) {
    case Kind::list: case Kind::map: case Kind::set: return a.element() == b.element();
    case Kind::tuple: return a.elements() == b.elements();
    case Kind::object: return a.attributes() == b.attributes();
    default: return true;
    }
}

namespace {

std::string friendly(const Type& t, bool constraint) {
    switch (t.kind()) {
    case Kind::dynamic: return constraint ? "any type" : "dynamic";
    case Kind::string: return "string";
    case Kind::number: return "number";
    case Kind::boolean: return "bool";
    case Kind::tuple: return "tuple";
    case Kind::object: return "object";
    default: break;
    }
    const char* noun = t.is_list() ? "list of " : t.is_map() ? "map of " : "set of ";
    if (constraint && t.element().is_dynamic()) return std::string(noun) + "any single type";
    return noun + friendly(t.element(), constraint);
}

}  // namespace

std::string Type::friendly_name() const { return friendly(*this, false); }
std::string Type::friendly_name_for_constraint() const { return friendly(*this, true); }

namespace {

// HCL's ValidIdentifier, approximated for non-ASCII: letters, digits, '_' and '-', not
// starting with a digit or '-'; any non-ASCII byte counts as a letter.
bool is_identifier(std::string_view s) {
    if (s.empty()) return false;
    const auto alpha = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; };
    if (!alpha(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [&](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return alpha(c) || (c >= '0' && c <= '9') || c == '-';
    });
}

// Built with += only: g++ 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
void append_type(std::string& out, const Type& t) {
    switch (t.kind()) {
    case Kind::dynamic: out += "any"; return;
    case Kind::string: out += "string"; return;
    case Kind::number: out += "number"; return;
    case Kind::boolean: out += "bool"; return;
    case Kind::list: case Kind::map: case Kind::set:
        out += t.is_list() ? "list(" : t.is_map() ? "map(" : "set(";
        append_type(out, t.element());
        out += ')';
        return;
    case Kind::tuple:
        out += "tuple([";
        for (std::size_t i = 0; i < t.elements().size(); ++i) {
            if (i > 0) out += ',';
            append_type(out, t.elements()[i]);
        }
        out += "])";
        return;
    case Kind::object:
        out += "object({";
        for (std::size_t i = 0; i < t.attributes().size(); ++i) {
            if (i > 0) out += ',';
            const std::string& name = t.attributes()[i].first;
            out += is_identifier(name) ? name : go_json_quote(name, false);  // Go's %q for plain names
            out += '=';
            append_type(out, t.attributes()[i].second);
        }
        out += "})";
        return;
    }
}

}  // namespace

std::string Type::type_string() const {
    std::string out;
    append_type(out, *this);
    return out;
}

}  // namespace hjob::cty
