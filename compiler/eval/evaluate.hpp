// Expression evaluation with HCL's semantics: what hclsyntax's Expression.Value(ctx)
// returns for every node of the syntax tree, diagnostics worded as HCL words them.
#pragma once

#include <cstddef>

#include "context.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/syntax.hpp"
#include "stdlib/value.hpp"

namespace hjob::eval {

/// The one named evaluation limit: an expression (nested `for`s can multiply sizes) that
/// needs more node evaluations than this stops with an "Evaluation too complex" error
/// instead of running for minutes. HCL has no such limit; real job files use thousands.
inline constexpr std::size_t max_evaluation_steps = 1'000'000;

/// The value of `expr` from `file`'s tree in scope `ctx`; nullptr is HCL's nil context.
/// Errors are appended to `diags` and never thrown; the value is then cty.DynamicVal or
/// partly unknown, exactly where HCL's would be.
cty::Value evaluate(const syntax::Expr& expr, const SourceFile& file, const EvalContext* ctx, Diagnostics& diags);

/// Convenience: the value and the diagnostics of one evaluation.
struct Evaluated {
    cty::Value value;
    Diagnostics diagnostics;
};
Evaluated evaluate(const syntax::Expr& expr, const SourceFile& file, const EvalContext* ctx = nullptr);

/// The constant value of `expr`, as `hclref json` decides it: evaluated in the nil
/// context without errors and wholly known; nullopt otherwise.
std::optional<cty::Value> constant_value(const syntax::Expr& expr, const SourceFile& file);

}  // namespace hjob::eval
