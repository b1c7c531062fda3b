// References and traversals: variable lookup through the scope chain (hcl.Traversal's
// TraverseAbs), relative traversals, and the index expression.
#include "evaluator.hpp"

namespace hjob::eval {

using namespace syntax;
using cty::Value;

Value Evaluator::apply_steps(Value v, std::span<const Step> steps, Diagnostics& diags) {
    for (const Step& step : steps) {
        Diagnostics step_diags;
        if (step.kind == StepKind::attr) v = get_attr(v, step.name, step.range, step_diags);
        else v = index_value(v, step.key ? literal(*step.key, step_diags) : Value(), step.range, step_diags);
        const bool failed = has_errors(step_diags);
        diags.insert(diags.end(), step_diags.begin(), step_diags.end());
        if (failed) return Value();
    }
    return v;
}

Value Evaluator::scope_traversal(const ScopeTraversalExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    bool any_variables = false;
    for (const EvalContext* c = ctx; c != nullptr; c = c->parent()) {
        if (!c->has_variables()) continue;
        any_variables = true;
        if (const Value* v = c->own_variable(e.root)) return apply_steps(*v, e.steps, diags);
    }
    if (!any_variables) {
        error(diags, "variables-not-allowed", "Variables not allowed", "Variables may not be used here.", e.root_range);
        return Value();
    }
    std::vector<std::string> names;
    for (const EvalContext* c = ctx; c != nullptr; c = c->parent())
        for (auto& n : c->own_variable_names()) names.push_back(std::move(n));
    error(diags, "unknown-variable", "Unknown variable",
          "There is no variable named " + quoted(e.root) + "." + did_you_mean(e.root, std::move(names)), e.root_range);
    return Value();
}

Value Evaluator::relative_traversal(const RelativeTraversalExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    const Value src = eval(*e.source, ctx, diags);
    return apply_steps(src, e.steps, diags);
}

Value Evaluator::index(const IndexExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    const Value coll = eval(*e.collection, ctx, diags);
    const Value key = eval(*e.key, ctx, diags);
    return index_value(coll, key, e.bracket_range, diags);
}

}  // namespace hjob::eval
