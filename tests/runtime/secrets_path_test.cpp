// The path validator and the KV v2 path mapping.
#include <catch2/catch.hpp>

#include "runtime/secrets/path.hpp"

using namespace hjob::secrets;

TEST_CASE("secrets path: the validator refuses climbing, empty segments, NUL, a leading slash, long paths") {
    CHECK_FALSE(path_problem("secret/app/db"));
    CHECK(path_problem("secret/../app"));
    CHECK_THAT(*path_problem("secret/../app"), Catch::Contains("\"..\""));
    CHECK(path_problem("secret/./app"));
    CHECK(path_problem(".."));
    CHECK(path_problem("secret//app"));
    CHECK(path_problem("secret/app/"));
    CHECK_FALSE(path_problem("secret/app/", true));
    CHECK(path_problem("secret/app//", true));
    CHECK(path_problem(std::string("secret/a\0b", 10)));
    CHECK_THAT(*path_problem(std::string("secret/a\0b", 10)), Catch::Contains("NUL") && Catch::Contains("a\\x00b"));
    CHECK(path_problem("secret/a\nb"));
    CHECK(path_problem("/secret/app"));
    CHECK(path_problem(""));
    CHECK_FALSE(path_problem("secret/" + std::string(max_path_length - 7, 'a')));
    const auto long_path = "secret/" + std::string(max_path_length, 'a');
    REQUIRE(path_problem(long_path));
    CHECK(path_problem(long_path)->size() < 200);  // the message does not echo a hostile path
}

TEST_CASE("secrets path: the logical secret/<p> maps to data/ and metadata/ paths") {
    const auto rel = kv_relative("secret/app/db");
    REQUIRE(rel);
    CHECK(*rel == "app/db");
    CHECK(kv_data_path(*rel) == "secret/data/app/db");
    CHECK(kv_metadata_path(*rel) == "secret/metadata/app/db");
    CHECK_FALSE(kv_relative("kv/app"));
    CHECK_THAT(kv_relative("kv/app").error, Catch::Contains("secret/"));
    CHECK_FALSE(kv_relative("secret/"));
    CHECK_FALSE(kv_relative("secret"));
    CHECK(*kv_relative("secret/", true) == "");
    CHECK(*kv_relative("secret/app/", true) == "app");
    CHECK_FALSE(kv_relative("secret/app/../mysql"));
}
