// The fast readers of the state's JSON columns agree with nlohmann on everything the state
// writes (escapes, non-ASCII, surrogate pairs) and decline what they do not handle.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "runtime/state/flat_json.hpp"

namespace rs = hjob::runtime::state;

TEST_CASE("string maps read back exactly what nlohmann wrote") {
    const std::map<std::string, std::string> tricky = {
        {"kernel.name", "linux"},
        {"quote\"and\\backslash", "tab\there\nnewline"},
        {"unicode", "\xc3\xa9t\xc3\xa9 \xf0\x9f\x9a\x80"},  // été and a rocket (a surrogate pair in \u form)
        {"control", std::string("\x01\x1f", 2)},
        {"", "empty key"}};
    const std::string text = nlohmann::json(tricky).dump();
    const auto got = rs::parse_string_map(text);
    REQUIRE(got);
    CHECK(*got == tricky);
    CHECK(rs::parse_string_map(R"({"rocket": "\ud83d\ude80", "slash": "\/"})") ==
          std::map<std::string, std::string>{{"rocket", "\xf0\x9f\x9a\x80"}, {"slash", "/"}});
    CHECK(rs::parse_string_map("{}") == std::map<std::string, std::string>{});
    CHECK(rs::parse_string_map(" { \"a\" : \"b\" } ") == std::map<std::string, std::string>{{"a", "b"}});
}

TEST_CASE("the flat readers decline anything but their one shape") {
    for (const char* bad : {"", "{", "{\"a\": 1}", "{\"a\": \"b\",}", "{\"a\": \"b\"} x", "[\"a\"]", "{\"a\": \"\\q\"}",
                            "{\"a\": \"\\ud83d\"}", "{\"a\": \"unterminated}"})
        CHECK_FALSE(rs::parse_string_map(bad));
    CHECK(rs::parse_string_list(R"(["exec", "raw_exec"])") == std::vector<std::string>{"exec", "raw_exec"});
    CHECK_FALSE(rs::parse_string_list("[1]"));
    CHECK(rs::parse_int_list("[20000, 8080,9090]") == std::vector<int>{20000, 8080, 9090});
    CHECK(rs::parse_int_list("[]") == std::vector<int>{});
    CHECK_FALSE(rs::parse_int_list("[-1]"));
    CHECK_FALSE(rs::parse_int_list("[1.5]"));
}
