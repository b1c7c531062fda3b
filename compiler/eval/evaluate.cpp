// The evaluator's entry points and dispatch, and the small helpers every handler uses.
#include "evaluator.hpp"

#include "stdlib/value_unicode.hpp"

namespace hjob::eval {

using namespace syntax;

cty::Value Evaluator::eval(const Expr& e, const EvalContext* ctx, Diagnostics& diags) {
    if (++steps_ > max_evaluation_steps) {
        if (!over_budget_)
            error(diags, "too-complex", "Evaluation too complex",
                  "This expression needs more than " + std::to_string(max_evaluation_steps) +
                      " evaluation steps; hjob stops here rather than run for minutes.",
                  e.range);
        over_budget_ = true;
        return cty::Value();
    }
    switch (e.kind) {
    case ExprKind::LiteralValue: return literal(static_cast<const LiteralValueExpr&>(e), diags);
    case ExprKind::Template: return templ(static_cast<const TemplateExpr&>(e), ctx, diags);
    case ExprKind::TemplateWrap: return eval(*static_cast<const TemplateWrapExpr&>(e).wrapped, ctx, diags);
    case ExprKind::TemplateJoin: return template_join(static_cast<const TemplateJoinExpr&>(e), ctx, diags);
    case ExprKind::TupleCons: return tuple(static_cast<const TupleConsExpr&>(e), ctx, diags);
    case ExprKind::ObjectCons: return object(static_cast<const ObjectConsExpr&>(e), ctx, diags);
    case ExprKind::ObjectConsKey: return object_key(static_cast<const ObjectConsKeyExpr&>(e), ctx, diags);
    case ExprKind::ScopeTraversal: return scope_traversal(static_cast<const ScopeTraversalExpr&>(e), ctx, diags);
    case ExprKind::RelativeTraversal: return relative_traversal(static_cast<const RelativeTraversalExpr&>(e), ctx, diags);
    case ExprKind::FunctionCall: return call(static_cast<const FunctionCallExpr&>(e), ctx, diags);
    case ExprKind::Conditional: return conditional(static_cast<const ConditionalExpr&>(e), ctx, diags);
    case ExprKind::BinaryOp: return binary(static_cast<const BinaryOpExpr&>(e), ctx, diags);
    case ExprKind::UnaryOp: return unary(static_cast<const UnaryOpExpr&>(e), ctx, diags);
    case ExprKind::For: return for_expr(static_cast<const ForExpr&>(e), ctx, diags);
    case ExprKind::Index: return index(static_cast<const IndexExpr&>(e), ctx, diags);
    case ExprKind::Splat: return splat(static_cast<const SplatExpr&>(e), ctx, diags);
    case ExprKind::AnonSymbol: return anon_symbol(static_cast<const AnonSymbolExpr&>(e));
    case ExprKind::Parentheses: return eval(*static_cast<const ParenthesesExpr&>(e).inner, ctx, diags);
    }
    return cty::Value();
}

cty::Value Evaluator::anon_symbol(const AnonSymbolExpr& e) const {
    for (auto it = anon_.rbegin(); it != anon_.rend(); ++it)
        if (it->first == &e) return it->second;
    return cty::Value();  // outside its splat: cty.DynamicVal, as HCL
}

void Evaluator::error(Diagnostics& diags, std::string_view code, std::string summary, std::string detail, Range subject,
                      std::optional<Range> context) const {
    Diagnostic d;
    d.code = "eval/" + std::string(code);
    d.summary = std::move(summary);
    d.detail = std::move(detail);
    d.subject = SourceRange{&file_, subject};
    if (context) d.context = SourceRange{&file_, *context};
    diags.push_back(std::move(d));
}

namespace {

std::size_t levenshtein(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string name_suggestion(std::string_view given, std::vector<std::string> candidates) {
    // HCL walks a Go map (random order); sorting makes the choice reproducible.
    std::sort(candidates.begin(), candidates.end());
    const auto g = cty::utf8_decode(given);
    for (const auto& c : candidates)
        if (levenshtein(g, cty::utf8_decode(c)) < 3) return c;
    return "";
}

std::string did_you_mean(std::string_view given, std::vector<std::string> candidates) {
    const std::string s = name_suggestion(given, std::move(candidates));
    return s.empty() ? "" : " Did you mean " + quoted(s) + "?";
}

std::string quoted(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += {'\\', c};
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (u < 0x20 || u == 0x7f) out += {'\\', 'x', hex[u >> 4], hex[u & 15]};
        else out += c;
    }
    return out + "\"";
}

}  // namespace hjob::eval

namespace hjob::eval {

cty::Value evaluate(const Expr& expr, const SourceFile& file, const EvalContext* ctx, Diagnostics& diags) {
    Evaluator ev(file);
    return ev.eval(expr, ctx, diags);
}

Evaluated evaluate(const Expr& expr, const SourceFile& file, const EvalContext* ctx) {
    Evaluated out;
    out.value = evaluate(expr, file, ctx, out.diagnostics);
    return out;
}

std::optional<cty::Value> constant_value(const Expr& expr, const SourceFile& file) {
    Evaluated r = evaluate(expr, file, nullptr);
    if (has_errors(r.diagnostics) || !r.value.is_wholly_known()) return std::nullopt;
    return r.value;
}

}  // namespace hjob::eval
