// The checker's fast paths (issue 3's throughput): the source map's buffer and table, the
// binder's literal and runtime-reference shortcuts, and skipping the function table for files
// that call no function. Each must give exactly what the slow path gives.
#include <catch2/catch.hpp>

#include "bind_helpers.hpp"
#include "compiler/bind/literal.hpp"
#include "compiler/bind/runtime_refs.hpp"
#include "compiler/eval/calls.hpp"
#include "compiler/eval/evaluate.hpp"
#include "compiler/source_map.hpp"
#include "stdlib/value_unicode.hpp"

namespace bd = hjob::bind::detail;
using hjob::Range;

namespace {

/// `x = <expr>` parsed; the tree and its file stay alive with the expression.
struct OneExpr {
    std::unique_ptr<hjob::SourceFile> file;
    hjob::syntax::SyntaxTree tree;
    const hjob::syntax::Expr& expr() const { return *tree.body->attributes[0].expr; }
};

std::unique_ptr<OneExpr> parse_expr(const std::string& text) {
    auto p = std::make_unique<OneExpr>();
    p->file = std::make_unique<hjob::SourceFile>("x.hcl", "x = " + text + "\n");
    p->tree = hjob::syntax::parse_config(*p->file);
    REQUIRE(p->tree.diagnostics.empty());
    REQUIRE(p->tree.body->attributes.size() == 1);
    return p;
}

/// What the binder's slow path gives: runtime roots defined in a child scope, then evaluation.
std::string evaluated(const OneExpr& p, const hjob::eval::EvalContext* parent) {
    hjob::eval::EvalContext scope(parent);
    hjob::Diagnostics diags;
    bd::add_runtime_references(p.expr(), *p.file, scope, &diags);
    const auto v = hjob::eval::evaluate(p.expr(), *p.file, &scope, diags);
    REQUIRE(diags.empty());
    return v.as_string();
}

}  // namespace

TEST_CASE("source map: paths recorded, replaced, found with their ancestors", "[fast][source_map]") {
    // The same answers from the entries scanned before index(), from the table after it, and
    // for paths recorded once the table exists (the table must grow for them).
    hjob::ir::SourceMap map;
    CHECK(map.find("/groups/0") == nullptr);
    CHECK(map.at("/groups/0/count").range == Range{});
    map.reserve(2, 16);
    for (std::uint32_t i = 0; i < 1000; ++i) map.record({"/groups/", std::to_string(i), "/count"}, Range{i, i + 1});
    map.record("/groups/7/count", Range{70, 71});  // recorded again: the new range wins
    map.record("/groups/7", Range{5, 6});
    auto answers = [&] {
        REQUIRE(map.find("/groups/999/count") != nullptr);
        CHECK(*map.find("/groups/999/count") == Range{999, 1000});
        CHECK(*map.find("/groups/7/count") == Range{70, 71});
        CHECK(map.contains("/groups/7"));
        CHECK_FALSE(map.contains("/groups/7/coun"));
        CHECK(map.at("/groups/7/tasks/0/driver").range == Range{5, 6});  // nearest recorded ancestor
        CHECK(map.at("/nothing/here").range == Range{});
    };
    SECTION("before index()") {
        answers();
        CHECK_FALSE(map.contains("/groups/1000/count"));
    }
    SECTION("after index(), and paths recorded after it") {
        map.index();
        CHECK(map.size() == 1001);
        answers();
        for (std::uint32_t i = 1000; i < 5000; ++i) map.record({"/groups/", std::to_string(i), "/count"}, Range{i, i + 1});
        map.record("/groups/999/count", Range{1, 2});
        CHECK(map.size() == 5001);
        CHECK(*map.find("/groups/4999/count") == Range{4999, 5000});
        CHECK(*map.find("/groups/999/count") == Range{1, 2});
        CHECK(*map.find("/groups/7/count") == Range{70, 71});
        CHECK(map.at("/groups/7/tasks/0/driver").range == Range{5, 6});
    }
}

TEST_CASE("literal fast paths read what evaluation gives", "[fast][bind]") {
    for (const std::string text : {R"("web")", R"("")", R"("caf\u0065\u0301 \"q\" \\ x")", "<<EOT\nline\nEOT"}) {
        INFO(text);
        const auto p = parse_expr(text);
        const auto lit = bd::literal_string(p->expr());
        REQUIRE(lit.has_value());
        CHECK(hjob::cty::nfc_normalize(*lit) == evaluated(*p, nullptr));
        CHECK(bd::is_constant(p->expr()));
    }
    CHECK(bd::literal_integer(parse_expr("0042")->expr()) == std::optional<std::int64_t>(42));
    CHECK(bd::literal_integer(parse_expr("999999999999999999")->expr()) == std::optional<std::int64_t>(999999999999999999));
    for (const char* not_integer : {"1.5", "1e3", "-1", "9999999999999999999", "\"3\""})
        CHECK_FALSE(bd::literal_integer(parse_expr(not_integer)->expr()).has_value());
    CHECK(bd::literal_bool(parse_expr("false")->expr()) == std::optional<bool>(false));
    for (const char* not_literal : {R"("${"a"}")", R"("a${1}")", "var.x", "upper(\"a\")"}) {
        INFO(not_literal);
        CHECK_FALSE(bd::literal_string(parse_expr(not_literal)->expr()).has_value());
    }
    CHECK_FALSE(bd::is_constant(parse_expr(R"("a${x}")")->expr()));
}

