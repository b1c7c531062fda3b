// The cty value model: types and their names, construction rules, equality, conversion,
// unification and the ctyjson rendering.
#include <catch2/catch.hpp>

#include "stdlib/value.hpp"
#include "stdlib/value_unicode.hpp"

using namespace hjob::cty;

namespace {
Value num(const char* s) { return Value::number(*Number::parse(s)); }
Value str(const char* s) { return Value::string(s); }
}  // namespace

TEST_CASE("type names as cty and HCL print them") {
    const Type obj = Type::object({{"b", Type::number()}, {"a", Type::list(Type::string())}});
    CHECK(obj.type_string() == "object({a=list(string),b=number})");
    CHECK(Type::tuple({Type::string(), Type::boolean()}).type_string() == "tuple([string,bool])");
    CHECK(Type::map(Type::dynamic()).type_string() == "map(any)");
    CHECK(Type::list(Type::string()).friendly_name() == "list of string");
    CHECK(Type::set(Type::dynamic()).friendly_name_for_constraint() == "set of any single type");
    CHECK(Type::dynamic().friendly_name() == "dynamic");
    CHECK(Type::dynamic().friendly_name_for_constraint() == "any type");
    CHECK(obj.friendly_name() == "object");
    CHECK(obj.attribute("a") != nullptr);
    CHECK(obj.attribute("c") == nullptr);
    CHECK(Type::list(Type::string()) == Type::list(Type::string()));
    CHECK_FALSE(Type::list(Type::string()) == Type::set(Type::string()));
}

TEST_CASE("construction normalises as cty does") {
    CHECK(str("an\xCC\x83o").as_string() == "a\xC3\xB1o");  // combining tilde composed (NFC)
    const Value o = Value::object({{"z", num("1")}, {"a", num("2")}, {"z", num("3")}});
    REQUIRE(o.length() == 2);
    CHECK(o.attributes()[0].first == "a");
    CHECK(debug_string(*o.find("z")) == "3");
    const Value s = Value::set({num("3"), num("1"), num("3"), num("2")});
    CHECK(debug_string(s) == "set([1, 2, 3])");
    CHECK(debug_string(Value::set({str("b"), str("a")})) == "set([\"a\", \"b\"])");
    CHECK(debug_string(Value::tuple({num("1"), str("x"), Value::null(Type::string())})) == "[1, \"x\", null(string)]");
    CHECK(debug_string(Value()) == "unknown");
}

TEST_CASE("NFC normalisation") {
    CHECK(nfc_normalize("plain ascii") == "plain ascii");
    CHECK(nfc_normalize("e\xCC\x81") == "\xC3\xA9");                 // e + acute -> é
    CHECK(nfc_normalize("\xE1\x84\x80\xE1\x85\xA1") == "\xEA\xB0\x80");  // Hangul L+V -> 가
    CHECK(nfc_normalize("a\xCC\x9B\xCC\x81") == "\xC3\xA1\xCC\x9B");  // horn (216) sorts before acute (230)
    CHECK(nfc_normalize("\xE2\x84\xAB") == "\xC3\x85");                // Angstrom sign -> Å (singleton)
    CHECK(nfc_normalize("bad \xFF byte") == "bad \xFF byte");
}

TEST_CASE("equality answers unknown only where cty does") {
    CHECK(equals(num("1"), num("1.0")).as_bool());
    CHECK_FALSE(equals(str("1"), num("1")).as_bool());
    CHECK(equals(Value::null(Type::string()), Value::null(Type::dynamic())).as_bool());
    CHECK_FALSE(equals(Value::null(Type::string()), str("")).as_bool());
    CHECK_FALSE(equals(Value(), num("1")).is_known());
    CHECK_FALSE(equals(Value::unknown(Type::string()), num("1")).as_bool());
    CHECK(equals(Value::tuple({num("1"), str("a")}), Value::tuple({num("1"), str("a")})).as_bool());
    CHECK_FALSE(equals(Value::tuple({num("1")}), Value::tuple({num("2")})).as_bool());
}

