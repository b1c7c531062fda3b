// Groups decoded on two threads (compiler/bind/groups.cpp) give the same job, the same
// diagnostics in the same order and the same source ranges as groups decoded one by one.
#include <catch2/catch.hpp>

#include <string>

#include "bind_helpers.hpp"
#include "compiler/ir.hpp"

namespace {

// Groups that differ, some with binding errors, some built by dynamic blocks at job level and
// inside groups (their iterators live in the binder's expansions), plus an implicit group.
std::string job_text() {
    std::string t = "job \"big\" {\n  datacenters = [\"dc1\"]\n";
    t += "  task \"solo\" {\n    driver = \"exec\"\n    config { command = \"/bin/true\" }\n  }\n";
    for (int i = 0; i < 40; ++i) {
        const std::string n = std::to_string(i);
        t += "  group \"g" + n + "\" {\n    count = " + std::to_string(i % 3 + 1) + "\n";
        if (i % 7 == 3) t += "    bogus_" + n + " = 1\n";  // Unsupported argument
        t += "    network {\n      port \"http\" { to = " + std::to_string(8000 + i) + " }\n    }\n";
        t += "    task \"t\" {\n      driver = \"exec\"\n      config { command = \"/bin/app" + n + "\" }\n";
        if (i % 5 == 2) t += "      resources { memory = \"lots\" }\n";  // Incorrect attribute value type
        t += "      dynamic \"template\" {\n        for_each = [\"a\", \"b\"]\n"
             "        content {\n          data = \"${template.value}-" + n + "\"\n"
             "          destination = \"local/${template.value}.txt\"\n        }\n      }\n";
        t += "      service {\n        name = \"s" + n + "\"\n        port = \"http\"\n        tags = [\"urlprefix-/g" + n +
             "\"]\n      }\n    }\n  }\n";
    }
    t += "  dynamic \"group\" {\n    for_each = [\"x\", \"y\"]\n    labels = [\"dyn-${group.value}\"]\n"
         "    content {\n      task \"t\" {\n        driver = \"exec\"\n"
         "        config { command = \"/bin/${group.value}\" }\n      }\n    }\n  }\n";
    return t + "}\n";
}

std::unique_ptr<hjob::test::Compiled> compile_with(const std::string& text, unsigned threads) {
    auto c = std::make_unique<hjob::test::Compiled>();
    c->file = std::make_unique<hjob::SourceFile>("job.hcl", text);
    c->tree = hjob::syntax::parse_config(*c->file);
    c->scope.set_functions(&hjob::cty::nomad_functions());
    c->scope.set_variable("var", hjob::cty::Value::object({}));
    c->scope.set_variable("local", hjob::cty::Value::object({}));
    hjob::bind::CompileOptions options{&c->scope};
    options.threads = threads;
    c->result = hjob::bind::compile_job(c->tree, options);
    return c;
}

}  // namespace

TEST_CASE("bind threads: two threads give what one gives", "[bind][threads]") {
    const std::string text = job_text();
    const auto one = compile_with(text, 1);
    const auto two = compile_with(text, 2);
    REQUIRE(one->result.job.has_value());
    REQUIRE(two->result.job.has_value());

    // The dynamic blocks were expanded with their iterators, and the errors were found.
    const auto& groups = one->job().groups;
    REQUIRE(groups.size() == 43);
    CHECK(groups.back().name == "dyn-y");
    CHECK(one->find("Unsupported argument") != nullptr);
    CHECK(one->find("Incorrect attribute value type") != nullptr);

    // The second thread decodes the groups that job-level dynamic blocks built: it reads their
    // iterators from the calling binder's expansions.
    const std::string two_json = hjob::ir::to_json(two->job()).dump();
    CHECK(two_json.find("\"/bin/y\"") != std::string::npos);
    CHECK(two_json == hjob::ir::to_json(one->job()).dump());
    CHECK(two->messages() == one->messages());
    for (std::size_t i = 0; i < one->result.diagnostics.size() && i < two->result.diagnostics.size(); ++i)
        CHECK(two->result.diagnostics[i].code == one->result.diagnostics[i].code);

    CHECK(two->result.source_map.size() == one->result.source_map.size());
    for (const std::string path : {"/groups/0/tasks/0/driver", "/groups/17/tasks/0/services/0/name",
                                   "/groups/40/count", "/groups/42", "/groups/30/tasks/0/templates/1/destination"}) {
        INFO(path);
        const auto* a = one->result.source_map.find(path);
        const auto* b = two->result.source_map.find(path);
        REQUIRE(a != nullptr);
        REQUIRE(b != nullptr);
        CHECK(*a == *b);
    }
}
