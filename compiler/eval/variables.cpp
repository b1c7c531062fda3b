// build_root_scope: declarations, then inputs, then final values with their validation
// rules, then locals; plus the helpers the variables files share.
#include "variables.hpp"

#include <algorithm>

#include "evaluator.hpp"
#include "grammar/unicode.hpp"
#include "stdlib/functions.hpp"
#include "variables_impl.hpp"

namespace hjob::eval {

namespace vars {

using namespace syntax;

void error(Diagnostics& diags, std::string code, std::string summary, std::string detail, SourceRange subject, SourceRange context) {
    Diagnostic d;
    d.code = std::move(code);
    d.summary = std::move(summary);
    d.detail = std::move(detail);
    d.subject = subject;
    d.context = context;
    diags.push_back(std::move(d));
}

bool valid_identifier(std::string_view name) {
    const char* b = name.data();
    const char* e = b + name.size();
    return !name.empty() && unicode::ident_end(b, e) == e;
}

namespace {

std::optional<cty::Value> decode(const Expr& expr, const SourceFile& f, const cty::Type& want, Diagnostics& diags) {
    Evaluated r = evaluate(expr, f, nullptr);
    diags.insert(diags.end(), r.diagnostics.begin(), r.diagnostics.end());
    if (has_errors(r.diagnostics)) return std::nullopt;
    const cty::Converted c = cty::convert(r.value, want);
    if (!c.ok() || c.value.is_null() || !c.value.is_known()) {
        error(diags, "variables/unsuitable-value", "Unsuitable value type",
              "Unsuitable value: " + (c.ok() ? std::string("value must be known and not null") : c.error), SourceRange{&f, expr.range});
        return std::nullopt;
    }
    return c.value;
}

std::string range_string(const SourceRange& r) {
    if (r.file == nullptr) return "";
    const Position b = r.file->position(r.range.begin), e = r.file->position(r.range.end);
    std::string s = r.file->name() + ":" + std::to_string(b.line) + "," + std::to_string(b.column) + "-";
    if (b.line != e.line) s += std::to_string(e.line) + ",";
    return s + std::to_string(e.column);
}

// jobspec2's validateValue: each rule sees only `var.<name>`, and the functions with the
// filesystem family disabled.
void validate(const Variable& v, const Assignment& a, Diagnostics& diags) {
    if (v.validations.empty()) return;
    EvalContext ctx;
    ctx.set_variable("var", cty::Value::object({{v.name, a.value}}));
    ctx.set_functions(&cty::nomad_functions(cty::FunctionOptions{"", false}));
    for (const Validation& rule : v.validations) {
        if (rule.condition == nullptr || !rule.valid) continue;  // reported when declared
        Diagnostics cond_diags;
        const cty::Value result = evaluate(*rule.condition, *rule.declared.file, &ctx, cond_diags);
        diags.insert(diags.end(), cond_diags.begin(), cond_diags.end());
        const SourceRange cond{rule.declared.file, rule.condition->range};
        if (has_errors(cond_diags) || !result.is_known()) continue;
        if (result.is_null()) {
            error(diags, "variables/invalid-validation-result", "Invalid variable validation result",
                  "Validation condition expression must return either true or false, not null.", cond);
            continue;
        }
        const cty::Converted b = cty::convert(result, cty::Type::boolean());
        if (!b.ok()) {
            error(diags, "variables/invalid-validation-result", "Invalid variable validation result",
                  "Invalid validation condition result value: " + b.error + ".", cond);
            continue;
        }
        if (!b.value.as_bool())
            error(diags, "variables/validation-failed", "Invalid value for " + a.from + " variable",
                  rule.error_message + "\n\nThis was checked by the validation rule at " + range_string(rule.declared) + ".",
                  a.where.file != nullptr ? a.where : rule.declared);
    }
}

}  // namespace

std::optional<std::string> decode_string(const Expr& expr, const SourceFile& f, Diagnostics& diags) {
    const auto v = decode(expr, f, cty::Type::string(), diags);
    return v ? std::optional<std::string>(v->as_string()) : std::nullopt;
}

std::optional<bool> decode_bool(const Expr& expr, const SourceFile& f, Diagnostics& diags) {
    const auto v = decode(expr, f, cty::Type::boolean(), diags);
    return v ? std::optional<bool>(v->as_bool()) : std::nullopt;
}

cty::Value final_value(const Variable& v, Diagnostics& diags) {
    if (v.values.empty()) {
        if (!v.broken)
            error(diags, "variables/unset", "Unset variable " + quoted(v.name),
                  "A used variable must be set or have a default value. Set it with --var " + v.name + "=VALUE, with the environment variable NOMAD_VAR_" +
                      v.name + ", or in a file given with --var-file (" + v.name + " = VALUE).",
                  v.declared);
        return cty::Value::unknown(v.type.value_or(cty::Type::dynamic()));
    }
    const Assignment& last = v.values.back();
    validate(v, last, diags);
    return last.value;
}

}  // namespace vars

RootScope build_root_scope(const syntax::SyntaxTree& tree, const VariableInputs& inputs, const cty::FunctionTable& functions,
                           Diagnostics& diags) {
    RootScope scope;
    scope.context.set_functions(&functions);
    vars::Variables declared;
    if (tree.file == nullptr || tree.body == nullptr) return scope;
    const SourceFile& file = *tree.file;
    vars::declare_variables(*tree.body, file, declared, diags);
    const std::vector<vars::Local> locals = vars::collect_locals(*tree.body, file, diags);
    vars::collect_inputs(inputs, declared, scope, diags);
    cty::Attributes values;
    for (const auto& [name, v] : declared) {
        VariableInfo info{name, v.type, v.description, v.sensitive, vars::final_value(v, diags), "", v.declared};
        if (!v.values.empty()) info.source = v.values.back().from;
        values.emplace_back(name, info.value);
        scope.variables.push_back(std::move(info));
    }
    scope.context.set_variable("var", cty::Value::object(std::move(values)));
    vars::evaluate_locals(locals, file, scope, diags);
    return scope;
}

}  // namespace hjob::eval
