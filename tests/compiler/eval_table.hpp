// Shared harness of the evaluator's table tests: parse `x = <expression>`, evaluate it and
// describe the outcome the way the Go oracle that produced the tables does.
#pragma once

#include <string>

#include "compiler/eval/evaluate.hpp"
#include "grammar/parser.hpp"

namespace hjob::test {

/// One row: expression source ("\n" written as backslash-n), the value as ctyjson
/// ("?" unknown, "~" partly unknown, "!" not encodable), its type as HCL writes types, and
/// the first error as "Summary: Detail" ("" when none). Rows were produced by hclsyntax
/// (HCL 2.14.1, go-cty from Debian 12) evaluating the same expression.
struct EvalRow {
    const char* src;
    const char* json;
    const char* type;
    const char* error;
};

struct EvalOutcome {
    std::string json, type, error;
    bool parsed = true;
};

inline EvalOutcome evaluate_row(const char* src, const eval::EvalContext* ctx) {
    std::string text = "x = ";
    for (const char* p = src; *p != 0; ++p) {
        if (p[0] == '\\' && p[1] == 'n') {
            text += '\n';
            ++p;
        } else {
            text += *p;
        }
    }
    const SourceFile file("test.hcl", text + "\n");
    const syntax::SyntaxTree tree = syntax::parse_config(file);
    EvalOutcome out;
    if (has_errors(tree.diagnostics) || tree.body->attributes.size() != 1) {
        out.parsed = false;
        return out;
    }
    const auto r = eval::evaluate(*tree.body->attributes[0].expr, file, ctx);
    const auto& v = r.value;
    if (v.is_wholly_known()) out.json = cty::to_json(v).value_or("!");
    else out.json = v.is_known() ? "~" : "?";
    out.type = v.type().type_string();
    for (const auto& d : r.diagnostics)
        if (d.severity == Severity::error) {
            out.error = d.summary + ": " + d.detail;
            break;
        }
    return out;
}

}  // namespace hjob::test
