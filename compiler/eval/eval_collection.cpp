// Tuple and object constructors, including object keys: a bare identifier key is its
// own name, a bare multi-step traversal is ambiguous (hclsyntax's ObjectConsKeyExpr).
#include "evaluator.hpp"
#include "type_expr.hpp"

namespace hjob::eval {

using namespace syntax;
using cty::Value;

Value Evaluator::tuple(const TupleConsExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    std::vector<Value> items;
    items.reserve(e.items.size());
    for (const Expr* item : e.items) items.push_back(eval(*item, ctx, diags));
    return Value::tuple(std::move(items));
}


Value Evaluator::object_key(const ObjectConsKeyExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    if (!e.force_non_literal) {
        if (e.wrapped->kind == ExprKind::ScopeTraversal && !static_cast<const ScopeTraversalExpr&>(*e.wrapped).steps.empty()) {
            error(diags, "ambiguous-key", "Ambiguous attribute key",
                  "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.",
                  e.wrapped->range);
            return Value();
        }
        const std::string_view name = expr_keyword(*e.wrapped);
        if (!name.empty()) return Value::string(name);
    }
    return eval(*e.wrapped, ctx, diags);
}

Value Evaluator::object(const ObjectConsExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    cty::Attributes items;
    bool known = true;  // false once a key is missing: the object's type is then unknown
    for (const ObjectItem& item : e.items) {
        Diagnostics key_diags;
        const Value key = object_key(*item.key, ctx, key_diags);
        const bool key_failed = has_errors(key_diags);
        diags.insert(diags.end(), key_diags.begin(), key_diags.end());
        const Value val = eval(*item.value, ctx, diags);
        if (key_failed) {
            known = false;
            continue;
        }
        if (key.is_null()) {
            error(diags, "null-key", "Null value as key", "Can't use a null value as a key.", item.value->range);
            known = false;
            continue;
        }
        const cty::Converted k = cty::convert(key, cty::Type::string());
        if (!k.ok()) {
            error(diags, "invalid-key", "Incorrect key type", "Can't use this value as a key: " + k.error + ".", item.key->range);
            known = false;
            continue;
        }
        if (!k.value.is_known()) {
            known = false;
            continue;
        }
        items.emplace_back(k.value.as_string(), val);
    }
    return known ? Value::object(std::move(items)) : Value();
}

}  // namespace hjob::eval