TEST_CASE("runtime references are built as the evaluator builds them", "[fast][bind]") {
    for (const std::string text : {R"("${NOMAD_PORT_http}")", R"("${attr.unique.network.ip-address}:8500")",
                                   R"("v-${node.unique.name}-x")", R"("cafe\u0301 ${meta.rack}")", R"("${env.HOME}")"}) {
        INFO(text);
        const auto p = parse_expr(text);
        const auto fast = bd::runtime_text(p->expr(), *p->file, nullptr);
        REQUIRE(fast.has_value());
        CHECK(*fast == evaluated(*p, nullptr));
    }
    hjob::eval::EvalContext scope;
    scope.set_variable("node", hjob::cty::Value::string("defined here"));  // a dynamic block's iterator
    for (const char* slow : {R"("${var.x}")", R"("${attr.a} ${attr.a.b}")", R"("${lowercase_root}")",
                             R"("${NOMAD_X[0]}")", R"("plain")", R"("${upper(NOMAD_X)}")", R"("${node.id}")"}) {
        INFO(slow);
        const auto p = parse_expr(slow);
        CHECK_FALSE(bd::runtime_text(p->expr(), *p->file, &scope).has_value());
    }
}

TEST_CASE("lists of strings and runtime references are built as the evaluator builds them", "[fast][bind]") {
    const auto p = parse_expr(R"(["--port", "${NOMAD_PORT_a}", "", "${NOMAD_PORT_b}", "${NOMAD_PORT_a}", "${attr.x.y}"])");
    const auto fast = bd::runtime_texts(p->expr(), *p->file, nullptr);
    REQUIRE(fast.has_value());
    hjob::eval::EvalContext scope(nullptr);
    hjob::Diagnostics diags;
    bd::add_runtime_references(p->expr(), *p->file, scope, &diags);
    const auto v = hjob::eval::evaluate(p->expr(), *p->file, &scope, diags);
    REQUIRE(diags.empty());
    std::vector<std::string> slow;
    for (const auto& e : v.elements()) slow.push_back(e.as_string());
    CHECK(*fast == slow);
    // One object for attr in evaluation: "${attr.a}" is no string there, so no shortcut.
    const auto clash = parse_expr(R"(["${attr.a}", "${attr.a.b}"])");
    CHECK_FALSE(bd::runtime_texts(clash->expr(), *clash->file, nullptr).has_value());
    const auto call = parse_expr(R"(["a", upper("b")])");
    CHECK_FALSE(bd::runtime_texts(call->expr(), *call->file, nullptr).has_value());
}

TEST_CASE("a job bound through the fast paths equals the same job evaluated", "[fast][bind]") {
    const std::string fast = R"(job "j" {
  datacenters = ["dc1", "dc2"]
  group "g" {
    count = 3
    service {
      name = "s"
      tags = ["a", "${NOMAD_ALLOC_ID}"]
    }
    task "t" {
      driver       = "docker"
      leader       = true
      kill_timeout = "30s"
      config {
        image      = "nginx"
        args       = ["--port", "${NOMAD_PORT_http}", "x"]
        force_pull = true
        shm_size   = 64
        hostname   = "${attr.unique.hostname}"
      }
      env {
        ADDR  = "${attr.unique.network.ip-address}:8500"
        PROCS = 0042
        DEBUG = false
      }
    }
  }
})";
    const std::string slow = R"(job "j" {
  datacenters = concat(["dc1"], ["dc2"])
  group "g" {
    count = 1 + 2
    service {
      name = "${"s"}"
      tags = concat(["a"], ["${NOMAD_ALLOC_ID}"])
    }
    task "t" {
      driver       = "${"docker"}"
      leader       = !false
      kill_timeout = "${"30"}s"
      config {
        image      = "${"nginx"}"
        args       = concat(["--port"], ["${NOMAD_PORT_http}", "x"])
        force_pull = !false
        shm_size   = 60 + 4
        hostname   = "${attr.unique.hostname}${""}"
      }
      env {
        ADDR  = "${attr.unique.network.ip-address}${":8500"}"
        PROCS = 40 + 2
        DEBUG = !true
      }
    }
  }
})";
    const auto a = hjob::test::compile(fast);
    const auto b = hjob::test::compile(slow);
    REQUIRE(a->result.job);
    REQUIRE(b->result.job);
    CHECK(a->messages() == b->messages());
    CHECK(hjob::ir::to_json(a->job()).dump() == hjob::ir::to_json(b->job()).dump());
    for (const char* path : {"/datacenters", "/groups/0/services/0/tags", "/groups/0/count", "/groups/0/tasks/0/driver", "/groups/0/tasks/0/leader",
                             "/groups/0/tasks/0/kill_timeout", "/groups/0/tasks/0/env/ADDR"}) {
        INFO(path);
        CHECK(a->result.source_map.contains(path));
        CHECK(b->result.source_map.contains(path));
    }
}

TEST_CASE("the function table is skipped only for files that call no function", "[fast][eval]") {
    const hjob::cty::FunctionOptions options;
    for (const std::string text : {"job \"j\" {\n  meta {\n    a = upper(\"x\")\n  }\n}\n", "x = \"${join(\",\", [])}\"",
                                   "x = [for v in [1] : max(v, 2)]", "variable \"v\" {\n  validation {\n    condition = length(var.v) > 0\n  }\n}"}) {
        INFO(text);
        const hjob::SourceFile file("calls.hcl", text);
        const auto tree = hjob::syntax::parse_config(file);
        REQUIRE(tree.diagnostics.empty());
        CHECK(hjob::eval::calls_functions(*tree.body));
        CHECK_FALSE(hjob::eval::functions_for(tree, options).empty());
    }
    const hjob::SourceFile file("none.hcl", "job \"j\" {\n  x = \"upper(not a call)\"\n  y = [var.a, local.b]\n}\n");
    const auto tree = hjob::syntax::parse_config(file);
    CHECK_FALSE(hjob::eval::calls_functions(*tree.body));
    CHECK(hjob::eval::functions_for(tree, options).empty());
}
