// Test helpers for the binder: compile a job text with Nomad's functions in scope, and find
// diagnostics by summary with their line:column.
#pragma once

#include <memory>
#include <string>

#include "compiler/bind/bind.hpp"
#include "grammar/parser.hpp"
#include "stdlib/functions.hpp"

namespace hjob::test {

struct Compiled {
    std::unique_ptr<SourceFile> file;
    syntax::SyntaxTree tree;
    eval::EvalContext scope;
    bind::CompileResult result;

    const ir::Job& job() const { return *result.job; }
    /// "line:col summary" of each binding diagnostic, then of each parse diagnostic.
    std::vector<std::string> messages() const {
        std::vector<std::string> out;
        for (const auto* ds : {&result.diagnostics, &tree.diagnostics})
            for (const auto& d : *ds) {
                const auto p = file->position(d.subject.range.begin);
                out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + " " + d.summary);
            }
        return out;
    }
    /// The first diagnostic whose summary is `summary`, or nullptr.
    const Diagnostic* find(std::string_view summary) const {
        for (const auto* ds : {&result.diagnostics, &tree.diagnostics})
            for (const auto& d : *ds)
                if (d.summary == summary) return &d;
        return nullptr;
    }
    std::string where(const Diagnostic& d) const {
        const auto p = file->position(d.subject.range.begin);
        return std::to_string(p.line) + ":" + std::to_string(p.column);
    }
};

inline std::unique_ptr<Compiled> compile(std::string text) {
    auto c = std::make_unique<Compiled>();
    c->file = std::make_unique<SourceFile>("job.hcl", std::move(text));
    c->tree = syntax::parse_config(*c->file);
    c->scope.set_functions(&cty::nomad_functions());
    c->scope.set_variable("var", cty::Value::object({}));  // as the evaluation stage sets it up
    c->scope.set_variable("local", cty::Value::object({}));
    c->result = bind::compile_job(c->tree, bind::CompileOptions{&c->scope});
    return c;
}

}  // namespace hjob::test
