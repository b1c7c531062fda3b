// The evaluator with variables and functions in scope: traversals, splats over lists and
// sets, unknown values, and every way a function call can fail. Expectations produced by
// hclsyntax with the same context (see eval_table.hpp).
#include <catch2/catch.hpp>

#include <algorithm>

#include "eval_table.hpp"
#include "stdlib/functions.hpp"

using hjob::test::EvalRow;
using namespace hjob::cty;

namespace {

const EvalRow context_rows[] = {
    {R"~(num + 1)~", R"~(2)~", R"~(number)~", R"~()~"},
    {R"~(str)~", R"~("hello")~", R"~(string)~", R"~()~"},
    {R"~("${str}!")~", R"~("hello!")~", R"~(string)~", R"~()~"},
    {R"~(list[1])~", R"~("b")~", R"~(string)~", R"~()~"},
    {R"~(list[2])~", R"~(?)~", R"~(any)~", R"~(Invalid index: The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection.)~"},
    {R"~(tup[1])~", R"~("x")~", R"~(string)~", R"~()~"},
    {R"~(obj.b.c)~", R"~("d")~", R"~(string)~", R"~()~"},
    {R"~(obj["a"])~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~(obj.z)~", R"~(?)~", R"~(any)~", R"~(Unsupported attribute: This object does not have an attribute named "z".)~"},
    {R"~(map.k)~", R"~("v")~", R"~(string)~", R"~()~"},
    {R"~(map["k"])~", R"~("v")~", R"~(string)~", R"~()~"},
    {R"~(map.nope)~", R"~(?)~", R"~(any)~", R"~(Missing map element: This map does not have an element with the key "nope".)~"},
    {R"~(nul)~", R"~(null)~", R"~(string)~", R"~()~"},
    {R"~(nul == null)~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(unk)~", R"~(?)~", R"~(number)~", R"~()~"},
    {R"~(unk + 1)~", R"~(?)~", R"~(number)~", R"~()~"},
    {R"~(unk == 1)~", R"~(?)~", R"~(bool)~", R"~()~"},
    {R"~([unk, 1])~", R"~(~)~", R"~(tuple([number,number]))~", R"~()~"},
    {R"~(objs[*].n)~", R"~(["x","y"])~", R"~(list(string))~", R"~()~"},
    {R"~(objs.*.n)~", R"~(["x","y"])~", R"~(list(string))~", R"~()~"},
    {R"~(objs.n)~", R"~(?)~", R"~(any)~", R"~(Unsupported attribute: Can't access attributes on a list of objects. Did you mean to access attribute "n" for a specific element of the list, or across all elements of the list?)~"},
    {R"~(objs[0].n)~", R"~("x")~", R"~(string)~", R"~()~"},
    {R"~(set[0])~", R"~(?)~", R"~(any)~", R"~(Invalid index: Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.)~"},
    {R"~(set[*])~", R"~(["a","b"])~", R"~(list(string))~", R"~()~"},
    {R"~([for s in set: s])~", R"~(["a","b"])~", R"~(tuple([string,string]))~", R"~()~"},
    {R"~([for k, v in map: "${k}=${v}"])~", R"~(["k=v"])~", R"~(tuple([string]))~", R"~()~"},
    {R"~({for o in objs: o.n => o})~", R"~({"x":{"n":"x"},"y":{"n":"y"}})~", R"~(object({x=object({n=string}),y=object({n=string})}))~", R"~()~"},
    {R"~(upper(str))~", R"~("HELLO")~", R"~(string)~", R"~()~"},
    {R"~(upper(num))~", R"~("1")~", R"~(string)~", R"~()~"},
    {R"~(upper([]))~", R"~(?)~", R"~(any)~", R"~(Invalid function argument: Invalid value for "str" parameter: string required.)~"},
    {R"~(upper())~", R"~(?)~", R"~(any)~", R"~(Not enough function arguments: Function "upper" expects 1 argument(s). Missing value for "str".)~"},
    {R"~(upper("a", "b"))~", R"~(?)~", R"~(any)~", R"~(Too many function arguments: Function "upper" expects only 1 argument(s).)~"},
    {R"~(uper("x"))~", R"~(?)~", R"~(any)~", R"~(Call to unknown function: There is no function named "uper". Did you mean "upper"?)~"},
    {R"~(join(", ", list))~", R"~("a, b")~", R"~(string)~", R"~()~"},
    {R"~(join(", ", list, ["c"]))~", R"~("a, b, c")~", R"~(string)~", R"~()~"},
    {R"~(join(", ", list...))~", R"~(?)~", R"~(any)~", R"~(Invalid function argument: Invalid value for "lists" parameter: list of string required.)~"},
    {R"~(join(", ", [list, ["c"]]...))~", R"~("a, b, c")~", R"~(string)~", R"~()~"},
    {R"~(join(", ", null...))~", R"~(?)~", R"~(any)~", R"~(Invalid expanding argument value: The expanding argument (indicated by ...) must not be null.)~"},
    {R"~(join(", ", "x"...))~", R"~(?)~", R"~(any)~", R"~(Invalid expanding argument value: The expanding argument (indicated by ...) must be of a tuple, list, or set type.)~"},
    {R"~(join(", "))~", R"~(?)~", R"~(any)~", R"~(Error in function call: Call to function "join" failed: at least one list is required.)~"},
    {R"~(max(1, 5, 3))~", R"~(5)~", R"~(number)~", R"~()~"},
    {R"~(max([1, 5]...))~", R"~(5)~", R"~(number)~", R"~()~"},
    {R"~(max())~", R"~(?)~", R"~(any)~", R"~(Error in function call: Call to function "max" failed: must pass at least one number.)~"},
    {R"~(max(unk, 1))~", R"~(?)~", R"~(number)~", R"~()~"},
    {R"~(upper(nul))~", R"~(?)~", R"~(any)~", R"~(Invalid function argument: Invalid value for "str" parameter: argument must not be null.)~"},
    {R"~(upper(unk))~", R"~(?)~", R"~(string)~", R"~()~"},
    {R"~([for x in list: upper(x)])~", R"~(["A","B"])~", R"~(tuple([string,string]))~", R"~()~"},
    {R"~([for x in list: num + x])~", R"~(~)~", R"~(tuple([number,number]))~", R"~(Invalid operand: Unsuitable value for right operand: a number is required.)~"},
    {R"~([for x in unk: x])~", R"~(?)~", R"~(any)~", R"~(Iteration over non-iterable value: A value of type number cannot be used as the collection in a 'for' expression.)~"},
    {R"~(true ? unk : 1)~", R"~(?)~", R"~(number)~", R"~()~"},
    {R"~(unk ? 1 : 2)~", R"~(?)~", R"~(number)~", R"~()~"},
    {R"~(obj.b)~", R"~({"c":"d"})~", R"~(object({c=string}))~", R"~()~"},
    {R"~("${unk}")~", R"~(?)~", R"~(number)~", R"~()~"},
    {R"~(list == ["a", "b"])~", R"~(false)~", R"~(bool)~", R"~()~"},
    {R"~(tup == [1, "x"])~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(str.len)~", R"~(?)~", R"~(any)~", R"~(Unsupported attribute: Can't access attributes on a primitive-typed value (string).)~"},
    {R"~(list.a)~", R"~(?)~", R"~(any)~", R"~(Unsupported attribute: This value does not have any attributes.)~"},
    {R"~(objs.x)~", R"~(?)~", R"~(any)~", R"~(Unsupported attribute: Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list?)~"},
};

// Functions that see their arguments unevaluated (can, try) or as a type (convert), from
// the Nomad function library; rows whose outcome depends on library wording are left out.
const EvalRow lazy_rows[] = {
    {R"~(can(obj.a))~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(can(obj.z))~", R"~(false)~", R"~(bool)~", R"~()~"},
    {R"~(can(nope))~", R"~(false)~", R"~(bool)~", R"~()~"},
    {R"~(can(unk))~", R"~(?)~", R"~(bool)~", R"~()~"},
    {R"~(try(obj.z, "fallback"))~", R"~("fallback")~", R"~(string)~", R"~()~"},
    {R"~(try(obj.a, 2))~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~(convert(1, string))~", R"~("1")~", R"~(string)~", R"~()~"},
    {R"~(convert("1", number))~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~(convert([1, 2], list(string)))~", R"~(["1","2"])~", R"~(list(string))~", R"~()~"},
    {R"~(convert({a = 1}, map(string)))~", R"~({"a":"1"})~", R"~(map(string))~", R"~()~"},
    {R"~(convert(1, lisst(string)))~", R"~(?)~", R"~(any)~", R"~(Invalid type specification: Keyword "lisst" is not a valid type constructor.)~"},
    {R"~(convert(1, list))~", R"~(?)~", R"~(any)~", R"~(Invalid type specification: The list type constructor requires one argument specifying the element type.)~"},
    {R"~(convert(1, list(string, number)))~", R"~(?)~", R"~(any)~", R"~(Invalid type specification: The list type constructor requires one argument specifying the element type.)~"},
    {R"~(convert(1, "string"))~", R"~(?)~", R"~(any)~", R"~(Invalid type specification: A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).)~"},
    {R"~(convert(tup, tuple([string, string])))~", R"~(["1","x"])~", R"~(tuple([string,string]))~", R"~()~"},
    {R"~(convert(1, any))~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~([for x in list: can(x.y)])~", R"~([false,false])~", R"~(tuple([bool,bool]))~", R"~()~"},
};

Value str(const char* s) { return Value::string(s); }

// The three go-cty stdlib functions the Go oracle had in scope, with their signatures.
FunctionTable test_functions() {
    FunctionTable t;
    Function upper;
    upper.params = {Parameter{"str", Type::string(), false, false, true}};
    upper.return_type = Function::static_return(Type::string());
    upper.impl = [](std::span<const Value> args, const Type&) {
        std::string s = args[0].as_string();
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return CallResult{Value::string(s), std::nullopt};
    };
    Function join;
    join.params = {Parameter{"separator", Type::string()}};
    join.var_param = Parameter{"lists", Type::list(Type::string())};
    join.return_type = Function::static_return(Type::string());
    join.impl = [](std::span<const Value> args, const Type&) {
        if (args.size() < 2) return CallResult{Value(), FunctionError{"at least one list is required"}};
        std::string out;
        bool first = true;
        for (const Value& list : args.subspan(1))
            for (const Value& e : list.elements()) {
                out += (first ? "" : args[0].as_string()) + e.as_string();
                first = false;
            }
        return CallResult{Value::string(out), std::nullopt};
    };
    Function max;
    max.var_param = Parameter{"numbers", Type::number(), false, false, true};
    max.return_type = Function::static_return(Type::number());
    max.impl = [](std::span<const Value> args, const Type&) {
        if (args.empty()) return CallResult{Value(), FunctionError{"must pass at least one number"}};
        Number best = Number::infinity(true);
        for (const Value& a : args)
            if (Number::compare(a.as_number(), best) > 0) best = a.as_number();
        return CallResult{Value::number(best), std::nullopt};
    };
    t.emplace("upper", upper);
    t.emplace("join", join);
    t.emplace("max", max);
    return t;
}

void define_variables(hjob::eval::EvalContext& ctx) {
    ctx.set_variable("num", Value::number(1));
    ctx.set_variable("str", str("hello"));
    ctx.set_variable("list", Value::list({str("a"), str("b")}));
    ctx.set_variable("tup", Value::tuple({Value::number(1), str("x")}));
    ctx.set_variable("obj", Value::object({{"a", Value::number(1)}, {"b", Value::object({{"c", str("d")}})}}));
    ctx.set_variable("map", Value::map({{"k", str("v")}}));
    ctx.set_variable("nul", Value::null(Type::string()));
    ctx.set_variable("unk", Value::unknown(Type::number()));
    ctx.set_variable("objs", Value::list({Value::object({{"n", str("x")}}), Value::object({{"n", str("y")}})}));
    ctx.set_variable("set", Value::set({str("b"), str("a")}));
}

}  // namespace

