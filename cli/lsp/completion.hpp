// textDocument/completion: what the schema allows at the cursor. At the start of an item in
// a block body, the arguments not yet set and the blocks that may still be added; in the
// value of an argument with allowed values, those values. Nothing inside labels, comments,
// heredocs, expressions, or bodies the schema leaves open (meta, env, driver config).
#pragma once

#include "documents.hpp"
#include "outline.hpp"

namespace hjob::lsp {

/// The CompletionList for byte `offset` of `doc`. `snippets`: the client accepts snippet
/// syntax, so that a block is inserted with its braces and label placeholder.
Json completion(const Document& doc, const Outline& outline, std::uint32_t offset, bool snippets);

}  // namespace hjob::lsp
