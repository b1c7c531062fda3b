// The canonical formatter behind `hjob fmt`: byte for byte what HashiCorp's hclwrite.Format
// prints (the formatter of `nomad fmt` and `terraform fmt`). It works on the token stream,
// not the syntax tree, so comments, heredocs and template text come through untouched.
#pragma once

#include <string>
#include <string_view>

#include "grammar/source.hpp"

namespace hjob::format {

/// Formats `file` as hclwrite.Format does: re-indents lines by bracket nesting, normalises
/// the spaces between tokens and aligns the `=` and trailing comments of consecutive lines.
/// Only whitespace between tokens changes. Never fails; input with syntax errors is
/// formatted on a best-effort basis (callers that must not rewrite such files parse first).
std::string format_source(const SourceFile& file);

/// The same, for text without a file name.
std::string format_text(std::string_view text);

}  // namespace hjob::format
