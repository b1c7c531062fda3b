// Diagnostics are data: detection appends them, rendering (text, JSON, SARIF, LSP) happens in
// the compiler layer. Wording follows HCL's where the same condition exists.
#pragma once

#include <string>
#include <vector>

#include "source.hpp"

namespace hjob {

enum class Severity { error, warning, note };

/// A secondary location with its own message ("first defined here").
struct DiagnosticNote {
    SourceRange where;
    std::string message;
};

/// A machine-applicable edit: replace `where` by `replacement` (did-you-mean and the like).
struct DiagnosticFix {
    SourceRange where;
    std::string replacement;
    std::string title;
};

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;     ///< stable, for filters, SARIF rule ids and the LSP: "syntax/unclosed-block"
    std::string summary;  ///< one line, HCL's wording where it has one
    std::string detail;   ///< full sentences
    SourceRange subject;  ///< what is wrong
    SourceRange context;  ///< optional wider range (file == nullptr when absent)
    std::vector<DiagnosticNote> notes;
    std::vector<DiagnosticFix> fixes;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& ds) {
    for (const auto& d : ds)
        if (d.severity == Severity::error) return true;
    return false;
}

}  // namespace hjob
