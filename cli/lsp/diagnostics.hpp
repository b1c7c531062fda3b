// Diagnostics for the editor: the pipeline of `hjob check` run on a document's text, each
// diagnostic turned into LSP form with the same range, code, severity and message as
// `hjob check --format json` (notes become relatedInformation). Fixes are kept for codeAction.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "documents.hpp"

namespace hjob::lsp {

/// A did-you-mean (or other machine-applicable) replacement, in the document's positions.
struct LspFix {
    Json range;
    std::string new_text;
    std::string title;
};

struct LspDiagnostic {
    Json diagnostic;  ///< the LSP Diagnostic object
    LspPosition start, end;
    std::vector<LspFix> fixes;
};

struct CheckResult {
    std::vector<LspDiagnostic> diagnostics;
};

/// Checks `doc` as `hjob check` would check its file, with the var files of the *.vars.hcl
/// convention; a document that is itself a var file is only parsed. Positions in `encoding`.
std::shared_ptr<const CheckResult> check_document(const Document& doc, Encoding encoding);

/// The params of textDocument/publishDiagnostics for `doc`.
Json publish_params(const Document& doc, const CheckResult& result);

}  // namespace hjob::lsp
