// Diagnostics as text for terminals and editors: the GNU/gcc line format
// ("FILE:LINE:COL: error: summary"), optionally with the source line and a caret. The
// other formats of `hjob check --format` (json, sarif, ...) sit beside this one.
#pragma once

#include <ostream>
#include <string>

#include "grammar/diagnostic.hpp"

namespace hjob::render {

struct TextOptions {
    bool source_snippet = false;  ///< quote the subject's line and underline the subject
};

/// "error", "warning" or "note".
const char* severity_name(Severity s);

/// One diagnostic: "FILE:LINE:COL: severity: summary", then the detail indented by two
/// spaces (one line per detail line), then each note as its own located "note:" line.
/// Without a subject the location is "hjob".
std::string gcc_style(const Diagnostic& d, const TextOptions& options = {});

/// Every diagnostic in order, each as gcc_style prints it.
void write_gcc_style(std::ostream& out, const Diagnostics& diags, const TextOptions& options = {});

}  // namespace hjob::render
