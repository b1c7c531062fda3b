// The evaluator in HCL's nil context (what `hclref json` uses to decide "value"): one row
// per expression, expectations produced by hclsyntax itself (see eval_table.hpp).
#include <catch2/catch.hpp>

#include "compiler/eval/type_expr.hpp"
#include "eval_table.hpp"

using hjob::test::EvalRow;

namespace {

const EvalRow nil_context_rows[] = {
    {R"~(1)~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~(-1)~", R"~(-1)~", R"~(number)~", R"~()~"},
    {R"~(1.5e3)~", R"~(1500)~", R"~(number)~", R"~()~"},
    {R"~(0.1)~", R"~(0.1)~", R"~(number)~", R"~()~"},
    {R"~(true)~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(null)~", R"~(null)~", R"~(any)~", R"~()~"},
    {R"~("hello")~", R"~("hello")~", R"~(string)~", R"~()~"},
    {R"~("a${1}b")~", R"~("a1b")~", R"~(string)~", R"~()~"},
    {R"~("${true}")~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~("${1 + 1}")~", R"~(2)~", R"~(number)~", R"~()~"},
    {R"~("${null}")~", R"~(null)~", R"~(any)~", R"~()~"},
    {R"~("x${[]}y")~", R"~("xy")~", R"~(string)~", R"~(Invalid template interpolation value: Cannot include the given value in a string template: string required.)~"},
    {R"~("años")~", R"~("años")~", R"~(string)~", R"~()~"},
    {R"~(<<EOT\nhello ${"world"}\nEOT\n)~", R"~("hello world\n")~", R"~(string)~", R"~()~"},
    {R"~(<<-EOT\n    indented\n      more\n    EOT\n)~", R"~("indented\n  more\n")~", R"~(string)~", R"~()~"},
    {R"~("%{ if true }yes%{ else }no%{ endif }")~", R"~("yes")~", R"~(string)~", R"~()~"},
    {R"~("%{ for x in [1, 2, 3] }${x},%{ endfor }")~", R"~("1,2,3,")~", R"~(string)~", R"~()~"},
    {R"~("%{ for k, v in {a = 1, b = 2} }${k}=${v};%{ endfor }")~", R"~("a=1;b=2;")~", R"~(string)~", R"~()~"},
    {R"~("%{ for x in [null] }${x}%{ endfor }")~", R"~("")~", R"~(string)~", R"~(Invalid template interpolation value: The expression result is null. Cannot include a null value in a string template.)~"},
    {R"~([1, "a", true, null])~", R"~([1,"a",true,null])~", R"~(tuple([number,string,bool,any]))~", R"~()~"},
    {R"~([])~", R"~([])~", R"~(tuple([]))~", R"~()~"},
    {R"~({a = 1, "b" = 2, c = [3]})~", R"~({"a":1,"b":2,"c":[3]})~", R"~(object({a=number,b=number,c=tuple([number])}))~", R"~()~"},
    {R"~({})~", R"~({})~", R"~(object({}))~", R"~()~"},
    {R"~({(1 + 1) = "two"})~", R"~({"2":"two"})~", R"~(object({"2"=string}))~", R"~()~"},
    {R"~({true = 1, null = 2})~", R"~({"null":2,"true":1})~", R"~(object({null=number,true=number}))~", R"~()~"},
    {R"~({a.b = 1})~", R"~(?)~", R"~(any)~", R"~(Ambiguous attribute key: If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.)~"},
    {R"~({(null) = 1})~", R"~(?)~", R"~(any)~", R"~(Null value as key: Can't use a null value as a key.)~"},
    {R"~({([]) = 1})~", R"~(?)~", R"~(any)~", R"~(Incorrect key type: Can't use this value as a key: string required.)~"},
    {R"~(1 + 2)~", R"~(3)~", R"~(number)~", R"~()~"},
    {R"~(2 - 3.5)~", R"~(-1.5)~", R"~(number)~", R"~()~"},
    {R"~(2 * 4.5)~", R"~(9)~", R"~(number)~", R"~()~"},
    {R"~(1 / 10)~", R"~(0.1)~", R"~(number)~", R"~()~"},
    {R"~(11 % 5.1)~", R"~(0.80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000024)~", R"~(number)~", R"~()~"},
    {R"~(1 / 0)~", R"~(!)~", R"~(number)~", R"~()~"},
    {R"~(0 / 0)~", R"~(?)~", R"~(number)~", R"~(Operation failed: Error during operation: can't divide zero by zero or infinity by infinity.)~"},
    {R"~("1" + 2)~", R"~(3)~", R"~(number)~", R"~()~"},
    {R"~(true + 1)~", R"~(?)~", R"~(number)~", R"~(Invalid operand: Unsuitable value for left operand: number required.)~"},
    {R"~(null + 1)~", R"~(?)~", R"~(number)~", R"~(Operation failed: Error during operation: argument must not be null.)~"},
    {R"~(1 == 1)~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~("a" == "a")~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~("1" == 1)~", R"~(false)~", R"~(bool)~", R"~()~"},
    {R"~(null == null)~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~([1] == [1])~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~({a = 1} != {a = 2})~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(1 < 2)~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(2 >= "2")~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(true && false)~", R"~(false)~", R"~(bool)~", R"~()~"},
    {R"~(true || null)~", R"~(?)~", R"~(bool)~", R"~(Operation failed: Error during operation: argument must not be null.)~"},
    {R"~(!true)~", R"~(false)~", R"~(bool)~", R"~()~"},
    {R"~(!"true")~", R"~(false)~", R"~(bool)~", R"~()~"},
    {R"~(-"5")~", R"~(-5)~", R"~(number)~", R"~()~"},
    {R"~(-true)~", R"~(?)~", R"~(number)~", R"~(Invalid operand: Unsuitable value for unary operand: number required.)~"},
    {R"~(true ? "a" : "b")~", R"~("a")~", R"~(string)~", R"~()~"},
    {R"~(false ? 1 : "x")~", R"~("x")~", R"~(string)~", R"~()~"},
    {R"~(true ? [1] : ["a"])~", R"~(["1"])~", R"~(tuple([string]))~", R"~()~"},
    {R"~(true ? 1 : [1])~", R"~(?)~", R"~(any)~", R"~(Inconsistent conditional result types: The true and false result expressions must have consistent types. The 'true' value is number, but the 'false' value is tuple.)~"},
    {R"~(null ? 1 : 2)~", R"~(?)~", R"~(number)~", R"~(Null condition: The condition value is null. Conditions must either be true or false.)~"},
    {R"~("x" ? 1 : 2)~", R"~(?)~", R"~(number)~", R"~(Incorrect condition type: The condition expression must be of type bool.)~"},
    {R"~(true ? null : 1)~", R"~(null)~", R"~(number)~", R"~()~"},
    {R"~(false ? null : 1)~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~(true ? 1 : x)~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~([1, 2, 3][1])~", R"~(2)~", R"~(number)~", R"~()~"},
    {R"~([1, 2, 3][3])~", R"~(?)~", R"~(any)~", R"~(Invalid index: The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection.)~"},
    {R"~([1, 2, 3][5])~", R"~(?)~", R"~(any)~", R"~(Invalid index: The given key does not identify an element in this collection value.)~"},
    {R"~([1, 2][-1])~", R"~(?)~", R"~(any)~", R"~(Invalid index: The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence.)~"},
    {R"~([1, 2][0.5])~", R"~(?)~", R"~(any)~", R"~(Invalid index: The given key does not identify an element in this collection value: indexing a sequence requires a whole number, but the given index has a fractional part.)~"},
    {R"~([][0])~", R"~(?)~", R"~(any)~", R"~(Invalid index: The given key does not identify an element in this collection value: the collection has no elements.)~"},
    {R"~({a = 1}["a"])~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~({a = 1}["b"])~", R"~(?)~", R"~(any)~", R"~(Invalid index: The given key does not identify an element in this collection value.)~"},
    {R"~({a = 1}[0])~", R"~(?)~", R"~(any)~", R"~(Invalid index: The given key does not identify an element in this collection value. An object only supports looking up attributes by name, not by numeric index.)~"},
    {R"~("abc"[0])~", R"~(?)~", R"~(any)~", R"~(Invalid index: This value does not have any indices.)~"},
    {R"~(null[0])~", R"~(?)~", R"~(any)~", R"~(Attempt to index null value: This value is null, so it does not have any indices.)~"},
    {R"~([1][null])~", R"~(?)~", R"~(any)~", R"~(Invalid index: Can't use a null value as an indexing key.)~"},
    {R"~([1]["0"])~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~({a = {b = 2}}.a.b)~", R"~(2)~", R"~(number)~", R"~()~"},
    {R"~({a = 1}.b)~", R"~(?)~", R"~(any)~", R"~(Unsupported attribute: This object does not have an attribute named "b".)~"},
    {R"~([{a = 1}].a)~", R"~(?)~", R"~(any)~", R"~(Unsupported attribute: This value does not have any attributes.)~"},
    {R"~("x".y)~", R"~(?)~", R"~(any)~", R"~(Unsupported attribute: Can't access attributes on a primitive-typed value (string).)~"},
    {R"~(null.a)~", R"~(?)~", R"~(any)~", R"~(Attempt to get attribute from null value: This value is null, so it does not have any attributes.)~"},
    {R"~([for x in [1, 2, 3]: x * 2])~", R"~([2,4,6])~", R"~(tuple([number,number,number]))~", R"~()~"},
    {R"~([for i, x in ["a", "b"]: "${i}${x}"])~", R"~(["0a","1b"])~", R"~(tuple([string,string]))~", R"~()~"},
    {R"~([for x in [1, 2, 3]: x if x > 1])~", R"~([2,3])~", R"~(tuple([number,number]))~", R"~()~"},
    {R"~({for k, v in {a = 1, b = 2}: v => k})~", R"~({"1":"a","2":"b"})~", R"~(object({"1"=string,"2"=string}))~", R"~()~"},
    {R"~({for x in ["a", "b", "a"]: x => x})~", R"~({"a":"a","b":"b"})~", R"~(object({a=string,b=string}))~", R"~(Duplicate object key: Two different items produced the key "a" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.)~"},
    {R"~({for x in ["a", "b", "a"]: x => x...})~", R"~({"a":["a","a"],"b":["b"]})~", R"~(object({a=tuple([string,string]),b=tuple([string])}))~", R"~()~"},
    {R"~([for x in null: x])~", R"~(?)~", R"~(any)~", R"~(Iteration over null value: A null value cannot be used as the collection in a 'for' expression.)~"},
    {R"~([for x in 5: x])~", R"~(?)~", R"~(any)~", R"~(Iteration over non-iterable value: A value of type number cannot be used as the collection in a 'for' expression.)~"},
    {R"~([for x in [1]: x if null])~", R"~(?)~", R"~(any)~", R"~(Condition is null: The value of the 'if' clause must not be null.)~"},
    {R"~([for x in [1]: x if "no"])~", R"~(?)~", R"~(any)~", R"~(Invalid 'for' condition: The 'if' clause value is invalid: a bool is required.)~"},
    {R"~([for x in [1]: y])~", R"~(~)~", R"~(tuple([any]))~", R"~(Unknown variable: There is no variable named "y". Did you mean "x"?)~"},
    {R"~([for x in [1]: x if y])~", R"~(?)~", R"~(any)~", R"~(Unknown variable: There is no variable named "y". Did you mean "x"?)~"},
    {R"~({for x in [1]: null => x})~", R"~(?)~", R"~(any)~", R"~(Invalid object key: Key expression in 'for' expression must not produce a null value.)~"},
    {R"~({for x in [1]: [] => x})~", R"~(?)~", R"~(any)~", R"~(Invalid object key: The key expression produced an invalid result: string required.)~"},
    {R"~([for x in {b = 1, a = 2}: x])~", R"~([2,1])~", R"~(tuple([number,number]))~", R"~()~"},
    {R"~([[1, 2], [3]][*][0])~", R"~([1,3])~", R"~(tuple([number,number]))~", R"~()~"},
    {R"~([{a = 1}, {a = 2}][*].a)~", R"~([1,2])~", R"~(tuple([number,number]))~", R"~()~"},
    {R"~([{a = 1}, {a = 2}].*.a)~", R"~([1,2])~", R"~(tuple([number,number]))~", R"~()~"},
    {R"~({a = 1}[*].a)~", R"~([1])~", R"~(tuple([number]))~", R"~()~"},
    {R"~(null[*])~", R"~([])~", R"~(tuple([]))~", R"~()~"},
    {R"~([][*].a)~", R"~([])~", R"~(tuple([]))~", R"~()~"},
    {R"~("x"[*])~", R"~(["x"])~", R"~(tuple([string]))~", R"~()~"},
    {R"~([{a = 1}][*].b)~", R"~(?)~", R"~(tuple([any]))~", R"~(Unsupported attribute: This object does not have an attribute named "b".)~"},
    {R"~(upper("x"))~", R"~(?)~", R"~(any)~", R"~(Function calls not allowed: Functions may not be called here.)~"},
    {R"~(x)~", R"~(?)~", R"~(any)~", R"~(Variables not allowed: Variables may not be used here.)~"},
    {R"~(x.y)~", R"~(?)~", R"~(any)~", R"~(Variables not allowed: Variables may not be used here.)~"},
    {R"~(var[0])~", R"~(?)~", R"~(any)~", R"~(Variables not allowed: Variables may not be used here.)~"},
    {R"~([for x in [1]: upper(x)])~", R"~(~)~", R"~(tuple([any]))~", R"~(Function calls not allowed: Functions may not be called here.)~"},
    {R"~((1 + 2) * 3)~", R"~(9)~", R"~(number)~", R"~()~"},
    {R"~(((1)))~", R"~(1)~", R"~(number)~", R"~()~"},
    {R"~([1, 2] == [1, 2])~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~("a" != null)~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~([1, "a"] == [1, "a"])~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(1 == "1")~", R"~(false)~", R"~(bool)~", R"~()~"},
    {R"~(0.1 + 0.2 == 0.3)~", R"~(true)~", R"~(bool)~", R"~()~"},
    {R"~(1e100 * 1e100)~", R"~(100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000)~", R"~(number)~", R"~()~"},
    {R"~(-0)~", R"~(-0)~", R"~(number)~", R"~()~"},
    {R"~(- 0)~", R"~(-0)~", R"~(number)~", R"~()~"},
    {R"~(2 % 0)~", R"~(2)~", R"~(number)~", R"~()~"},
    {R"~(5 % -3)~", R"~(2)~", R"~(number)~", R"~()~"},
    {R"~(10 / 4)~", R"~(2.5)~", R"~(number)~", R"~()~"},
    {R"~(3.0)~", R"~(3)~", R"~(number)~", R"~()~"},
    {R"~(1.10)~", R"~(1.1)~", R"~(number)~", R"~()~"},
    {R"~("${1.10}")~", R"~(1.1)~", R"~(number)~", R"~()~"},
    {R"~("${-0}")~", R"~(-0)~", R"~(number)~", R"~()~"},
};

}  // namespace

