// Runtime references: jobspec2 evaluates job files with an UnknownVariable hook that turns a
// reference to NOMAD_ALLOC_ID, node.unique.id, attr.kernel.name, meta.rack or env["X"] back
// into the text "${...}" for the client to interpolate when the task starts. The binder gets
// the same effect by defining those roots, per expression, as values that yield that text.
#pragma once

#include "compiler/eval/context.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"
#include "grammar/syntax.hpp"

namespace hjob::bind::detail {

/// Defines in `scope` every runtime root referenced by `expr` (unless an enclosing scope or a
/// for-expression of `expr` defines it), so that each traversal evaluates to "${<its source
/// text>}". Roots that are no known runtime name (NOMAD_*, node, attr, ...) are kept too, as
/// Nomad does, with a warning each in `diags` when given. Returns whether it defined anything.
bool add_runtime_references(const syntax::Expr& expr, const SourceFile& file, eval::EvalContext& scope,
                            Diagnostics* diags = nullptr);

}  // namespace hjob::bind::detail
