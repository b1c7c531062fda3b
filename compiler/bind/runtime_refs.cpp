// Finds the runtime references of an expression and defines their roots (see runtime_refs.hpp).
#include "runtime_refs.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "literal.hpp"
#include "stdlib/value_unicode.hpp"
#include "values.hpp"

#include "bind.hpp"

namespace hjob::bind {

bool is_runtime_root(std::string_view root) {
    if (root.starts_with("NOMAD_")) return true;
    for (std::string_view known : {"node", "attr", "meta", "env", "device", "secret"})
        if (root == known) return true;
    // Upper-case names are task environment variables (CSI_ENDPOINT, PATH): Nomad leaves
    // them for the client too. Other roots are kept as well (jobspec2 keeps any unknown
    // root), but with a warning: they are usually typos of var or local.
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

/// What one walk of an expression finds: the runtime roots to define, and the traversals
/// whose root is no known runtime name (kept as text all the same, as Nomad does, but warned).
struct Found {
    std::map<std::string, Node> roots;
    std::vector<const ScopeTraversalExpr*> unknown;
    std::vector<std::string_view> bound;  ///< names of the enclosing for-expressions' iterators
};

bool is_bound(const Found& found, std::string_view name) {
    return std::find(found.bound.begin(), found.bound.end(), name) != found.bound.end();
}

void collect(const Expr* e, const SourceFile& file, const eval::EvalContext* parent, Found& found, int depth) {
    if (e == nullptr || depth > 512) return;
    if (e->kind == ExprKind::ScopeTraversal) {
        const auto& t = static_cast<const ScopeTraversalExpr&>(*e);
        if (t.root == "var" || t.root == "local" || is_bound(found, t.root) || defined_above(parent, t.root)) return;
        if (!is_runtime_root(t.root)) found.unknown.push_back(&t);
        Node* node = &found.roots[std::string(t.root)];
        for (const Step& step : t.steps) {
            if (step.kind == StepKind::attr) node = &node->children[std::string(step.name)];
            else if (step.key && step.key->type == LiteralType::string) node = &node->children[std::string(step.key->text)];
            else break;
        }
        node->text = "${" + std::string(file.slice(t.range)) + "}";
        return;
    }
    if (e->kind == ExprKind::For) {  // the iterators are bound inside, not runtime references
        const auto& f = static_cast<const ForExpr&>(*e);
        collect(f.collection, file, parent, found, depth + 1);
        const std::size_t mark = found.bound.size();
        if (!f.key_var.empty()) found.bound.push_back(f.key_var);
        found.bound.push_back(f.value_var);
        for (const Expr* x : {f.key_expr, f.value_expr, f.condition}) collect(x, file, parent, found, depth + 1);
        found.bound.resize(mark);
        return;
    }
    for_each_child(*e, [&](const Expr* child) { collect(child, file, parent, found, depth + 1); });
}

/// Nomad keeps any unknown root as "${...}" (jobspec2's UnknownVariable hook); a lower-case
/// one is more often a typo of var.x or local.x than a task environment name, so say so.
void warn_unknown(const ScopeTraversalExpr& t, const SourceFile& file, Diagnostics& diags) {
    Diagnostic d;
    d.severity = Severity::warning;
    d.code = "bind/unknown-runtime-root";
    d.summary = "Unknown variable kept for the runtime";
    d.detail = "There is no variable named " + go_quote(t.root) + ", so Nomad keeps \"${" + std::string(file.slice(t.range)) +
               "}\" as text for the client to interpolate when the task starts; the client leaves it unchanged unless the "
               "task environment has that name. Use var." + std::string(t.root) + " or local." + std::string(t.root) +
               " for a value of this file, or node, attr, meta or env for a node's.";
    d.subject = SourceRange{&file, t.root_range};
    diags.push_back(std::move(d));
}

cty::Value to_value(const Node& n) {
    if (n.children.empty()) return cty::Value::string(n.text);
    cty::Attributes attrs;
    for (const auto& [name, child] : n.children) attrs.emplace_back(name, to_value(child));
    return cty::Value::object(std::move(attrs));
}

/// "${<traversal>}" for a runtime reference that runtime_text may take.
std::optional<std::string> reference_text(const Expr* e, const SourceFile& file, const eval::EvalContext* scope,
                                          std::string_view* root) {
    if (e == nullptr || e->kind != ExprKind::ScopeTraversal) return std::nullopt;
    const auto& t = static_cast<const ScopeTraversalExpr&>(*e);
    if (t.root == "var" || t.root == "local" || !is_runtime_root(t.root) || defined_above(scope, t.root))
        return std::nullopt;
    for (const Step& step : t.steps)
        if (step.kind != StepKind::attr) return std::nullopt;
    if (root != nullptr) *root = t.root;
    return "${" + std::string(file.slice(t.range)) + "}";
}

}  // namespace

std::optional<std::string> runtime_text(const Expr& expr, const SourceFile& file, const eval::EvalContext* scope,
                                        std::string_view* root) {
    if (expr.kind == ExprKind::TemplateWrap) {  // "${x}" alone is x's own value
        auto text = reference_text(static_cast<const TemplateWrapExpr&>(expr).wrapped, file, scope, root);
        if (!text) return std::nullopt;
        return cty::nfc_normalize(*text);
    }
    if (expr.kind != ExprKind::Template) return std::nullopt;
    std::string out;
    bool referenced = false;
    for (const Expr* part : static_cast<const TemplateExpr&>(expr).parts) {
        if (part->kind == ExprKind::LiteralValue && static_cast<const LiteralValueExpr*>(part)->type == LiteralType::string) {
            out += static_cast<const LiteralValueExpr*>(part)->text;
            continue;
        }
        // Two references could share a root ("${attr.a} ${attr.a.b}"), which evaluation
        // reports: leave those to it.
        auto text = referenced ? std::nullopt : reference_text(part, file, scope, root);
        if (!text) return std::nullopt;
        out += *text;
        referenced = true;
    }
    if (!referenced) return std::nullopt;
    return cty::nfc_normalize(out);  // the template's value is the NFC form of its concatenation
}

std::optional<std::vector<std::string>> runtime_texts(const Expr& expr, const SourceFile& file,
                                                      const eval::EvalContext* scope) {
    if (expr.kind != ExprKind::TupleCons) return std::nullopt;
    std::vector<std::string> out;
    std::vector<std::pair<std::string_view, std::size_t>> roots;  // root, index of its text in out
    for (const Expr* item : static_cast<const TupleConsExpr&>(expr).items) {
        if (const auto literal = literal_string(*item)) {
            out.push_back(cty::nfc_normalize(*literal));
            continue;
        }
        std::string_view root;
        auto text = runtime_text(*item, file, scope, &root);
        if (!text) return std::nullopt;
        for (const auto& [seen, at] : roots)
            if (seen == root && out[at] != *text) return std::nullopt;
        roots.emplace_back(root, out.size());
        out.push_back(std::move(*text));
    }
    return out;
}

bool add_runtime_references(const syntax::Expr& expr, const SourceFile& file, eval::EvalContext& scope, Diagnostics* diags) {
    Found found;
    collect(&expr, file, scope.parent(), found, 0);
    for (const auto& [name, node] : found.roots) scope.set_variable(name, to_value(node));
    if (diags != nullptr)
        for (const ScopeTraversalExpr* t : found.unknown) warn_unknown(*t, file, *diags);
    return !found.roots.empty();
}

}  // namespace hjob::bind::detail
