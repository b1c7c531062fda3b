// Finds the runtime references of an expression and defines their roots (see runtime_refs.hpp).
#include "runtime_refs.hpp"

#include <map>

#include "bind.hpp"

namespace hjob::bind {

bool is_runtime_root(std::string_view root) {
    if (root.starts_with("NOMAD_")) return true;
    for (std::string_view known : {"node", "attr", "meta", "env", "device", "secret"})
        if (root == known) return true;
    // Upper-case names are task environment variables (CSI_ENDPOINT, PATH): Nomad leaves
    // them for the client too. Lower-case unknown roots stay errors: they are usually typos
    // of var or local.
    bool upper = false;
    for (char c : root) {
        if (c >= 'a' && c <= 'z') return false;
        upper = upper || (c >= 'A' && c <= 'Z');
    }
    return upper;
}

}  // namespace hjob::bind

namespace hjob::bind::detail {

namespace {

using namespace syntax;

/// The tree of attribute names under one root, each leaf the text its traversal yields.
struct Node {
    std::string text;
    std::map<std::string, Node> children;
};

template <class F>
void for_each_child(const Expr& e, F each) {
    auto all = [&](std::span<Expr*> items) {
        for (Expr* x : items) each(x);
    };
    switch (e.kind) {
    case ExprKind::Template: return all(static_cast<const TemplateExpr&>(e).parts);
    case ExprKind::TemplateWrap: return each(static_cast<const TemplateWrapExpr&>(e).wrapped);
    case ExprKind::TemplateJoin: return each(static_cast<const TemplateJoinExpr&>(e).tuple);
    case ExprKind::TupleCons: return all(static_cast<const TupleConsExpr&>(e).items);
    case ExprKind::ObjectCons:
        for (const ObjectItem& item : static_cast<const ObjectConsExpr&>(e).items) {
            if (item.key->force_non_literal) each(item.key->wrapped);  // a bare key names itself
            each(item.value);
        }
        return;
    case ExprKind::ObjectConsKey: return each(static_cast<const ObjectConsKeyExpr&>(e).wrapped);
    case ExprKind::RelativeTraversal: return each(static_cast<const RelativeTraversalExpr&>(e).source);
    case ExprKind::FunctionCall: return all(static_cast<const FunctionCallExpr&>(e).args);
    case ExprKind::Conditional: {
        const auto& c = static_cast<const ConditionalExpr&>(e);
        each(c.condition), each(c.true_result), each(c.false_result);
        return;
    }
    case ExprKind::BinaryOp: {
        const auto& b = static_cast<const BinaryOpExpr&>(e);
        each(b.lhs), each(b.rhs);
        return;
    }
    case ExprKind::UnaryOp: return each(static_cast<const UnaryOpExpr&>(e).operand);
    case ExprKind::For: {
        const auto& f = static_cast<const ForExpr&>(e);
        each(f.collection), each(f.key_expr), each(f.value_expr), each(f.condition);
        return;
    }
    case ExprKind::Index: {
        const auto& i = static_cast<const IndexExpr&>(e);
        each(i.collection), each(i.key);
        return;
    }
    case ExprKind::Splat: {
        const auto& s = static_cast<const SplatExpr&>(e);
        each(s.source), each(s.each);
        return;
    }
    case ExprKind::Parentheses: return each(static_cast<const ParenthesesExpr&>(e).inner);
    default: return;
    }
}

bool defined_above(const eval::EvalContext* scope, std::string_view name) {
    for (; scope != nullptr; scope = scope->parent())
        if (scope->own_variable(name) != nullptr) return true;
    return false;
}

void collect(const Expr* e, const SourceFile& file, const eval::EvalContext* parent, std::map<std::string, Node>& roots,
             int depth) {
    if (e == nullptr || depth > 512) return;
    if (e->kind == ExprKind::ScopeTraversal) {
        const auto& t = static_cast<const ScopeTraversalExpr&>(*e);
        if (!is_runtime_root(t.root) || defined_above(parent, t.root)) return;
        Node* node = &roots[std::string(t.root)];
        for (const Step& step : t.steps) {
            if (step.kind == StepKind::attr) node = &node->children[std::string(step.name)];
            else if (step.key && step.key->type == LiteralType::string) node = &node->children[std::string(step.key->text)];
            else break;
        }
        node->text = "${" + std::string(file.slice(t.range)) + "}";
        return;
    }
    for_each_child(*e, [&](const Expr* child) { collect(child, file, parent, roots, depth + 1); });
}

cty::Value to_value(const Node& n) {
    if (n.children.empty()) return cty::Value::string(n.text);
    cty::Attributes attrs;
    for (const auto& [name, child] : n.children) attrs.emplace_back(name, to_value(child));
    return cty::Value::object(std::move(attrs));
}

}  // namespace

bool add_runtime_references(const syntax::Expr& expr, const SourceFile& file, eval::EvalContext& scope) {
    std::map<std::string, Node> roots;
    collect(&expr, file, scope.parent(), roots, 0);
    for (const auto& [name, node] : roots) scope.set_variable(name, to_value(node));
    return !roots.empty();
}

}  // namespace hjob::bind::detail