TEST_CASE("evaluation in the nil context matches hclsyntax") {
    for (const EvalRow& row : nil_context_rows) {
        INFO("expression: " << row.src);
        const auto got = hjob::test::evaluate_row(row.src, nullptr);
        REQUIRE(got.parsed);
        CHECK(got.json == row.json);
        CHECK(got.type == row.type);
        CHECK(got.error == row.error);
    }
}

TEST_CASE("evaluation diagnostics point where HCL points") {
    const hjob::SourceFile file("t.hcl", "x = [1, y]\nz = 1 + true\n");
    const auto tree = hjob::syntax::parse_config(file);
    REQUIRE_FALSE(hjob::has_errors(tree.diagnostics));
    const auto r1 = hjob::eval::evaluate(*tree.body->attributes[0].expr, file);
    REQUIRE(r1.diagnostics.size() == 1);
    CHECK(r1.diagnostics[0].code == "eval/variables-not-allowed");
    CHECK(file.slice(r1.diagnostics[0].subject.range) == "y");
    const auto r2 = hjob::eval::evaluate(*tree.body->attributes[1].expr, file);
    REQUIRE(r2.diagnostics.size() == 1);
    CHECK(file.slice(r2.diagnostics[0].subject.range) == "true");
    CHECK(file.slice(r2.diagnostics[0].context.range) == "1 + true");
}

