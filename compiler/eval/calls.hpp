// Whether a file calls any function: building Nomad's function table (some 150 entries) was a
// sixth of checking a typical job as a whole process, and most job files call none.
#pragma once

#include "grammar/syntax.hpp"
#include "stdlib/function.hpp"
#include "stdlib/functions.hpp"

namespace hjob::eval {

/// Whether an expression anywhere in `body` (nested blocks included) is a function call.
bool calls_functions(const syntax::Body& body);

/// The table for evaluating `tree`: Nomad's functions with `options`, or an empty table when
/// the file calls none (nothing else consults it).
const cty::FunctionTable& functions_for(const syntax::SyntaxTree& tree, const cty::FunctionOptions& options);

}  // namespace hjob::eval
