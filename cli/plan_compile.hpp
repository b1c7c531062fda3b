// Compiling a job file for plan and apply: parse, variables (--var, --var-file, NOMAD_VAR_),
// bind and validate, as `hjob check` does; diagnostics on standard error.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir.hpp"

namespace hjob::cli {

struct CompiledJob {
    ir::Job job;
    std::string path;    ///< as given on the command line
    std::string source;  ///< the file's text
    /// Variables set from outside the file (flag, var file, environment): name -> value as
    /// text, or "(sensitive value)" for sensitive ones. Recorded with the version.
    std::map<std::string, std::string> variables;
    /// The values of the variables declared sensitive, for masking what is printed (sensitive.hpp).
    std::vector<std::string> sensitive = {};
};

/// Compiles `path`. On errors prints the diagnostics (human form, with colour on a terminal)
/// or an I/O message prefixed "hjob COMMAND:" and returns nullopt; warnings are printed and
/// do not stop.
std::optional<CompiledJob> compile_job_file(const std::string& command, const std::string& path,
                                            const std::vector<std::string>& vars,
                                            const std::vector<std::string>& var_files);

/// sha256 of the job's canonical IR JSON: equal specs, equal hash.
std::string spec_hash(const ir::Job& job);

}  // namespace hjob::cli