TEST_CASE("constant_value is hclref's notion of a constant") {
    const hjob::SourceFile file("t.hcl", "a = 1 + 2\nb = [x]\nc = true ? 1 : x\nd = 1 / 0\n");
    const auto tree = hjob::syntax::parse_config(file);
    REQUIRE(tree.body->attributes.size() == 4);
    const auto value = [&](std::size_t i) { return hjob::eval::constant_value(*tree.body->attributes[i].expr, file); };
    CHECK(value(0).has_value());
    CHECK_FALSE(value(1).has_value());
    CHECK(value(2).has_value());  // errors in the branch not taken are dropped, as in HCL
    CHECK(value(3).has_value());  // +Inf is a constant; only its JSON fails
}

TEST_CASE("hostile nested for expressions stop at the evaluation limit") {
    std::string list = "[";
    for (int i = 0; i < 30; ++i) list += std::to_string(i) + ",";
    list += "]";
    std::string expr = "a";
    for (char v = 'a'; v <= 'f'; ++v) expr = "[for " + std::string(1, v) + " in " + list + ": " + expr + "]";  // 30^6 items
    const auto got = hjob::test::evaluate_row(expr.c_str(), nullptr);
    REQUIRE(got.parsed);
    CHECK(got.error.rfind("Evaluation too complex: ", 0) == 0);
}

TEST_CASE("type constraints read as typeexpr reads them") {
    const auto read = [](const std::string& src, std::string& error) -> std::string {
        const hjob::SourceFile file("t.hcl", "x = " + src + "\n");
        const auto tree = hjob::syntax::parse_config(file);
        REQUIRE(tree.body->attributes.size() == 1);
        hjob::Diagnostics diags;
        const auto t = hjob::eval::type_constraint(*tree.body->attributes[0].expr, file, diags);
        error = diags.empty() ? "" : diags[0].detail;
        return t ? t->type_string() : "-";
    };
    std::string err;
    CHECK(read("object({a = list(string), b = optional(number)})", err) == "object({a=list(string),b=number})");
    CHECK(read("map(any)", err) == "map(any)");
    CHECK(read("tuple([set(bool), string])", err) == "tuple([set(bool),string])");
    CHECK(read("object({\"a\" = string})", err) == "-");
    CHECK(err == "Object constructor map keys must be attribute names.");
    CHECK(read("string(1)", err) == "-");
    CHECK(err == "Primitive type keyword \"string\" does not expect arguments.");
    CHECK(read("foo", err) == "-");
    CHECK(err == "The keyword \"foo\" is not a valid type specification.");
}
