// Internals of build_root_scope, shared by variables*.cpp and locals.cpp: the variables as
// declared and assigned, and the diagnostics helpers. Not part of the compiler's interface.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "variables.hpp"

namespace hjob::eval::vars {

/// One value a variable received, and where it came from (Nomad's VariableAssignment).
struct Assignment {
    std::string from;  ///< "default", "env", "varfile", "cmd"
    cty::Value value;
    SourceRange where;  ///< the expression that gave it
};

struct Validation {
    const syntax::Expr* condition = nullptr;
    std::string error_message;
    SourceRange declared;  ///< the `validation` block header
    bool valid = true;     ///< its condition refers only to its variable (else it is not run)
};

struct Variable {
    std::string name;
    std::optional<cty::Type> type;  ///< nullopt: Nomad's cty.NilType (no type, no default)
    std::string description;
    bool sensitive = false;
    bool broken = false;  ///< its declaration had errors: unknown, and no "Unset" error
    std::vector<Assignment> values;
    std::vector<Validation> validations;
    SourceRange declared;
};

using Variables = std::map<std::string, Variable, std::less<>>;

struct Local {
    std::string name;
    const syntax::Attribute* attr;
};

/// Appends an error diagnostic; `code` is a full code such as "variables/unset".
void error(Diagnostics& diags, std::string code, std::string summary, std::string detail, SourceRange subject,
           SourceRange context = {});

/// HCL's hclsyntax.ValidIdentifier.
bool valid_identifier(std::string_view name);

/// The value of `expr` in HCL's nil context, converted to string (gohcl.DecodeExpression
/// into a string field); nullopt after reporting why not.
std::optional<std::string> decode_string(const syntax::Expr& expr, const SourceFile& file, Diagnostics& diags);
std::optional<bool> decode_bool(const syntax::Expr& expr, const SourceFile& file, Diagnostics& diags);

/// The `variable` blocks and `variables` attributes of the file's top level.
void declare_variables(const syntax::Body& body, const SourceFile& file, Variables& out, Diagnostics& diags);
/// The attributes of every `locals` block, duplicates reported.
std::vector<Local> collect_locals(const syntax::Body& body, const SourceFile& file, Diagnostics& diags);
/// Appends the env, var-file and -var assignments in Nomad's order.
void collect_inputs(const VariableInputs& inputs, Variables& vars, RootScope& scope, Diagnostics& diags);
/// The last assignment's value after the validation rules ran on it; reports "Unset
/// variable" when there is none.
cty::Value final_value(const Variable& v, Diagnostics& diags);
/// Evaluates the locals in dependency order into scope.locals; cycles are reported.
void evaluate_locals(const std::vector<Local>& locals, const SourceFile& file, RootScope& scope, Diagnostics& diags);

}  // namespace hjob::eval::vars
