// `for` expressions (hclsyntax's ForExpr): a child scope per element, the `if` filter,
// object results with duplicate-key errors or `...` grouping.
#include "evaluator.hpp"

#include <map>

namespace hjob::eval {

using namespace syntax;
using cty::Value;

namespace {

/// The (key, value) pairs a collection iterates as: index or key, and element.
std::vector<std::pair<Value, Value>> iteration_pairs(const Value& coll) {
    std::vector<std::pair<Value, Value>> out;
    const cty::Type& t = coll.type();
    if (t.is_map() || t.is_object()) {
        for (const auto& [k, v] : coll.attributes()) out.emplace_back(Value::string(k), v);
    } else if (t.is_set()) {
        for (const auto& v : coll.elements()) out.emplace_back(v, v);
    } else {
        for (std::size_t i = 0; i < coll.elements().size(); ++i)
            out.emplace_back(Value::number(static_cast<std::int64_t>(i)), coll.elements()[i]);
    }
    return out;
}

bool iterable(const cty::Type& t) { return t.is_collection() || t.is_tuple() || t.is_object(); }

}  // namespace

namespace {

struct ForScope {
    EvalContext ctx;
    ForScope(const EvalContext* parent, const ForExpr& e, Value key, Value value) : ctx(parent) {
        if (!e.key_var.empty()) ctx.set_variable(std::string(e.key_var), std::move(key));
        ctx.set_variable(std::string(e.value_var), std::move(value));
    }
};

}  // namespace

Value Evaluator::for_expr(const ForExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    const Value coll = eval(*e.collection, ctx, diags);
    if (coll.is_null()) {
        error(diags, "for-null", "Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.",
              e.collection->range, e.range);
        return Value();
    }
    if (coll.type().is_dynamic()) return Value();
    if (!iterable(coll.type())) {
        error(diags, "for-not-iterable", "Iteration over non-iterable value",
              "A value of type " + coll.type().friendly_name() + " cannot be used as the collection in a 'for' expression.",
              e.collection->range, e.range);
        return Value();
    }
    if (!coll.is_known()) return Value();
    if (e.condition != nullptr) {
        // An early check with unknown iteration values catches a wrong-typed condition once
        // instead of once per element.
        ForScope scope(ctx, e, Value(), Value());
        Diagnostics cond_diags;
        const Value r = eval(*e.condition, &scope.ctx, cond_diags);
        diags.insert(diags.end(), cond_diags.begin(), cond_diags.end());
        if (r.is_null()) {
            error(diags, "for-condition", "Condition is null", "The value of the 'if' clause must not be null.", e.condition->range, e.range);
            return Value();
        }
        const cty::Converted b = cty::convert(r, cty::Type::boolean());
        if (!b.ok()) {
            error(diags, "for-condition", "Invalid 'for' condition", "The 'if' clause value is invalid: " + b.error + ".",
                  e.condition->range, e.range);
            return Value();
        }
        if (has_errors(cond_diags)) return Value();
    }
    const auto pairs = iteration_pairs(coll);
    bool known = true;
    std::vector<Value> tuple_items;
    cty::Attributes object_items;
    std::map<std::string, std::vector<Value>> groups;
    std::map<std::string, bool> seen;
    for (const auto& [k, v] : pairs) {
        ForScope scope(ctx, e, k, v);
        if (e.condition != nullptr) {
            const Value inc = eval(*e.condition, &scope.ctx, diags);
            if (inc.is_null()) {
                if (known) error(diags, "for-condition", "Invalid 'for' condition", "The value of the 'if' clause must not be null.", e.condition->range, e.range);
                known = false;
                continue;
            }
            if (e.key_expr == nullptr && !inc.is_known()) {
                known = false;
                continue;
            }
            const cty::Converted b = cty::convert(inc, cty::Type::boolean());
            if (!b.ok()) {
                if (known) error(diags, "for-condition", "Invalid 'for' condition", "The 'if' clause value is invalid: " + b.error + ".", e.condition->range, e.range);
                known = false;
                continue;
            }
            if (!b.value.is_known()) {
                known = false;
                continue;
            }
            if (!b.value.as_bool()) continue;
        }
        if (e.key_expr == nullptr) {
            tuple_items.push_back(eval(*e.value_expr, &scope.ctx, diags));
            continue;
        }
        const Value key_raw = eval(*e.key_expr, &scope.ctx, diags);
        if (key_raw.is_null()) {
            if (known) error(diags, "for-key", "Invalid object key", "Key expression in 'for' expression must not produce a null value.", e.key_expr->range, e.range);
            known = false;
            continue;
        }
        if (!key_raw.is_known()) {
            known = false;
            continue;
        }
        const cty::Converted key = cty::convert(key_raw, cty::Type::string());
        if (!key.ok()) {
            if (known) error(diags, "for-key", "Invalid object key", "The key expression produced an invalid result: " + key.error + ".", e.key_expr->range, e.range);
            known = false;
            continue;
        }
        const Value val = eval(*e.value_expr, &scope.ctx, diags);
        const std::string& ks = key.value.as_string();
        if (e.group) {
            groups[ks].push_back(val);
        } else if (seen[ks]) {
            error(diags, "for-duplicate-key", "Duplicate object key",
                  "Two different items produced the key " + quoted(ks) + " in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.",
                  e.key_expr->range, e.range);
        } else {
            seen[ks] = true;
            object_items.emplace_back(ks, val);
        }
    }
    if (!known) return Value();
    if (e.key_expr == nullptr) return Value::tuple(std::move(tuple_items));
    for (auto& [k, vals] : groups) object_items.emplace_back(k, Value::tuple(std::move(vals)));
    return Value::object(std::move(object_items));
}

}  // namespace hjob::eval
