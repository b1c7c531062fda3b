// `hjob syntax --json`: the canonical JSON of a file's syntax structure, identical byte for
// byte to HashiCorp's reference front end (`hclref json [-ranges] [-compact]`, see
// ../shared/peers/README.md), so the two can be diffed directly.
#pragma once

#include <string>
#include <string_view>

#include "grammar/syntax.hpp"

namespace hjob::emit {

struct SyntaxJsonOptions {
    bool ranges = false;   ///< add "range": "line:col-line:col" to attributes and blocks
    bool compact = false;  ///< one line, no indentation
};

/// body = {"attributes":[attr...], "blocks":[block...]}
/// attr = {"name", "kind", "src", "value" (constants only), "range"}; attributes sorted by
/// start byte; block = {"type", "labels", "body", "range"}. Ends with a newline, as Go's
/// json.Encoder does; indentation (2 spaces) and string escaping are Go's.
std::string syntax_json(const syntax::SyntaxTree& tree, const SyntaxJsonOptions& options);

/// Go's json.Indent(dst, compact, "", "  ") for compact JSON text.
std::string go_indent(std::string_view compact);

}  // namespace hjob::emit
