// The checking pipeline of one job file (parse, HCL1 detection, variables and locals, binding
// and validation), shared by `hjob check` and `hjob lsp` so that both report the same
// diagnostics. Defined in check.cpp, next to the command that owns it.
#pragma once

#include <memory>

#include "compiler/eval/variables.hpp"
#include "grammar/diagnostic.hpp"

namespace hjob::cli {

/// What the diagnostics of one file point into, kept alive until they are rendered: the
/// file, and the scope whose var files and -var values diagnostics may quote.
struct Checked {
    std::unique_ptr<SourceFile> file;
    std::unique_ptr<eval::RootScope> scope;
    Diagnostics diagnostics;
};

/// Checks `c.file` with the variable values of `inputs` and fills `c.diagnostics` (the file's
/// own in source order, then those about var files and -var values). Never throws for user
/// errors.
void check_file(Checked& c, const eval::VariableInputs& inputs);

}  // namespace hjob::cli
