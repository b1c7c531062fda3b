// Tree building for traversals, indexes and splats, after hclsyntax's
// parseExpressionTraversals: attribute and literal index steps extend a traversal; anything
// else (an index by expression, a splat) closes it and wraps what came before.
#include "build.hpp"
#include "lex.hpp"

namespace hjob::syntax::detail {

void ParseState::close_chain_traversal() {
    const std::uint32_t mark = chains_.back();
    if (mark == closed_chain) return;
    const auto steps = copy(steps_.data() + mark, steps_.size() - mark);
    Expr* top = exprs_.back();
    if (top->kind == ExprKind::ScopeTraversal)
        static_cast<ScopeTraversalExpr*>(top)->steps = steps;
    else
        static_cast<RelativeTraversalExpr*>(top)->steps = steps;
    steps_.resize(mark);
    chains_.back() = closed_chain;
}

// makeRelativeTraversal: a bare name gets the step itself; any other expression is wrapped.
void ParseState::add_step(const Step& s) {
    if (chains_.back() == closed_chain) {
        Expr* top = exprs_.back();
        if (top->kind != ExprKind::ScopeTraversal) {
            auto* rel = make<RelativeTraversalExpr>(ExprKind::RelativeTraversal, top->range);
            rel->source = top;
            exprs_.back() = rel;
        }
        chains_.back() = static_cast<std::uint32_t>(steps_.size());
    }
    steps_.push_back(s);
    exprs_.back()->range.end = s.range.end;
}

void ParseState::chain_end() {
    close_chain_traversal();
    chains_.pop_back();
}

void ParseState::attr_step(Range name) {
    add_step({StepKind::attr, {last_dot, name.end}, view(name), nullptr});
}

void ParseState::legacy_index_step(Range number, bool in_splat) {
    auto* key = make<LiteralValueExpr>(ExprKind::LiteralValue, number);
    key->type = LiteralType::number;
    key->text = view(number);
    if (const auto dot = key->text.find('.'); dot != std::string_view::npos) {
        std::string& arg = message_arg[0];
        arg.assign(1, '[').append(key->text.substr(0, dot)).append("][").append(key->text.substr(dot + 1)).append(1, ']');
        if (in_splat)
            report(error_message<errors::splat_legacy_index_chain>, {last_star, last_star + 1});
        else
            report(error_message<errors::legacy_index_chain>, number);
    } else if (!lex::valid_number(key->text)) {
        report(error_message<errors::invalid_number>, number);
    }
    add_step({StepKind::index, {last_dot, number.end}, {}, key});
}

namespace {

// A literal key makes a traversal step: a LiteralValue, or a template that is one string.
LiteralValueExpr* literal_key(Expr* key) {
    if (key->kind == ExprKind::LiteralValue) return static_cast<LiteralValueExpr*>(key);
    if (key->kind != ExprKind::Template) return nullptr;
    const auto parts = static_cast<TemplateExpr*>(key)->parts;
    if (parts.size() != 1 || parts[0]->kind != ExprKind::LiteralValue) return nullptr;
    return static_cast<LiteralValueExpr*>(parts[0]);
}

}  // namespace

void ParseState::index_close(std::uint32_t close_end) {
    const Open o = opens_.back();
    opens_.pop_back();
    Expr* key = pop();
    const Range brackets{o.begin, close_end};
    if (LiteralValueExpr* lit = literal_key(key)) {
        add_step({StepKind::index, brackets, {}, lit});
        return;
    }
    close_chain_traversal();
    Expr* collection = pop();
    auto* index = make<IndexExpr>(ExprKind::Index, {collection->range.begin, close_end});
    index->collection = collection;
    index->key = key;
    index->bracket_range = brackets;
    push(index);
}

void ParseState::attr_splat_begin(Range star) {
    close_chain_traversal();
    auto* item = make<AnonSymbolExpr>(ExprKind::AnonSymbol, {last_dot, star.end});
    push(item);
    splats_.push_back(item);
    chains_.push_back(closed_chain);  // the steps after `.*` apply to each item
}

void ParseState::attr_splat_end() {
    const std::uint32_t mark = chains_.back();
    Range first_step{};
    if (mark != closed_chain) first_step = steps_[mark].range;
    chain_end();
    Expr* each = pop();
    AnonSymbolExpr* item = splats_.back();
    splats_.pop_back();
    if (each != item) each->range.begin = first_step.begin;  // hclsyntax starts it after the star
    Expr* source = pop();
    auto* splat = make<SplatExpr>(ExprKind::Splat, {source->range.begin, each->range.end});
    splat->source = source;
    splat->each = each;
    splat->item = item;
    splat->marker_range = item->range;
    push(splat);
}

void ParseState::full_splat_begin(std::uint32_t close_end) {
    const Open o = opens_.back();
    opens_.pop_back();
    close_chain_traversal();
    auto* item = make<AnonSymbolExpr>(ExprKind::AnonSymbol, {o.begin, close_end});
    push(item);
    splats_.push_back(item);
}

void ParseState::full_splat_end() {
    Expr* each = pop();
    AnonSymbolExpr* item = splats_.back();
    splats_.pop_back();
    Expr* source = pop();
    auto* splat = make<SplatExpr>(ExprKind::Splat, {source->range.begin, each->range.end});
    splat->source = source;
    splat->each = each;
    splat->item = item;
    splat->marker_range = item->range;
    push(splat);
}

}  // namespace hjob::syntax::detail
