// Type constraint expressions (`string`, `list(string)`, `object({a=number})`, `any`),
// read as HCL's typeexpr.TypeConstraint reads them: from the syntax, never evaluated. Used
// by `variable` blocks' `type` and by functions taking a type argument (convert).
#pragma once

#include <optional>

#include "grammar/diagnostic.hpp"
#include "grammar/syntax.hpp"
#include "stdlib/value.hpp"

namespace hjob::eval {

/// The type `expr` denotes; nullopt after appending an "Invalid type specification" error.
/// `optional(T)` object attributes read as T: hjob's types have no optional attributes yet.
std::optional<cty::Type> type_constraint(const syntax::Expr& expr, const SourceFile& file, Diagnostics& diags);

/// hcl.ExprAsKeyword: the name of a lone identifier (also `null`, `true`, `false`), or "".
std::string_view expr_keyword(const syntax::Expr& expr);

}  // namespace hjob::eval
