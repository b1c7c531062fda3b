// Values from outside the job file, in Nomad's order (collectInputVariableValues):
// NOMAD_VAR_<name> environment entries, then -var-file files, then -var arguments. Values
// given as text are taken literally as strings when the variable is untyped, a string or
// a number, and parsed as an HCL expression otherwise.
#include <fstream>
#include <sstream>

#include "evaluator.hpp"
#include "grammar/parser.hpp"
#include "variables_impl.hpp"

namespace hjob::eval::vars {

using namespace syntax;

namespace {

const SourceFile& add_source(RootScope& scope, std::string name, std::string text) {
    scope.sources.push_back(std::make_unique<SourceFile>(std::move(name), std::move(text)));
    return *scope.sources.back();
}

// jobspec2's expressionFromVariableDefinition plus the conversion its callers apply.
// There is no expression entry point in the parser, so the text is parsed as the
// parenthesised value of an attribute on the line below `x = (`: its columns stay right.
std::optional<Assignment> text_value(const std::string& origin, const std::string& name, const std::string& text,
                                     const Variable& v, RootScope& scope, Diagnostics& diags) {
    const bool literal = !v.type || *v.type == cty::Type::string() || *v.type == cty::Type::number();
    const std::string file_name = "<value for var." + name + " from " + origin + ">";
    cty::Value value;
    SourceRange where;
    if (literal) {
        const SourceFile& f = add_source(scope, file_name, text);
        value = cty::Value::string(text);
        where = SourceRange{&f, Range{0, static_cast<std::uint32_t>(text.size())}};
    } else {
        const SourceFile& f = add_source(scope, file_name, "x = (\n" + text + "\n)\n");
        SyntaxTree tree = parse_config(f);
        const bool parsed = !has_errors(tree.diagnostics) && tree.body->attributes.size() == 1;
        diags.insert(diags.end(), tree.diagnostics.begin(), tree.diagnostics.end());
        if (!parsed) return std::nullopt;
        const Expr* expr = tree.body->attributes[0].expr;
        if (expr->kind == ExprKind::Parentheses) expr = static_cast<const ParenthesesExpr*>(expr)->inner;
        Evaluated r = evaluate(*expr, f, nullptr);
        diags.insert(diags.end(), r.diagnostics.begin(), r.diagnostics.end());
        value = r.value;
        where = SourceRange{&f, expr->range};
        scope.trees.push_back(std::move(tree));
    }
    if (v.type) {
        const cty::Converted c = cty::convert(value, *v.type);
        if (!c.ok()) {
            if (origin == "arguments")
                error(diags, "variables/invalid-value", "Invalid argument value for -var variable",
                      "The received arg value for " + name + " is not compatible with the variable's type constraint: " + c.error + ".", where);
            else
                error(diags, "variables/invalid-value", "Invalid value for variable",
                      "The value for " + name + " is not compatible with the variable's type constraint: " + c.error + ".", where);
        }
        value = c.ok() ? c.value : cty::Value();
    }
    return Assignment{origin == "arguments" ? "cmd" : "env", value, where};
}

void environment(const VariableInputs& inputs, Variables& vars, RootScope& scope, Diagnostics& diags) {
    const std::string prefix = "NOMAD_VAR_";
    for (const std::string& entry : inputs.environment) {
        if (entry.rfind(prefix, 0) != 0) continue;
        const auto eq = entry.find('=');
        if (eq == std::string::npos) continue;
        const std::string name = entry.substr(prefix.size(), eq - prefix.size());
        const auto it = vars.find(name);
        if (it == vars.end()) continue;  // undeclared NOMAD_VAR_ entries are ignored, as Nomad does
        if (auto a = text_value("env", name, entry.substr(eq + 1), it->second, scope, diags)) it->second.values.push_back(*a);
    }
}

void arguments(const VariableInputs& inputs, Variables& vars, RootScope& scope, Diagnostics& diags) {
    for (const std::string& arg : inputs.vars) {
        const auto eq = arg.find('=');
        const SourceFile& f = add_source(scope, "<-var argument>", arg);
        const std::string name = arg.substr(0, eq);
        if (eq == std::string::npos || name.empty()) {
            error(diags, "variables/invalid-var-option", "Invalid -var option",
                  "The given -var option " + quoted(arg) + " is not correctly specified. It must be a variable name and value separated by an equals sign, like --var key=value.",
                  SourceRange{&f, Range{0, static_cast<std::uint32_t>(arg.size())}});
            continue;
        }
        const auto it = vars.find(name);
        if (it == vars.end()) {
            std::vector<std::string> names;
            for (const auto& [n, v] : vars) names.push_back(n);
            error(diags, "variables/undeclared", "Undefined -var variable",
                  "A " + quoted(name) + " variable was passed in the command line but was not found in known variables. To declare variable " +
                      quoted(name) + ", place this block in your job file." + did_you_mean(name, names),
                  SourceRange{&f, Range{0, static_cast<std::uint32_t>(eq)}});
            continue;
        }
        if (auto a = text_value("arguments", name, arg.substr(eq + 1), it->second, scope, diags)) it->second.values.push_back(*a);
    }
}

}  // namespace

void read_var_file(const std::string& path, Variables& vars, RootScope& scope, Diagnostics& diags);

void collect_inputs(const VariableInputs& inputs, Variables& vars, RootScope& scope, Diagnostics& diags) {
    environment(inputs, vars, scope, diags);
    for (const std::string& path : inputs.var_files) read_var_file(path, vars, scope, diags);
    arguments(inputs, vars, scope, diags);
}

}  // namespace hjob::eval::vars
