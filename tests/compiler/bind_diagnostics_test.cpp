// The binder's diagnostics, each with HCL's wording at its exact line:column.
#include <catch2/catch.hpp>

#include "bind_helpers.hpp"

using hjob::test::compile;

namespace {

constexpr const char* header = "job \"j\" {\n  group \"g\" {\n";  // lines 1-2
constexpr const char* footer = "  }\n}\n";

std::string in_group(const std::string& lines) { return std::string(header) + lines + footer; }

}  // namespace

TEST_CASE("unsupported argument: did-you-mean and a fix", "[bind][diagnostics]") {
    auto c = compile(in_group("    cont = 2\n    task \"t\" { driver = \"exec\" }\n"));
    const auto* d = c->find("Unsupported argument");
    REQUIRE(d != nullptr);
    CHECK(c->where(*d) == "3:5");
    CHECK(d->detail == "An argument named \"cont\" is not expected here. Did you mean \"count\"?");
    CHECK(d->code == "bind/unsupported-argument");
    REQUIRE(d->fixes.size() == 1);
    CHECK(d->fixes[0].replacement == "count");
    CHECK(c->file->slice(d->fixes[0].where.range) == "cont");
}

TEST_CASE("unsupported block type: did-you-mean", "[bind][diagnostics]") {
    auto c = compile(in_group("    task \"t\" {\n      driver = \"exec\"\n      resorces { cpu = 1 }\n    }\n"));
    const auto* d = c->find("Unsupported block type");
    REQUIRE(d != nullptr);
    CHECK(c->where(*d) == "5:7");
    CHECK(d->detail == "Blocks of type \"resorces\" are not expected here. Did you mean \"resources\"?");
    REQUIRE(d->fixes.size() == 1);
    CHECK(d->fixes[0].replacement == "resources");
}

TEST_CASE("a block written as an argument and the reverse", "[bind][diagnostics]") {
    auto c = compile(in_group("    task \"t\" {\n      driver = \"exec\"\n      resources = { cpu = 1 }\n    }\n"
                              "    task \"u\" {\n      driver { }\n    }\n"));
    const auto* arg = c->find("Unsupported argument");
    REQUIRE(arg != nullptr);
    CHECK(c->where(*arg) == "5:7");
    CHECK(arg->detail ==
          "An argument named \"resources\" is not expected here. Did you mean to define a block of type \"resources\"?");
    const auto* blk = c->find("Unsupported block type");
    REQUIRE(blk != nullptr);
    CHECK(c->where(*blk) == "8:7");
    CHECK(blk->detail == "Blocks of type \"driver\" are not expected here. Did you mean to define argument \"driver\"? "
                         "If so, use the equals sign to assign it a value.");
}

TEST_CASE("missing required argument at the block's opening brace", "[bind][diagnostics]") {
    auto c = compile(in_group("    task \"t\" {\n      lifecycle {\n        sidecar = true\n      }\n    }\n"));
    const auto* d = c->find("Missing required argument");
    REQUIRE(d != nullptr);
    CHECK(c->where(*d) == "4:17");
    CHECK(d->detail == "The argument \"hook\" is required, but no definition was found.");
    // Arguments only the server requires (a task's driver) are the validator's to report.
    CHECK(c->messages().size() == 1);
}

TEST_CASE("duplicate block of a non-repeatable type", "[bind][diagnostics]") {
    auto c = compile(in_group("    update { canary = 1 }\n    update { canary = 2 }\n    task \"t\" { driver = \"exec\" }\n"));
    const auto* d = c->find("Duplicate update block");
    REQUIRE(d != nullptr);
    CHECK(c->where(*d) == "4:5");
    CHECK(d->detail == "Only one update block is allowed. Another was defined at job.hcl:3,5-11.");
    CHECK(c->job().groups.at(0).update->canary == 1);
}

TEST_CASE("meta as both block and argument", "[bind][diagnostics]") {
    auto c = compile(in_group("    meta = { a = \"b\" }\n    meta { c = \"d\" }\n    task \"t\" { driver = \"exec\" }\n"));
    const auto* d = c->find("Duplicate meta block");
    REQUIRE(d != nullptr);
    CHECK(c->where(*d) == "4:5");
}

TEST_CASE("missing and duplicate job blocks", "[bind][diagnostics]") {
    auto none = compile("variable \"x\" {\n  default = 1\n}\n");
    const auto* d = none->find("Missing job block");
    REQUIRE(d != nullptr);
    CHECK(none->where(*d) == "1:1");
    CHECK_FALSE(none->result.job);
    auto two = compile("job \"a\" {\n}\njob \"b\" {\n}\n");
    const auto* dup = two->find("Duplicate job block");
    REQUIRE(dup != nullptr);
    CHECK(two->where(*dup) == "3:1");
    CHECK(dup->detail == "Only one block of type \"job\" is allowed. Previous definition was at job.hcl:1,1-8.");
    CHECK(two->job().id == "a");
    auto typo = compile("jobs \"a\" {\n}\n");
    REQUIRE(typo->find("Unsupported block type") != nullptr);
    CHECK(typo->find("Unsupported block type")->detail ==
          "Blocks of type \"jobs\" are not expected here. Did you mean \"job\"?");
    CHECK(typo->find("Missing job block") == nullptr);
}

