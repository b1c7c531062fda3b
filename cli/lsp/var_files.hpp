// Where the server finds variable values, since an editor has no command line: every
// `*.vars.hcl` file in the job file's directory is read as a -var-file (in name order), and
// NOMAD_VAR_<name> from the server's environment applies as it does for `hjob check`.
#pragma once

#include <string>

#include "compiler/eval/variables.hpp"

namespace hjob::lsp {

/// The suffix that marks a file of variable values for the job files beside it.
inline constexpr std::string_view var_file_suffix = ".vars.hcl";

/// Whether `path` is such a file (it is then checked as a var file, not as a job).
bool is_var_file(const std::string& path);

/// The variable inputs of the job file at `path` ("" for a document that is not on disk).
eval::VariableInputs variable_inputs(const std::string& path);

}  // namespace hjob::lsp
