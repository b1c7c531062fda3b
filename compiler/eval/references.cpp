// A walk over the expression tree that collects free scope traversals.
#include "references.hpp"

#include <algorithm>
#include <string_view>

namespace hjob::eval {

using namespace syntax;

namespace {

class Walker {
public:
    std::vector<const ScopeTraversalExpr*> found;

    void walk(const Expr* e) {
        if (e == nullptr || depth_ > 1024) return;  // the parser bounds nesting; this is a backstop
        ++depth_;
        visit(*e);
        --depth_;
    }

private:
    void visit(const Expr& e) {
        switch (e.kind) {
        case ExprKind::LiteralValue: case ExprKind::AnonSymbol: return;
        case ExprKind::Template: for (const Expr* p : static_cast<const TemplateExpr&>(e).parts) walk(p); return;
        case ExprKind::TemplateWrap: return walk(static_cast<const TemplateWrapExpr&>(e).wrapped);
        case ExprKind::TemplateJoin: return walk(static_cast<const TemplateJoinExpr&>(e).tuple);
        case ExprKind::TupleCons: for (const Expr* p : static_cast<const TupleConsExpr&>(e).items) walk(p); return;
        case ExprKind::ObjectCons:
            for (const ObjectItem& item : static_cast<const ObjectConsExpr&>(e).items) {
                walk(item.key);
                walk(item.value);
            }
            return;
        case ExprKind::ObjectConsKey: {
            const auto& k = static_cast<const ObjectConsKeyExpr&>(e);
            // A bare identifier key names the attribute; it is not a reference.
            if (k.force_non_literal || k.wrapped->kind != ExprKind::ScopeTraversal ||
                !static_cast<const ScopeTraversalExpr*>(k.wrapped)->steps.empty())
                walk(k.wrapped);
            return;
        }
        case ExprKind::ScopeTraversal: return traversal(static_cast<const ScopeTraversalExpr&>(e));
        case ExprKind::RelativeTraversal: return walk(static_cast<const RelativeTraversalExpr&>(e).source);
        case ExprKind::FunctionCall: for (const Expr* p : static_cast<const FunctionCallExpr&>(e).args) walk(p); return;
        case ExprKind::Conditional: {
            const auto& c = static_cast<const ConditionalExpr&>(e);
            walk(c.condition);
            walk(c.true_result);
            walk(c.false_result);
            return;
        }
        case ExprKind::BinaryOp: {
            const auto& b = static_cast<const BinaryOpExpr&>(e);
            walk(b.lhs);
            walk(b.rhs);
            return;
        }
        case ExprKind::UnaryOp: return walk(static_cast<const UnaryOpExpr&>(e).operand);
        case ExprKind::For: return for_expr(static_cast<const ForExpr&>(e));
        case ExprKind::Index: {
            const auto& i = static_cast<const IndexExpr&>(e);
            walk(i.collection);
            walk(i.key);
            return;
        }
        case ExprKind::Splat: {
            const auto& s = static_cast<const SplatExpr&>(e);
            walk(s.source);
            walk(s.each);
            return;
        }
        case ExprKind::Parentheses: return walk(static_cast<const ParenthesesExpr&>(e).inner);
        }
    }

    void traversal(const ScopeTraversalExpr& t) {
        if (std::find(bound_.begin(), bound_.end(), t.root) == bound_.end()) found.push_back(&t);
    }

    void for_expr(const ForExpr& f) {
        walk(f.collection);  // evaluated outside the iteration scope
        const std::size_t mark = bound_.size();
        if (!f.key_var.empty()) bound_.push_back(f.key_var);
        bound_.push_back(f.value_var);
        walk(f.key_expr);
        walk(f.value_expr);
        walk(f.condition);
        bound_.resize(mark);
    }

    std::vector<std::string_view> bound_;
    int depth_ = 0;
};

}  // namespace

std::vector<const ScopeTraversalExpr*> free_traversals(const Expr& expr) {
    Walker w;
    w.walk(&expr);
    return std::move(w.found);
}

}  // namespace hjob::eval
