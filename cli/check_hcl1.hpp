// Legacy HCL1 detection for `hjob check`: a job written for Nomad's old HCL1 parser fails the
// HCL2 parse with a cascade of errors that hide the real cause. When the errors sit on HCL1
// forms, the cascade is replaced by one diagnostic that says what happened and how to migrate.
#pragma once

#include <optional>

#include "grammar/diagnostic.hpp"

namespace hjob::cli {

/// The diagnostic code of the replacement: "syntax/hcl1".
inline constexpr const char* hcl1_code = "syntax/hcl1";

/// When `diags` (the HCL2 parse of `file`) has errors and one of them is on a line with an
/// HCL1 form (a quoted or dotted argument name, block arguments separated by commas or
/// following the opening brace), the one diagnostic to report instead of them; nullopt
/// otherwise.
std::optional<Diagnostic> detect_hcl1(const SourceFile& file, const Diagnostics& diags);

}  // namespace hjob::cli
