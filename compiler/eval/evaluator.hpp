// The evaluator's internals: one object per evaluation, its node handlers split by family
// across eval_*.cpp. Not part of the compiler's interface (see evaluate.hpp).
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "evaluate.hpp"

namespace hjob::eval {

/// One argument of a call after `...` expansion.
struct CallArg {
    const syntax::Expr* expr;    ///< for ranges: an expanded element points at the expanding expression
    std::optional<cty::Value> value;  ///< set for expanded elements
};

class Evaluator {
public:
    explicit Evaluator(const SourceFile& file) : file_(file) {}

    /// Dispatches on the node kind. `diags` receives what this node and its children report.
    cty::Value eval(const syntax::Expr& e, const EvalContext* ctx, Diagnostics& diags);

    // One handler per node family (eval_*.cpp).
    cty::Value literal(const syntax::LiteralValueExpr& e, Diagnostics& diags);
    cty::Value templ(const syntax::TemplateExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value template_join(const syntax::TemplateJoinExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value tuple(const syntax::TupleConsExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value object(const syntax::ObjectConsExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value object_key(const syntax::ObjectConsKeyExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value scope_traversal(const syntax::ScopeTraversalExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value relative_traversal(const syntax::RelativeTraversalExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value index(const syntax::IndexExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value call(const syntax::FunctionCallExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value conditional(const syntax::ConditionalExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value binary(const syntax::BinaryOpExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value unary(const syntax::UnaryOpExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value for_expr(const syntax::ForExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value splat(const syntax::SplatExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value anon_symbol(const syntax::AnonSymbolExpr& e) const;
    cty::Value binary_local(const syntax::BinaryOpExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value unary_local(const syntax::UnaryOpExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value call_local(const syntax::FunctionCallExpr& e, const EvalContext* ctx, Diagnostics& diags);
    cty::Value argument_value(const syntax::FunctionCallExpr& e, const cty::Parameter& p, const CallArg& arg, const EvalContext* ctx,
                              Diagnostics& diags);
    cty::Value lazy_call(const syntax::FunctionCallExpr& e, const cty::Function& fn, const std::vector<CallArg>& args,
                         const EvalContext* ctx, Diagnostics& diags);
    cty::Value call_failed(const syntax::FunctionCallExpr& e, const cty::Function& fn, const std::vector<CallArg>& args,
                           const cty::FunctionError& err, Diagnostics& diags);

    /// hcl.GetAttr and hcl.Index: one traversal step, diagnostics on `where`.
    cty::Value get_attr(const cty::Value& obj, std::string_view name, Range where, Diagnostics& diags);
    cty::Value index_value(const cty::Value& coll, const cty::Value& key, Range where, Diagnostics& diags);
    cty::Value apply_steps(cty::Value v, std::span<const syntax::Step> steps, Diagnostics& diags);

    /// An error diagnostic; `code` is appended to "eval/".
    void error(Diagnostics& diags, std::string_view code, std::string summary, std::string detail, Range subject,
               std::optional<Range> context = std::nullopt) const;

private:
    const SourceFile& file_;
    std::size_t steps_ = 0;      ///< node evaluations so far, against max_evaluation_steps
    bool over_budget_ = false;
    /// The values splat expressions currently bind to their item symbols.
    std::vector<std::pair<const syntax::AnonSymbolExpr*, cty::Value>> anon_;
    friend class AnonBinding;
};

/// Binds a splat's item symbol to a value for the lifetime of the binding.
class AnonBinding {
public:
    AnonBinding(Evaluator& ev, const syntax::AnonSymbolExpr* sym, cty::Value v) : ev_(ev) {
        ev_.anon_.emplace_back(sym, std::move(v));
    }
    ~AnonBinding() { ev_.anon_.pop_back(); }
    AnonBinding(const AnonBinding&) = delete;
    AnonBinding& operator=(const AnonBinding&) = delete;

private:
    Evaluator& ev_;
};

/// hclsyntax's nameSuggestion: the first candidate at Levenshtein distance < 3, or "".
std::string name_suggestion(std::string_view given, std::vector<std::string> candidates);
/// " Did you mean \"x\"?" or "".
std::string did_you_mean(std::string_view given, std::vector<std::string> candidates);
/// Go's %q for the plain strings HCL quotes in messages.
std::string quoted(std::string_view s);
/// hcl.RangeBetween.
inline Range between(Range a, Range b) { return Range{std::min(a.begin, b.begin), std::max(a.end, b.end)}; }

}  // namespace hjob::eval
