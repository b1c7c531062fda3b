// textDocument/formatting: the text `hjob fmt` prints (compiler/format, the layout of
// `nomad fmt`), as one edit replacing the whole document. Like `hjob fmt`, a document with
// syntax errors is left alone.
#pragma once

#include "documents.hpp"

namespace hjob::lsp {

/// TextEdit[]: empty when the document is already formatted or does not parse.
Json format_document(const Document& doc, Encoding encoding);

}  // namespace hjob::lsp
