// HCL values after go-cty: types, immutable values (cheap to copy: payloads are shared),
// equality, conversion and unification as cty's convert package does them, and the JSON
// that ctyjson.Marshal prints. The evaluator and the function library both build on this.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "value_number.hpp"

namespace hjob::cty {

enum class Kind : std::uint8_t { dynamic, string, number, boolean, list, map, set, tuple, object };

class Type;
using AttributeTypes = std::vector<std::pair<std::string, Type>>;  ///< sorted by name

/// A cty type. The default is DynamicPseudoType (`any`).
class Type {
public:
    Type() = default;
    static Type string() { return Type(Kind::string); }
    static Type number() { return Type(Kind::number); }
    static Type boolean() { return Type(Kind::boolean); }
    static Type dynamic() { return Type(Kind::dynamic); }
    static Type list(Type element);
    static Type map(Type element);
    static Type set(Type element);
    static Type tuple(std::vector<Type> elements);
    /// Sorts the attributes by name; a repeated name keeps its last type.
    static Type object(AttributeTypes attributes);

    Kind kind() const { return kind_; }
    bool is_dynamic() const { return kind_ == Kind::dynamic; }
    bool is_primitive() const { return kind_ == Kind::string || kind_ == Kind::number || kind_ == Kind::boolean; }
    bool is_list() const { return kind_ == Kind::list; }
    bool is_map() const { return kind_ == Kind::map; }
    bool is_set() const { return kind_ == Kind::set; }
    bool is_tuple() const { return kind_ == Kind::tuple; }
    bool is_object() const { return kind_ == Kind::object; }
    bool is_collection() const { return is_list() || is_map() || is_set(); }

    const Type& element() const;                  ///< list, map, set: the element type
    const std::vector<Type>& elements() const;    ///< tuple: the element types
    const AttributeTypes& attributes() const;     ///< object: the attribute types
    const Type* attribute(std::string_view name) const;  ///< object: nullptr when absent
    /// True when `any` appears anywhere in the type (cty's HasDynamicTypes).
    bool has_dynamic() const;

    /// cty's FriendlyName: "string", "list of number", "object", "tuple", "dynamic".
    std::string friendly_name() const;
    /// cty's FriendlyNameForConstraint: like friendly_name, but `any` is "any type".
    std::string friendly_name_for_constraint() const;
    /// The type constraint syntax HCL users write (typeexpr.TypeString): "list(string)",
    /// "object({a=number,\"not an identifier\"=bool})", "tuple([string,bool])", "any".
    std::string type_string() const;

    friend bool operator==(const Type& a, const Type& b);

private:
    struct Data;
    explicit Type(Kind k) : kind_(k) {}
    Kind kind_ = Kind::dynamic;
    std::shared_ptr<const Data> data_;
};

class Value;
using Attributes = std::vector<std::pair<std::string, Value>>;  ///< sorted by key

namespace detail {
struct Payload;
}

/// A cty value: known, null or unknown, of a type. Copies share the payload.
/// The default is cty.DynamicVal (an unknown of type `any`), what failed evaluations yield.
class Value {
public:
    Value() = default;

    /// NFC-normalises `s`, as cty.StringVal does.
    static Value string(std::string_view s);
    static Value number(Number n);
    static Value number(std::int64_t n) { return number(Number::from_int(n)); }
    static Value boolean(bool b);
    static Value null(Type t);
    static Value unknown(Type t);
    static Value dynamic() { return Value(); }

    /// Elements must share one type (cty.ListVal); an empty vector gives list(any).
    static Value list(std::vector<Value> elements);
    static Value list_empty(Type element);
    /// Deduplicates and orders as cty sets do (strings, numbers, bools by value).
    static Value set(std::vector<Value> elements);
    static Value set_empty(Type element);
    /// Elements must share one type; keys sorted, a repeated key keeps the last value.
    static Value map(Attributes elements);
    static Value map_empty(Type element);
    static Value tuple(std::vector<Value> elements);
    /// Keys sorted, a repeated key keeps the last value.
    static Value object(Attributes attributes);

    const Type& type() const { return type_; }
    bool is_null() const { return state_ == State::null; }
    bool is_known() const { return state_ != State::unknown; }
    /// Known all the way down (cty's IsWhollyKnown).
    bool is_wholly_known() const;

    // Accessors for known, non-null values of the matching type.
    const std::string& as_string() const;
    const Number& as_number() const;
    bool as_bool() const { return bool_; }
    const std::vector<Value>& elements() const;  ///< list, set, tuple
    const Attributes& attributes() const;        ///< map, object
    std::size_t length() const;                  ///< elements or attributes
    /// map or object: the element/attribute named `key`, or nullptr.
    const Value* find(std::string_view key) const;

    /// Same type, same nullness and knownness, same content (cty's RawEquals).
    bool raw_equals(const Value& other) const;

private:
    enum class State : std::uint8_t { known, null, unknown };
    Value(Type t, State s) : type_(std::move(t)), state_(s) {}

    Type type_;
    State state_ = State::unknown;
    bool bool_ = false;
    std::shared_ptr<const detail::Payload> payload_;
};

/// cty's Value.Equals: a known bool, or an unknown bool when unknowns make it undecidable.
Value equals(const Value& a, const Value& b);

/// The outcome of a conversion: a value, or cty's reason ("a number is required").
struct Converted {
    Value value;
    std::string error;  ///< empty on success
    bool ok() const { return error.empty(); }
};

/// cty's convert.Convert (unsafe conversions allowed: "1" -> 1, "true" -> true).
Converted convert(const Value& v, const Type& want);
/// Converts with only safe conversions (number -> string, tuple -> list, ...) when `unsafe`
/// is false; used by unification.
Converted convert(const Value& v, const Type& want, bool unsafe);
/// Whether a conversion exists between the types (convert.GetConversion[Unsafe] != nil).
bool can_convert(const Type& in, const Type& out, bool unsafe);
/// cty's convert.MismatchMessage: why `got` does not convert to `want`.
std::string mismatch_message(const Type& got, const Type& want);

/// cty's convert.Unify[Unsafe]: the type every input converts to, or nullopt.
/// `all_dynamic` is set when the result is `any` because some input was `any`: converting
/// to it then yields an unknown (cty's unifyAllAsDynamic).
std::optional<Type> unify(const std::vector<Type>& types, bool unsafe, bool* all_dynamic = nullptr);

/// ctyjson.Marshal(v, v.Type()): nullopt when v is not wholly known or holds an infinity.
/// Strings escape as Go's json.Marshal does (HTML characters as \u003c etc.).
std::optional<std::string> to_json(const Value& v);

/// A JSON string literal exactly as Go's encoding/json writes it: \n \r \t, other
/// controls as \u00XX, U+2028/2029 escaped, invalid UTF-8 as \ufffd; with `escape_html`
/// (json.Marshal's default, which ctyjson uses) also < > & as \u003c \u003e \u0026.
std::string go_json_quote(std::string_view s, bool escape_html);

/// An HCL-like rendering for tests and debugging that shows types where HCL syntax would
/// not: "a", 1.5, true, [1, "x"] (tuple), list(["a"]), set([1]), {a = 1} (object),
/// map({a = 1}), null(string), unknown(number); `any` prints as null / unknown.
std::string debug_string(const Value& v);

}  // namespace hjob::cty