TEST_CASE("conversions between primitives") {
    CHECK(convert(num("1.50"), Type::string()).value.as_string() == "1.5");
    CHECK(convert(Value::boolean(true), Type::string()).value.as_string() == "true");
    CHECK(debug_string(convert(str("12"), Type::number()).value) == "12");
    CHECK(convert(str("x"), Type::number()).error == "a number is required");
    CHECK(convert(str("1"), Type::boolean()).value.as_bool());
    CHECK(convert(str("True"), Type::boolean()).error == "a bool is required; to convert from string, use lowercase \"true\"");
    CHECK(convert(num("1"), Type::boolean()).error == "bool required");
    CHECK(debug_string(convert(Value::null(Type::dynamic()), Type::number()).value) == "null(number)");
    CHECK(debug_string(convert(Value(), Type::string()).value) == "unknown(string)");
}

TEST_CASE("structural and collection conversions") {
    const Value tup = Value::tuple({num("1"), str("2")});
    CHECK(debug_string(convert(tup, Type::list(Type::string())).value) == "list([\"1\", \"2\"])");
    CHECK(debug_string(convert(tup, Type::list(Type::dynamic())).value) == "list([\"1\", \"2\"])");
    CHECK(convert(Value::tuple({num("1"), Value::tuple({})}), Type::list(Type::dynamic())).error ==
          "all list elements must have the same type");
    const Value obj = Value::object({{"a", num("1")}, {"b", str("x")}});
    CHECK(debug_string(convert(obj, Type::map(Type::string())).value) == "map({a = \"1\", b = \"x\"})");
    CHECK(convert(obj, Type::map(Type::number())).error == "a number is required");
    CHECK(convert(obj, Type::object({{"c", Type::string()}})).error == "attribute \"c\" is required");
    CHECK(debug_string(convert(obj, Type::object({{"a", Type::string()}})).value) == "{a = \"1\"}");
    CHECK(convert(num("1"), Type::list(Type::string())).error == "list of string required");
    CHECK(debug_string(convert(Value::tuple({}), Type::set(Type::string())).value) == "set([])");
}

TEST_CASE("unification picks cty's common type") {
    CHECK(unify({Type::string(), Type::number()}, true) == Type::string());
    CHECK_FALSE(unify({Type::number(), Type::boolean()}, true).has_value());
    CHECK_FALSE(unify({Type::number(), Type::list(Type::string())}, true).has_value());
    const Type t1 = Type::tuple({Type::number()});
    const Type t2 = Type::tuple({Type::string()});
    CHECK(unify({t1, t2}, true) == Type::tuple({Type::string()}));
    CHECK(unify({Type::list(Type::number()), Type::list(Type::string())}, true) == Type::list(Type::string()));
    bool all_dynamic = false;
    CHECK(unify({Type::list(Type::number()), Type::dynamic()}, true, &all_dynamic) == Type::dynamic());
    CHECK(all_dynamic);
    CHECK(mismatch_message(Type::number(), Type::dynamic()) == "any type required");
}

TEST_CASE("ctyjson rendering") {
    CHECK(to_json(num("1.5e3")) == "1500");
    CHECK(to_json(str("<a & b>")) == "\"\\u003ca \\u0026 b\\u003e\"");
    CHECK(to_json(str("tab\there\x01")) == "\"tab\\there\\u0001\"");
    CHECK(to_json(Value::object({{"b", num("1")}, {"a", Value::tuple({Value::boolean(false), Value::null(Type::dynamic())})}})) ==
          "{\"a\":[false,null],\"b\":1}");
    CHECK_FALSE(to_json(Value::tuple({Value()})).has_value());
    CHECK_FALSE(to_json(Value::number(Number::infinity(false))).has_value());
    CHECK(go_json_quote("\xE2\x80\xA8 \xFF", false) == "\"\\u2028 \\ufffd\"");
}