TEST_CASE("labels: extraneous and missing", "[bind][diagnostics]") {
    auto c = compile("job \"j\" {\n  group {\n  }\n  update \"x\" {\n  }\n}\n");
    const auto* missing = c->find("Missing name for group");
    REQUIRE(missing != nullptr);
    CHECK(c->where(*missing) == "2:9");
    CHECK(missing->detail == "All group blocks must have 1 labels (name).");
    const auto* extra = c->find("Extraneous label for update");
    REQUIRE(extra != nullptr);
    CHECK(c->where(*extra) == "4:10");
    CHECK(extra->detail == "No labels are expected for update blocks.");
    CHECK(c->job().groups.empty());
}

TEST_CASE("incorrect attribute value type and invalid duration", "[bind][diagnostics]") {
    auto c = compile(in_group("    count = \"many\"\n    task \"t\" {\n      driver = \"exec\"\n"
                              "      kill_timeout = \"5x\"\n      leader = [1]\n    }\n"));
    INFO(Catch::Detail::stringify(c->messages()));
    const auto* type = c->find("Incorrect attribute value type");
    REQUIRE(type != nullptr);
    CHECK(c->where(*type) == "3:13");
    CHECK(type->detail == "Inappropriate value for attribute \"count\": a number is required.");
    const auto* dur = c->find("Invalid duration");
    REQUIRE(dur != nullptr);
    CHECK(c->where(*dur) == "6:22");
    CHECK(dur->detail.starts_with("Unsuitable duration value: time: unknown unit \"x\" in duration \"5x\"."));
    CHECK(c->messages().size() == 3);
}

TEST_CASE("dotted keys in env get the map syntax hint", "[bind][diagnostics]") {
    auto c = compile(in_group("    task \"t\" {\n      driver = \"exec\"\n      env {\n        a.b = \"c\"\n      }\n    }\n"));
    auto diags = c->tree.diagnostics;
    REQUIRE_FALSE(diags.empty());
    hjob::bind::hint_map_syntax(c->tree, diags);
    CHECK(diags[0].detail.find("env = { \"a.b\" = \"value\" }") != std::string::npos);
}

// Nomad keeps any unknown root as text (jobspec2's UnknownVariable hook); hjob warns.
TEST_CASE("a reference whose root is not a runtime one is kept as text, with a warning", "[bind][diagnostics]") {
    auto c = compile(in_group("    task \"t\" {\n      driver = \"exec\"\n      user = \"${usr.name}\"\n    }\n"));
    const auto* d = c->find("Unknown variable kept for the runtime");
    REQUIRE(d != nullptr);
    CHECK(d->severity == hjob::Severity::warning);
    CHECK(c->where(*d) == "5:17");
    REQUIRE(c->result.job);
    CHECK(c->result.job->groups[0].tasks[0].user == "${usr.name}");
}

TEST_CASE("driver config of known drivers is checked, as warnings", "[bind][diagnostics]") {
    auto c = compile(in_group("    task \"t\" {\n      driver = \"docker\"\n      config {\n        imgae = \"x\"\n"
                              "      }\n    }\n"));
    const auto* d = c->find("Unsupported argument");
    REQUIRE(d != nullptr);
    CHECK(d->severity == hjob::Severity::warning);
    CHECK(c->where(*d) == "6:9");
    CHECK(d->detail == "An argument named \"imgae\" is not expected here. Did you mean \"image\"?");
    const auto* missing = c->find("Missing required argument");
    REQUIRE(missing != nullptr);
    CHECK(missing->severity == hjob::Severity::warning);
    CHECK_FALSE(hjob::has_errors(c->result.diagnostics));
}

TEST_CASE("binding never throws on hostile input", "[bind][diagnostics]") {
    for (const char* text : {"", "job", "job \"x\" {", "job \"x\" { group \"g\" { task \"t\" { config { a { b { c {} } } } } } }",
                             "job \"x\" { count = [for x in [1]: x] }", "job \"\" {}", "job \"x\" { group \"g\" { count = -1 } }"}) {
        CAPTURE(text);
        CHECK_NOTHROW(compile(text));
    }
}

TEST_CASE("dynamic blocks: bad for_each, missing content, unknown generated type", "[bind][diagnostics][dynamic]") {
    auto c = compile(in_group("    dynamic \"port\" {\n      for_each = 3\n      content {}\n    }\n"
                              "    dynamic \"tsk\" {\n      for_each = [1]\n      content {}\n    }\n"
                              "    dynamic \"task\" {\n      for_each = [1]\n    }\n"));
    const auto* each = c->find("Invalid dynamic for_each value");
    REQUIRE(each != nullptr);
    CHECK(c->where(*each) == "4:18");
    CHECK(each->detail == "Cannot use a number value in for_each. An iterable collection is required.");
    const auto* type = c->find("Unsupported block type");
    REQUIRE(type != nullptr);
    CHECK(c->where(*type) == "7:13");
    CHECK(type->detail == "Blocks of type \"tsk\" are not expected here. Did you mean \"task\"?");
    const auto* content = c->find("Missing content block");
    REQUIRE(content != nullptr);
    CHECK(c->where(*content) == "11:20");
}