TEST_CASE("evaluation with variables and functions matches hclsyntax") {
    const FunctionTable functions = test_functions();
    hjob::eval::EvalContext ctx;
    define_variables(ctx);
    ctx.set_functions(&functions);
    for (const EvalRow& row : context_rows) {
        INFO("expression: " << row.src);
        const auto got = hjob::test::evaluate_row(row.src, &ctx);
        REQUIRE(got.parsed);
        CHECK(got.json == row.json);
        CHECK(got.type == row.type);
        CHECK(got.error == row.error);
    }
}

TEST_CASE("unevaluated and type arguments reach can, try and convert") {
    hjob::eval::EvalContext ctx;
    define_variables(ctx);
    ctx.set_functions(&nomad_functions());
    for (const EvalRow& row : lazy_rows) {
        INFO("expression: " << row.src);
        const auto got = hjob::test::evaluate_row(row.src, &ctx);
        REQUIRE(got.parsed);
        CHECK(got.json == row.json);
        CHECK(got.type == row.type);
        CHECK(got.error == row.error);
    }
}

TEST_CASE("child scopes shadow their parents; unknown names get a suggestion") {
    hjob::eval::EvalContext outer;
    outer.set_variable("region", str("eu"));
    hjob::eval::EvalContext inner(&outer);
    inner.set_variable("count", Value::number(3));
    CHECK(hjob::test::evaluate_row("\"${region}-${count}\"", &inner).json == "\"eu-3\"");
    CHECK(hjob::test::evaluate_row("regoin", &inner).error == "Unknown variable: There is no variable named \"regoin\". Did you mean \"region\"?");
}
