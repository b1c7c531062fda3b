// A walk over a body's expressions that stops at the first function call (calls.hpp).
#include "calls.hpp"

namespace hjob::eval {

using namespace syntax;

namespace {

bool any_call(const Expr* e, int depth);

bool any_call_in(std::span<Expr*> items, int depth) {
    for (const Expr* x : items)
        if (any_call(x, depth)) return true;
    return false;
}

bool any_call(const Expr* e, int depth) {
    if (e == nullptr) return false;
    if (depth > 1024) return true;  // the parser bounds nesting; past it, assume the worst
    const int d = depth + 1;
    switch (e->kind) {
    case ExprKind::FunctionCall: return true;
    case ExprKind::LiteralValue: case ExprKind::AnonSymbol: case ExprKind::ScopeTraversal: return false;
    case ExprKind::Template: return any_call_in(static_cast<const TemplateExpr*>(e)->parts, d);
    case ExprKind::TemplateWrap: return any_call(static_cast<const TemplateWrapExpr*>(e)->wrapped, d);
    case ExprKind::TemplateJoin: return any_call(static_cast<const TemplateJoinExpr*>(e)->tuple, d);
    case ExprKind::TupleCons: return any_call_in(static_cast<const TupleConsExpr*>(e)->items, d);
    case ExprKind::ObjectCons:
        for (const ObjectItem& item : static_cast<const ObjectConsExpr*>(e)->items)
            if (any_call(item.key, d) || any_call(item.value, d)) return true;
        return false;
    case ExprKind::ObjectConsKey: return any_call(static_cast<const ObjectConsKeyExpr*>(e)->wrapped, d);
    case ExprKind::RelativeTraversal: return any_call(static_cast<const RelativeTraversalExpr*>(e)->source, d);
    case ExprKind::Conditional: {
        const auto* c = static_cast<const ConditionalExpr*>(e);
        return any_call(c->condition, d) || any_call(c->true_result, d) || any_call(c->false_result, d);
    }
    case ExprKind::BinaryOp: {
        const auto* b = static_cast<const BinaryOpExpr*>(e);
        return any_call(b->lhs, d) || any_call(b->rhs, d);
    }
    case ExprKind::UnaryOp: return any_call(static_cast<const UnaryOpExpr*>(e)->operand, d);
    case ExprKind::For: {
        const auto* f = static_cast<const ForExpr*>(e);
        return any_call(f->collection, d) || any_call(f->key_expr, d) || any_call(f->value_expr, d) ||
               any_call(f->condition, d);
    }
    case ExprKind::Index: {
        const auto* i = static_cast<const IndexExpr*>(e);
        return any_call(i->collection, d) || any_call(i->key, d);
    }
    case ExprKind::Splat: {
        const auto* s = static_cast<const SplatExpr*>(e);
        return any_call(s->source, d) || any_call(s->each, d);
    }
    case ExprKind::Parentheses: return any_call(static_cast<const ParenthesesExpr*>(e)->inner, d);
    }
    return true;  // a node kind added later: assume it may call
}

bool any_call_in_body(const Body& body, int depth) {
    if (depth > 1024) return true;
    for (const Attribute& a : body.attributes)
        if (any_call(a.expr, 0)) return true;
    for (const Block& b : body.blocks)
        if (b.body != nullptr && any_call_in_body(*b.body, depth + 1)) return true;
    return false;
}

}  // namespace

bool calls_functions(const Body& body) { return any_call_in_body(body, 0); }

const cty::FunctionTable& functions_for(const SyntaxTree& tree, const cty::FunctionOptions& options) {
    static const cty::FunctionTable none;
    if (tree.body != nullptr && !calls_functions(*tree.body)) return none;
    return cty::nomad_functions(options);
}

}  // namespace hjob::eval
