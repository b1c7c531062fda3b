// Recognising the literals the binder's getters take without evaluation (literal.hpp).
#include "literal.hpp"

namespace hjob::bind::detail {

using namespace syntax;

namespace {

const LiteralValueExpr* as_literal(const Expr* e, LiteralType type) {
    if (e == nullptr || e->kind != ExprKind::LiteralValue) return nullptr;
    const auto* l = static_cast<const LiteralValueExpr*>(e);
    return l->type == type ? l : nullptr;
}

}  // namespace

bool is_constant(const Expr& e) {
    if (e.kind == ExprKind::LiteralValue) return true;
    if (e.kind != ExprKind::Template) return false;
    for (const Expr* part : static_cast<const TemplateExpr&>(e).parts)
        if (part == nullptr || part->kind != ExprKind::LiteralValue) return false;
    return true;
}

std::optional<std::string_view> literal_string(const Expr& e) {
    if (e.kind != ExprKind::Template) return std::nullopt;
    const auto& parts = static_cast<const TemplateExpr&>(e).parts;
    if (parts.empty()) return std::string_view{};
    if (parts.size() != 1) return std::nullopt;
    if (const auto* l = as_literal(parts[0], LiteralType::string)) return l->text;
    return std::nullopt;
}

std::optional<std::int64_t> literal_integer(const Expr& e) {
    const auto* l = as_literal(&e, LiteralType::number);
    if (l == nullptr || l->text.empty() || l->text.size() > 18) return std::nullopt;
    std::int64_t v = 0;
    for (const char c : l->text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<bool> literal_bool(const Expr& e) {
    if (const auto* l = as_literal(&e, LiteralType::boolean)) return l->boolean;
    return std::nullopt;
}

}  // namespace hjob::bind::detail
