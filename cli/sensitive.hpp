// Masking of variables declared `sensitive` in what hjob prints: plan text, plan and apply
// --json, `hjob inspect FILE` and the footer's apply command (which repeats --var flags).
#pragma once

#include <string>
#include <vector>

#include "compiler/eval/variables.hpp"
#include "runtime/secrets/redact.hpp"

namespace hjob::cli {

/// What replaces a sensitive variable in the variables recorded with a job version.
inline constexpr const char* sensitive_mask = "(sensitive value)";

/// The values, as text, of the variables of `scope` declared sensitive (whatever set them).
std::vector<std::string> sensitive_values(const std::vector<eval::VariableInfo>& variables);

/// A Redactor for `values`: each value as printed and as JSON escapes it (a value with a quote
/// or a newline looks different inside --json output).
secrets::Redactor sensitive_redactor(const std::vector<std::string>& values);

/// The sensitive values of the job file `path` evaluated with `vars` and `var_files`, for
/// commands that compile it another way (hjob inspect); empty when it does not parse.
std::vector<std::string> sensitive_values_of_file(const std::string& path, const std::string& text,
                                                  const std::vector<std::string>& vars,
                                                  const std::vector<std::string>& var_files);

}  // namespace hjob::cli
