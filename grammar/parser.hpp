// The front end's entry point: HCL native syntax text in, syntax tree and diagnostics out.
#pragma once

#include <cstddef>

#include "syntax.hpp"

namespace hjob::syntax {

/// The one named nesting limit: brackets, braces, parentheses, blocks, templates and
/// expression operands deeper than this end in a "Nesting too deep" diagnostic, never in
/// a stack overflow. 256 is far beyond any real job file.
inline constexpr std::size_t max_nesting_depth = 256;

/// Parsing stops after this many syntax errors (the last diagnostic then says so): a file of
/// garbage must not cost a diagnostic, and an exception, per line. Far beyond a real typo.
inline constexpr std::size_t max_syntax_errors = 1000;

/// Parses a whole configuration file. Never throws for bad input: every syntax error is a
/// diagnostic; recovery happens at the body-item level so independent errors all appear.
SyntaxTree parse_config(const SourceFile& file);

}  // namespace hjob::syntax
