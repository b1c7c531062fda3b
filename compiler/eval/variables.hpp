// Job variables and locals (Nomad's jobspec2 types.variables.go and types.config.go):
// `variable` and `variables` blocks, `locals`, and the values given from outside the file
// (-var, -var-file, NOMAD_VAR_*), combined into the root scope every other expression of
// the job file is evaluated in.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/syntax.hpp"
#include "stdlib/function.hpp"

namespace hjob::eval {

/// Values given from outside the job file. Precedence, lowest first, as Nomad applies it:
/// the declaration's default < `environment` < `var_files` (in order) < `vars` (in order).
struct VariableInputs {
    /// `-var` / `--var` arguments, each "name=value", in command-line order.
    std::vector<std::string> vars;
    /// `-var-file` paths, in command-line order; a name ending in ".json" is read as JSON,
    /// anything else as HCL. Each may only assign declared variables.
    std::vector<std::string> var_files;
    /// The process environment as "NAME=value" entries (the CLI passes `environ`); only
    /// NOMAD_VAR_<name> entries for declared variables are used, others are ignored.
    std::vector<std::string> environment;
};

/// One declared variable as it ended up.
struct VariableInfo {
    std::string name;
    std::optional<cty::Type> type;  ///< declared, else the default's type; nullopt: untyped
    std::string description;
    bool sensitive = false;  ///< hjob extension: renderers may mask the value
    cty::Value value;        ///< unknown when unset or invalid (an error was reported)
    std::string source;      ///< "default", "env", "varfile", "cmd", or "" when unset
    SourceRange declared;    ///< the `variable "name"` header or the `variables` attribute
};

/// The evaluation scope for a job file: `var` and `local` objects and the functions.
/// Diagnostics may point into `sources` (var files, -var values): keep the RootScope alive
/// while they are rendered.
struct RootScope {
    EvalContext context;
    std::vector<VariableInfo> variables;      ///< sorted by name
    std::map<std::string, cty::Value> locals;
    std::vector<std::unique_ptr<SourceFile>> sources;
    std::vector<syntax::SyntaxTree> trees;    ///< parsed var files and -var values
};

/// Reads the `variable`, `variables` and `locals` blocks at the top level of `tree` (other
/// blocks are left to the binder), applies `inputs`, runs validation rules and evaluates
/// locals in dependency order. Every problem is appended to `diags`; a variable or local
/// that failed is unknown in the scope, so later expressions do not cascade into more
/// errors. `functions` must outlive the returned scope.
RootScope build_root_scope(const syntax::SyntaxTree& tree, const VariableInputs& inputs, const cty::FunctionTable& functions,
                           Diagnostics& diags);

}  // namespace hjob::eval
