// The documentation hover and completion show, written from the same compiler/schema tables
// that validate job files: a stanza's description and label, an argument's type, default,
// allowed values and whether it is required or deprecated.
#pragma once

#include <string>
#include <string_view>

#include "compiler/schema/schema.hpp"

namespace hjob::lsp {

/// Markdown for a stanza: "**task** block", its label and repetition, its description.
std::string block_markdown(const schema::Block& b);

/// Markdown for an argument: name, type, required or default, allowed values, description.
std::string attribute_markdown(const schema::Attribute& a);

/// Markdown for `value` of an argument with allowed values (whether it is one of them).
std::string value_markdown(const schema::Attribute& a, std::string_view value);

/// One line for a completion item's detail: "string, default \"service\"", "block".
std::string attribute_detail(const schema::Attribute& a);
std::string block_detail(const schema::Block& b);

}  // namespace hjob::lsp
