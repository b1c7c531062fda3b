// Shared by the stdlib_*_test.cpp tables: evaluates one HCL expression with Nomad's
// function table and reports its value (debug_string) or its first error.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "compiler/eval/evaluate.hpp"
#include "grammar/parser.hpp"
#include "stdlib/functions.hpp"

namespace hjob::testing {

struct Outcome {
    std::string value;  ///< debug_string of the result when there was no error
    std::string error;  ///< "summary: detail" of the first error
};

inline Outcome eval_expr(const std::string& expr, const cty::FunctionTable& table = cty::nomad_functions()) {
    const SourceFile file("test.hcl", "x = " + expr + "\n");
    const syntax::SyntaxTree tree = syntax::parse_config(file);
    if (has_errors(tree.diagnostics) || tree.body->attributes.size() != 1)
        return {"", "parse: " + (tree.diagnostics.empty() ? std::string("no attribute") : tree.diagnostics[0].summary)};
    eval::EvalContext ctx;
    ctx.set_functions(&table);
    Diagnostics diags;
    const cty::Value v = eval::evaluate(*tree.body->attributes[0].expr, file, &ctx, diags);
    for (const Diagnostic& d : diags)
        if (d.severity == Severity::error) return {"", d.summary + ": " + d.detail};
    return {cty::debug_string(v), ""};
}

/// One table row: an expression and either its value or a fragment of its first error.
struct Case {
    const char* expr;
    const char* value;  ///< expected debug_string, or nullptr when an error is expected
    const char* error = nullptr;
};

inline void check_cases(std::initializer_list<Case> cases, const cty::FunctionTable& table = cty::nomad_functions()) {
    for (const Case& c : cases) {
        INFO(c.expr);
        const Outcome o = eval_expr(c.expr, table);
        if (c.value != nullptr) {
            CHECK(o.error == "");
            CHECK(o.value == c.value);
        } else {
            REQUIRE(c.error != nullptr);
            CHECK(o.value == "");
            CHECK_THAT(o.error, Catch::Contains(c.error));
        }
    }
}

}  // namespace hjob::testing
