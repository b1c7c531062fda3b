// The function library Nomad ships for job files (jobspec2/functions.go): every name mapped
// to its go-cty signature and implementation. The evaluator receives the table through
// EvalContext::set_functions; the families live in stdlib/fn_*.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "function.hpp"

namespace hjob::cty {

struct FunctionOptions {
    /// Where `file`, `filebase64`, `fileexists`, `fileset` and `abspath` resolve relative
    /// paths: the job file's directory ("" means the current directory).
    std::string base_dir;
    /// Nomad enables the filesystem family for the CLI and disables it for /v1/jobs/parse;
    /// when false those functions exist but fail with "filesystem function disabled".
    bool allow_filesystem = true;
};

/// The table for `options`. Tables are built once per distinct options value and live
/// until the program ends, so the reference may be stored in an EvalContext. Thread-safe.
const FunctionTable& nomad_functions(const FunctionOptions& options = {});

/// Every function name Nomad defines, sorted (for documentation and did-you-mean).
std::vector<std::string> nomad_function_names();

/// JSON text to the value jsondecode gives (objects, tuples, exact numbers), or nullopt
/// with Go's encoding/json wording in `error`. For JSON variable files.
std::optional<Value> decode_json(std::string_view text, std::string& error);

}  // namespace hjob::cty
