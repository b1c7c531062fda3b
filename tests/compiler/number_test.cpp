// Number: the port of Go's big.Float that cty numbers are. Expected texts come from
// go-cty itself (HCL 2.14 / go-cty as packaged in Debian 12).
#include <catch2/catch.hpp>

#include "stdlib/value_number.hpp"

using hjob::cty::Number;

namespace {

std::string text_of(const char* literal) {
    auto n = Number::parse(literal);
    REQUIRE(n.has_value());
    return n->text();
}

std::string op(const char* a, char o, const char* b) {
    const auto x = Number::parse(a), y = Number::parse(b);
    REQUIRE((x && y));
    std::optional<Number> r;
    switch (o) {
    case '+': r = Number::add(*x, *y); break;
    case '-': r = Number::subtract(*x, *y); break;
    case '*': r = Number::multiply(*x, *y); break;
    case '/': r = Number::divide(*x, *y); break;
    default: r = Number::modulo(*x, *y); break;
    }
    return r ? r->text() : "NaN";
}

}  // namespace

TEST_CASE("number literals print as cty prints them") {
    CHECK(text_of("5") == "5");
    CHECK(text_of("3.2") == "3.2");
    CHECK(text_of("1.5e3") == "1500");
    CHECK(text_of("0.1") == "0.1");
    CHECK(text_of("2e-5") == "0.00002");
    CHECK(text_of("1e100") == "1" + std::string(100, '0'));
    CHECK(text_of("-0") == "-0");
    CHECK(text_of("007") == "7");
    CHECK(text_of("1p3") == "8");  // Go's ParseFloat takes binary exponents too
    CHECK(text_of("3.14159265358979323846264338327950288419716939937510582097494459") ==
          "3.14159265358979323846264338327950288419716939937510582097494459");
    CHECK(text_of("Inf") == "+Inf");
    CHECK(text_of("-inf") == "-Inf");
}

TEST_CASE("number parsing rejects what Go's ParseFloat rejects") {
    for (const char* bad : {"", "-", ".", "1e", "1e+", "abc", "1.2.3", "0x10", "1_000", " 1", "1 "})
        CHECK_FALSE(Number::parse(bad).has_value());
    CHECK(Number::parse("1.").has_value());
    CHECK(Number::parse(".5").has_value());
    CHECK(Number::parse("+5").has_value());
}

TEST_CASE("numbers past the exponent limit are rejected instead of expanded") {
    CHECK_FALSE(Number::parse("1e100000").has_value());
    CHECK_FALSE(Number::parse("1e-100000").has_value());
    CHECK_FALSE(Number::parse("1e99999999999999999999").has_value());
    CHECK(Number::parse("1e19000").has_value());
    CHECK(Number::parse("0." + std::string(Number::max_digits - 1, '7')).has_value());
    CHECK_FALSE(Number::parse("0." + std::string(Number::max_digits, '7')).has_value());
}

TEST_CASE("arithmetic agrees digit for digit with go-cty at 512 bits") {
    CHECK(op("2", '+', "3.5") == "5.5");
    CHECK(op("3.14159265358979323846264338327950288419716939937510582097494459", '+', "1") ==
          "4.14159265358979323846264338327950288419716939937510582097494459");
    CHECK(op("2", '-', "3.5") == "-1.5");
    CHECK(op("2", '*', "4.5") == "9");
    CHECK(op("1", '/', "10") == "0.1");
    CHECK(op("11", '%', "5") == "1");
    CHECK(op("11", '%', "5.1") == "0.8" + std::string(152, '0') + "24");  // 155 digits
    CHECK(op("1", '/', "3") == "0." + std::string(154, '3') + "5");
    CHECK(op("0.1", '+', "0.2") == "0.3");
    CHECK(op("-7", '%', "3") == "-1");
}

TEST_CASE("infinities and NaN follow Go's big.Float") {
    CHECK(op("1", '/', "0") == "+Inf");
    CHECK(op("-1", '/', "0") == "-Inf");
    CHECK(op("0", '/', "0") == "NaN");
    CHECK(op("Inf", '-', "Inf") == "NaN");
    CHECK(op("0", '*', "Inf") == "NaN");
    CHECK(op("5", '%', "0") == "5");
}

TEST_CASE("number equality is cty's: equal text, -0 equals 0") {
    CHECK(Number::equal(*Number::parse("1.0"), *Number::parse("1")));
    CHECK(Number::equal(*Number::parse("-0"), *Number::parse("0")));
    CHECK_FALSE(Number::equal(*Number::parse("0.1"), *Number::parse("0.10000000001")));
    CHECK(Number::compare(*Number::parse("-2"), *Number::parse("1")) < 0);
    CHECK(Number::compare(*Number::parse("Inf"), *Number::parse("1e300")) > 0);
}

TEST_CASE("integer and double conversions") {
    CHECK(Number::from_int(-42).text() == "-42");
    CHECK(Number::from_int(-42).to_int64() == -42);
    CHECK_FALSE(Number::parse("1.5")->to_int64().has_value());
    CHECK_FALSE(Number::parse("1e30")->to_int64().has_value());
    CHECK(Number::parse("0.1")->to_double() == 0.1);
    CHECK(Number::from_double(0.5)->text() == "0.5");
    CHECK(Number::from_double(0.1)->text() == "0.1");  // shortest at 53 bits
    CHECK(Number::parse("2.5")->floor().text() == "2");
    CHECK(Number::parse("-2.5")->floor().text() == "-3");
    CHECK(Number::parse("-2.5")->ceil().text() == "-2");
    CHECK(Number::parse("2.25")->text_fixed(1) == "2.2");  // round half to even, as Go
    CHECK(Number::parse("7")->text_fixed(2) == "7.00");
}
