// textDocument/documentSymbol: the job, its groups, tasks and services (and the file's
// variables) as a tree, for the editor's outline view and breadcrumbs.
#pragma once

#include "documents.hpp"
#include "outline.hpp"

namespace hjob::lsp {

/// DocumentSymbol[] of `doc`, nested as the blocks are.
Json document_symbols(const Document& doc, const Outline& outline, Encoding encoding);

}  // namespace hjob::lsp
