// textDocument/codeAction: a quick fix for each machine-applicable fix (did-you-mean) that
// the diagnostics of the current version carry, where they touch the requested range.
#pragma once

#include "diagnostics.hpp"

namespace hjob::lsp {

/// CodeAction[] for the params of a codeAction request; `result` must be of `doc`'s text.
Json code_actions(const Document& doc, const CheckResult& result, const Json& params, Encoding encoding);

}  // namespace hjob::lsp
