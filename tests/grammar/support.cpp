// Implementation of the grammar test helpers.
#include "support.hpp"

#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

namespace hjob::test {

using namespace syntax;

namespace {

// Concatenation without `"literal" + std::string`, which GCC 12 wrongly warns about.
template <class... Parts>
std::string cat(const Parts&... parts) {
    std::string s;
    (s.append(std::string_view(parts)), ...);
    return s;
}

}  // namespace

Parsed parse(std::string_view text) {
    Parsed p;
    p.file = std::make_unique<SourceFile>("test.hcl", std::string(text));
    p.tree = parse_config(*p.file);
    return p;
}

std::string first_error(const Parsed& p) {
    if (p.tree.diagnostics.empty()) return "";
    const Diagnostic& d = p.tree.diagnostics.front();
    const Position pos = p.file->position(d.subject.range.begin);
    return cat(std::to_string(pos.line), ":", std::to_string(pos.column), " ", d.summary);
}

const Expr* first_expr(const Parsed& p) {
    if (p.tree.body == nullptr || p.tree.body->attributes.empty()) return nullptr;
    return p.tree.body->attributes.front().expr;
}

std::string_view src(const Parsed& p, const Expr* e) { return p.file->slice(e->range); }

namespace {

std::string show_steps(std::span<Step> steps) {
    std::string s;
    for (const Step& st : steps) s += st.kind == StepKind::attr ? cat(".", st.name) : cat("[", show(st.key), "]");
    return s;
}

std::string list(std::span<Expr*> items) {
    std::string s;
    for (const Expr* e : items) s += cat(" ", show(e));
    return s;
}

const char* op_name(BinaryOp op) {
    static const char* names[] = {"||", "&&", "==", "!=", ">", ">=", "<", "<=", "+", "-", "*", "/", "%"};
    return names[static_cast<int>(op)];
}

std::string show_for(const ForExpr* f) {
    std::string s = "(for ";
    if (!f->key_var.empty()) s += cat(f->key_var, ",");
    s += cat(f->value_var, " ", show(f->collection), " :");
    if (f->key_expr != nullptr) s += cat(" ", show(f->key_expr), " =>");
    s += cat(" ", show(f->value_expr));
    if (f->group) s += " ...";
    if (f->condition != nullptr) s += cat(" if ", show(f->condition));
    return s + ")";
}

std::string show_object(const ObjectConsExpr* o) {
    std::string s;
    for (const ObjectItem& i : o->items) {
        const std::string key = show(i.key->wrapped);
        s += cat(s.empty() ? "" : " ", i.key->force_non_literal ? cat("(", key, ")") : key, "=", show(i.value));
    }
    return cat("{", s, "}");
}

}  // namespace

std::string show(const Expr* e) {
    if (e == nullptr) return "<null>";
    switch (e->kind) {
        case ExprKind::LiteralValue: {
            const auto* l = static_cast<const LiteralValueExpr*>(e);
            if (l->type == LiteralType::string) return cat("\"", l->text, "\"");
            if (l->type == LiteralType::boolean) return l->boolean ? "true" : "false";
            return l->type == LiteralType::null ? "null" : std::string(l->text);
        }
        case ExprKind::Template: {
            const auto* t = static_cast<const TemplateExpr*>(e);
            return cat(t->heredoc ? "(heredoc" : "(tmpl", list(t->parts), ")");
        }
        case ExprKind::TemplateWrap: return cat("(wrap ", show(static_cast<const TemplateWrapExpr*>(e)->wrapped), ")");
        case ExprKind::TemplateJoin: return cat("(join ", show(static_cast<const TemplateJoinExpr*>(e)->tuple), ")");
        case ExprKind::TupleCons: {
            const std::string s = list(static_cast<const TupleConsExpr*>(e)->items);
            return cat("[", s.empty() ? s : s.substr(1), "]");
        }
        case ExprKind::ObjectCons: return show_object(static_cast<const ObjectConsExpr*>(e));
        case ExprKind::ObjectConsKey: return show(static_cast<const ObjectConsKeyExpr*>(e)->wrapped);
        case ExprKind::ScopeTraversal: {
            const auto* t = static_cast<const ScopeTraversalExpr*>(e);
            return cat(t->root, show_steps(t->steps));
        }
        case ExprKind::RelativeTraversal: {
            const auto* t = static_cast<const RelativeTraversalExpr*>(e);
            return cat("(rel ", show(t->source), " ", show_steps(t->steps), ")");
        }
        case ExprKind::FunctionCall: {
            const auto* f = static_cast<const FunctionCallExpr*>(e);
            return cat("(", f->name, list(f->args), f->expand_final ? " ..." : "", ")");
        }
        case ExprKind::Conditional: {
            const auto* c = static_cast<const ConditionalExpr*>(e);
            return cat("(? ", show(c->condition), " ", show(c->true_result), " ", show(c->false_result), ")");
        }
        case ExprKind::BinaryOp: {
            const auto* b = static_cast<const BinaryOpExpr*>(e);
            return cat("(", op_name(b->op), " ", show(b->lhs), " ", show(b->rhs), ")");
        }
        case ExprKind::UnaryOp: {
            const auto* u = static_cast<const UnaryOpExpr*>(e);
            return cat(u->op == UnaryOp::negate ? "(- " : "(! ", show(u->operand), ")");
        }
        case ExprKind::For: return show_for(static_cast<const ForExpr*>(e));
        case ExprKind::Index: {
            const auto* i = static_cast<const IndexExpr*>(e);
            return cat("(index ", show(i->collection), " ", show(i->key), ")");
        }
        case ExprKind::Splat: {
            const auto* s = static_cast<const SplatExpr*>(e);
            return cat("(splat ", show(s->source), " ", show(s->each), ")");
        }
        case ExprKind::AnonSymbol: return "*";
        case ExprKind::Parentheses: return cat("(paren ", show(static_cast<const ParenthesesExpr*>(e)->inner), ")");
    }
    return "?";
}

std::string value(const Expr* e) {
    if (e == nullptr) return "<null>";
    if (e->kind == ExprKind::LiteralValue) return std::string(static_cast<const LiteralValueExpr*>(e)->text);
    if (e->kind != ExprKind::Template) return cat("<", kind_name(e->kind), ">");
    std::string s;
    for (const Expr* p : static_cast<const TemplateExpr*>(e)->parts) s += value(p);
    return s;
}

std::string outline(const Body* b) {
    struct Item {
        std::uint32_t at;
        std::string text;
    };
    std::vector<Item> items;
    for (const Attribute& a : b->attributes) items.push_back({a.range.begin, cat(a.name, "=", show(a.expr))});
    for (const Block& k : b->blocks) {
        std::string s(k.type);
        for (const BlockLabel& l : k.labels) s += l.quoted ? cat(" \"", l.value, "\"") : cat(" ", l.value);
        items.push_back({k.type_range.begin, cat(s, "{", outline(k.body), "}")});
    }
    std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.at < y.at; });
    std::string out;
    for (const Item& i : items) out += cat(out.empty() ? "" : " ", i.text);
    return out;
}

std::string describe_shape(const Parsed& p) {
    const Expr* e = first_expr(p);
    return e == nullptr ? "<none>" : show(e);
}

std::string describe_value(const Parsed& p) {
    const Expr* e = first_expr(p);
    return e == nullptr ? "<none>" : value(e);
}

std::string describe_body(const Parsed& p) { return outline(p.tree.body); }

void check_table(std::span<const Case> table, std::string (*describe)(const Parsed&)) {
    for (const Case& c : table) {
        INFO("input: " << c.input);
        const Parsed p = parse(c.input);
        REQUIRE(p.tree.body != nullptr);
        if (c.accept) {
            CHECK(first_error(p).empty());
            CHECK(describe(p) == c.expect);
        } else {
            CHECK(first_error(p) == c.expect);
        }
    }
}

}  // namespace hjob::test
