// jsonencode/jsondecode, yamlencode/yamldecode and csvdecode.
#include "stdlib_test_util.hpp"

using hjob::testing::check_cases;

TEST_CASE("json") {
    check_cases({
        {R"(jsonencode({"hello"="world"}))", R"("{\"hello\":\"world\"}")"},
        {R"(jsonencode([1, "a", true, null]))", R"("[1,\"a\",true,null]")"},
        {R"(jsonencode("<b>"))", R"("\"\\u003cb\\u003e\"")"},
        {"jsonencode(null)", R"("null")"},
        {R"(jsondecode("{\"hello\": \"world\"}"))", R"({hello = "world"})"},
        {R"(jsondecode("true"))", "true"},
        {R"(jsondecode("[1, 2.5, \"x\", null]"))", R"([1, 2.5, "x", null])"},
        {R"(jsondecode("123456789012345678901234567890"))", "123456789012345678901234567890"},
        {R"(jsondecode("\"\\u00e9\""))", R"("é")"},
        {R"(jsondecode("{\"a\": 1,}"))", nullptr, "invalid character '}' looking for beginning of object key string"},
        {R"(jsondecode("[1 2]"))", nullptr, "invalid character '2' after array element"},
        {R"(jsondecode(""))", nullptr, "unexpected end of JSON input"},
        {R"(jsondecode("1 2"))", nullptr, "invalid character '2' after top-level value"},
        {R"(jsondecode("{\"a\": 1, \"a\": 2}"))", nullptr, R"(duplicate "a" property in JSON object)"},
    });
}

TEST_CASE("yaml") {
    check_cases({
        {R"(yamldecode("{\"hello\": \"world\"}"))", R"({hello = "world"})"},
        {R"(yamldecode("true"))", "true"},
        {R"(yamldecode("{a: &foo [1, 2, 3], b: *foo}"))", "{a = [1, 2, 3], b = [1, 2, 3]}"},
        {R"(yamldecode("a: yes\nb: ~\nc: '1'\nd: 1_000\ne: 2001-12-14\nf: .inf"))",
         R"({a = true, b = null, c = "1", d = 1000, e = "2001-12-14T00:00:00Z", f = +Inf})"},
        {R"(yamldecode("- a\n- b: c\n"))", R"(["a", {b = "c"}])"},
        {R"(yamldecode("!!int 0x1F"))", "31"},
        {R"(yamldecode("{a: &foo [1, *foo, 3]}"))", nullptr, R"(cannot refer to anchor "foo" from inside its own definition)"},
        {R"(yamldecode("{a: !not-supported foo}"))", nullptr, R"(unsupported tag "!not-supported")"},
        {R"(yamldecode("a: 1\n---\nb: 2\n"))", nullptr, "on line 2, column 1: unexpected extra content after value"},
        {R"(yamldecode("a: [1"))", nullptr, "on line"},
        {R"(yamldecode(".nan"))", nullptr, "floating point NaN is not supported"},
        {R"(yamlencode({"a":"b", "c":"d"}))", R"("\"a\": \"b\"\n\"c\": \"d\"\n")"},
        {R"(yamlencode({"foo":[1, 2, 3], "bar": "baz"}))", R"("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n")"},
        {R"(yamlencode({"foo":[1, {"a":"b","c":"d"}, 3], "bar": "baz"}))",
         R"("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n")"},
        {R"(yamlencode({}))", R"("{}\n")"},
        {R"(yamlencode([]))", R"("[]\n")"},
        {R"(yamlencode(null))", R"("null\n")"},
        {R"(yamlencode("a\nb"))", R"("|-\n  a\n  b\n")"},
    });
}

TEST_CASE("csvdecode") {
    check_cases({
        {R"(csvdecode("a,b,c\n1,2,3\n4,5,6"))", R"(list([{a = "1", b = "2", c = "3"}, {a = "4", b = "5", c = "6"}]))"},
        {R"(csvdecode("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n"))", R"(list([{a = "x,y", b = "say \"hi\""}]))"},
        {R"(csvdecode("a,b\n"))", "list([])"},
        {R"(csvdecode("a,b\n1,2,3\n"))", nullptr, "CSV parse error on line 2: wrong number of fields"},
        {R"(csvdecode("a,a\n1,2"))", nullptr, R"(duplicate column name "a")"},
        {R"(csvdecode(""))", nullptr, "missing header line"},
        {R"(csvdecode("a\nx\"y\n"))", nullptr, "bare \" in non-quoted-field"},
    });
}

TEST_CASE("hostile nesting in decoded text is an error, not a stack overflow") {
    const std::string deep(100000, '[');
    CHECK_THAT(hjob::testing::eval_expr("jsondecode(\"" + deep + "\")").error, Catch::Contains("exceeded max depth"));
    CHECK_THAT(hjob::testing::eval_expr("yamldecode(\"" + deep + "\")").error, Catch::Contains("nesting too deep"));
}
