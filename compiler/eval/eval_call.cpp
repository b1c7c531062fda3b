// Function calls (hclsyntax's FunctionCallExpr): lookup through the scope chain, `...`
// expansion of the last argument, conversion to parameter types, and HCL's diagnostics
// for every way a call can fail.
#include "evaluator.hpp"
#include "type_expr.hpp"

namespace hjob::eval {

using namespace syntax;
using cty::Value;

namespace {

/// The function named `name` in the nearest scope that has functions; `any_table` says
/// whether some scope had a function table at all.
const cty::Function* find_function(const EvalContext* ctx, std::string_view name, bool& any_table) {
    any_table = false;
    for (const EvalContext* c = ctx; c != nullptr; c = c->parent()) {
        if (c->functions() == nullptr) continue;
        any_table = true;
        const auto it = c->functions()->find(name);
        if (it != c->functions()->end()) return &it->second;
    }
    return nullptr;
}

}  // namespace

Value Evaluator::call(const FunctionCallExpr& e, const EvalContext* ctx, Diagnostics& out) {
    Diagnostics diags;  // this node's own, for the has-errors test before the call
    const Value v = call_local(e, ctx, diags);
    out.insert(out.end(), diags.begin(), diags.end());
    return v;
}

Value Evaluator::call_local(const FunctionCallExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    bool any_table = false;
    const cty::Function* fn = find_function(ctx, e.name, any_table);
    if (fn == nullptr) {
        if (!any_table) {
            error(diags, "functions-not-allowed", "Function calls not allowed", "Functions may not be called here.", e.range);
            return Value();
        }
        std::vector<std::string> names;  // HCL suggests from the innermost scope's table only
        if (ctx != nullptr && ctx->functions() != nullptr)
            for (const auto& entry : *ctx->functions()) names.push_back(entry.first);
        error(diags, "unknown-function", "Call to unknown function",
              "There is no function named " + quoted(e.name) + "." + did_you_mean(e.name, std::move(names)), e.name_range, e.range);
        return Value();
    }
    std::vector<CallArg> args;
    for (const Expr* a : e.args) args.push_back(CallArg{a, std::nullopt});
    if (e.expand_final && !args.empty()) {
        const Expr* last = args.back().expr;
        args.pop_back();
        Diagnostics expand_diags;
        const Value list = eval(*last, ctx, expand_diags);
        diags.insert(diags.end(), expand_diags.begin(), expand_diags.end());
        if (has_errors(expand_diags)) return Value();
        const cty::Type& t = list.type();
        const bool sequence = t.is_tuple() || t.is_list() || t.is_set();
        if (!sequence && !t.is_dynamic()) {
            error(diags, "invalid-expansion", "Invalid expanding argument value",
                  "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", last->range, e.range);
            return Value();
        }
        if (list.is_null()) {
            error(diags, "invalid-expansion", "Invalid expanding argument value",
                  "The expanding argument (indicated by ...) must not be null.", last->range, e.range);
            return Value();
        }
        if (t.is_dynamic() || !list.is_known()) return Value();
        for (const Value& item : list.elements()) args.push_back(CallArg{last, item});
    }
    const std::size_t nparams = fn->params.size();
    if (args.size() < nparams) {
        error(diags, "missing-argument", "Not enough function arguments",
              "Function " + quoted(e.name) + " expects" + (fn->var_param ? " at least " : " ") + std::to_string(nparams) +
                  " argument(s). Missing value for " + quoted(fn->params[args.size()].name) + ".",
              e.close_paren, e.range);
        return Value();
    }
    if (!fn->var_param && args.size() > nparams) {
        error(diags, "extra-argument", "Too many function arguments",
              "Function " + quoted(e.name) + " expects only " + std::to_string(nparams) + " argument(s).", args[nparams].expr->range, e.range);
        return Value();
    }
    if (fn->lazy_impl) return lazy_call(e, *fn, args, ctx, diags);
    std::vector<Value> values;
    for (std::size_t i = 0; i < args.size(); ++i) values.push_back(argument_value(e, *fn->param_for(i), args[i], ctx, diags));
    if (has_errors(diags)) return Value();
    const cty::CallResult r = fn->call(values);
    if (!r.ok()) return call_failed(e, *fn, args, *r.error, diags);
    return r.value;
}

Value Evaluator::argument_value(const FunctionCallExpr& e, const cty::Parameter& p, const CallArg& arg, const EvalContext* ctx, Diagnostics& diags) {
    const Value given = arg.value ? *arg.value : eval(*arg.expr, ctx, diags);
    const cty::Converted c = cty::convert(given, p.type);
    if (c.ok()) return c.value;
    error(diags, "invalid-argument", "Invalid function argument", "Invalid value for " + quoted(p.name) + " parameter: " + c.error + ".",
          arg.expr->range, e.range);
    return given;
}

// Functions such as can, try and convert see some arguments unevaluated: as expressions
// they evaluate themselves (in this call's scope), or as type constraints.
Value Evaluator::lazy_call(const FunctionCallExpr& e, const cty::Function& fn, const std::vector<CallArg>& args, const EvalContext* ctx, Diagnostics& diags) {
    std::vector<cty::LazyArgument> lazy(args.size());
    for (std::size_t i = 0; i < args.size(); ++i) {
        const cty::Parameter& p = *fn.param_for(i);
        const CallArg& arg = args[i];
        if (p.form == cty::ArgumentForm::value) {
            lazy[i].value = argument_value(e, p, arg, ctx, diags);
        } else if (p.form == cty::ArgumentForm::type) {
            lazy[i].type = type_constraint(*arg.expr, file_, diags);
        } else if (arg.value) {
            lazy[i].evaluate = [v = *arg.value] { return cty::LazyArgument::Outcome{v, {}}; };
        } else {
            lazy[i].evaluate = [this, ctx, expr = arg.expr] {
                cty::LazyArgument::Outcome o;
                o.value = eval(*expr, ctx, o.diagnostics);
                return o;
            };
        }
    }
    if (has_errors(diags)) return Value();
    const cty::CallResult r = fn.lazy_impl(lazy);
    if (!r.ok()) return call_failed(e, fn, args, *r.error, diags);
    return r.value;
}

Value Evaluator::call_failed(const FunctionCallExpr& e, const cty::Function& fn, const std::vector<CallArg>& args, const cty::FunctionError& err, Diagnostics& diags) {
    const int i = err.argument;
    const cty::Parameter* p = i >= 0 ? fn.param_for(static_cast<std::size_t>(i)) : nullptr;
    if (p != nullptr && static_cast<std::size_t>(i) < args.size())
        error(diags, "invalid-argument", "Invalid function argument", "Invalid value for " + quoted(p->name) + " parameter: " + err.message + ".",
              args[static_cast<std::size_t>(i)].expr->range, e.range);
    else if (p != nullptr)
        error(diags, "invalid-argument", "Invalid function argument", "Invalid value for " + quoted(p->name) + " parameter: " + err.message + ".", e.range);
    else
        error(diags, "call-failed", "Error in function call", "Call to function " + quoted(e.name) + " failed: " + err.message + ".",
              between(e.name_range, e.open_paren), e.range);
    return Value();
}

}  // namespace hjob::eval
