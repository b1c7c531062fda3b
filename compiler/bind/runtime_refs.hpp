// Runtime references: jobspec2 evaluates job files with an UnknownVariable hook that turns a
// reference to NOMAD_ALLOC_ID, node.unique.id, attr.kernel.name, meta.rack or env["X"] back
// into the text "${...}" for the client to interpolate when the task starts. The binder gets
// the same effect by defining those roots, per expression, as values that yield that text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// The string `expr` evaluates to in `scope` when it is literal text around exactly one
/// runtime reference with attribute steps only ("${NOMAD_PORT_http}",
/// "${attr.unique.network.ip-address}:8500"): built directly, as add_runtime_references and
/// evaluation would build it, without either. nullopt for anything else (no reference, two
/// references, a root that is no known runtime name or is defined in `scope`). `root`, when
/// given, receives the reference's root name.
std::optional<std::string> runtime_text(const syntax::Expr& expr, const SourceFile& file, const eval::EvalContext* scope,
                                        std::string_view* root = nullptr);

/// The items of a tuple of literal strings and runtime_text items, as evaluating it gives
/// them; nullopt for anything else, and when two references share a root with different
/// paths ("${attr.a}", "${attr.a.b}"), which evaluation treats as one object.
std::optional<std::vector<std::string>> runtime_texts(const syntax::Expr& expr, const SourceFile& file,
                                                      const eval::EvalContext* scope);

}  // namespace hjob::bind::detail
