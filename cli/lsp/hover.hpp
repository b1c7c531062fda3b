// textDocument/hover: the schema's documentation of the stanza (its type or a label), the
// argument (its name) or the allowed value under the cursor. Nothing in comments, heredocs,
// expressions, or anything the schema does not describe.
#pragma once

#include "documents.hpp"
#include "outline.hpp"

namespace hjob::lsp {

/// The Hover result for byte `offset` of `doc`, or null.
Json hover(const Document& doc, const Outline& outline, std::uint32_t offset, Encoding encoding);

}  // namespace hjob::lsp
