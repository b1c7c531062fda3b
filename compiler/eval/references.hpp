// The variables an expression refers to (hclsyntax's Variables): every scope traversal
// whose root is not bound by an enclosing `for` expression. Locals use it to order their
// evaluation, variable validations to check they look only at their own variable.
#pragma once

#include <vector>

#include "grammar/syntax.hpp"

namespace hjob::eval {

/// The free scope traversals of `expr`, in source order.
std::vector<const syntax::ScopeTraversalExpr*> free_traversals(const syntax::Expr& expr);

}  // namespace hjob::eval
