// Tree building for terms, operators, calls, parentheses and tuples.
#include "build.hpp"
#include "lex.hpp"
#include "rescan.hpp"

namespace hjob::syntax::detail {

namespace {

struct OperatorInfo {
    BinaryOp op;
    std::int8_t precedence;
};

// hclsyntax's binaryOps table, lowest precedence first.
OperatorInfo operator_info(std::string_view s) {
    switch (s[0]) {
        case '|': return {BinaryOp::logical_or, 0};
        case '&': return {BinaryOp::logical_and, 1};
        case '=': return {BinaryOp::equal, 2};
        case '!': return {BinaryOp::not_equal, 2};
        case '>': return {s.size() == 2 ? BinaryOp::greater_or_equal : BinaryOp::greater, 3};
        case '<': return {s.size() == 2 ? BinaryOp::less_or_equal : BinaryOp::less, 3};
        case '+': return {BinaryOp::add, 4};
        case '-': return {BinaryOp::subtract, 4};
        case '*': return {BinaryOp::multiply, 5};
        case '/': return {BinaryOp::divide, 5};
        default: return {BinaryOp::modulo, 5};
    }
}

}  // namespace

std::span<Expr*> ParseState::exprs_since(std::size_t mark) {
    const auto items = copy(exprs_.data() + mark, exprs_.size() - mark);
    exprs_.resize(mark);
    return items;
}

void ParseState::number(Range r) {
    auto* lit = make<LiteralValueExpr>(ExprKind::LiteralValue, r);
    lit->type = LiteralType::number;
    lit->text = view(r);
    if (!lex::valid_number(lit->text)) report(error_message<errors::invalid_number>, r);
    push(lit);
}

void ParseState::name_value() {
    const Range r{last_ident_begin, last_ident_end};
    const std::string_view name = view(r);
    if (name == "true" || name == "false" || name == "null") {
        auto* lit = make<LiteralValueExpr>(ExprKind::LiteralValue, r);
        lit->type = name == "null" ? LiteralType::null : LiteralType::boolean;
        lit->boolean = name == "true";
        lit->text = name;
        push(lit);
        return;
    }
    auto* t = make<ScopeTraversalExpr>(ExprKind::ScopeTraversal, r);
    t->root = name;
    t->root_range = r;
    push(t);
}

void ParseState::parentheses(std::uint32_t close_end) {
    Expr* inner = pop();
    auto* p = make<ParenthesesExpr>(ExprKind::Parentheses, {opens_.back().begin, close_end});
    p->inner = inner;
    opens_.pop_back();
    push(p);
}

void ParseState::tuple(std::uint32_t close_end) {
    const Open o = opens_.back();
    opens_.pop_back();
    auto* t = make<TupleConsExpr>(ExprKind::TupleCons, {o.begin, close_end});
    t->items = exprs_since(o.mark);
    t->open = {o.begin, o.begin + 1};
    t->close = {close_end - 1, close_end};
    push(t);
}

void ParseState::unary(UnaryOp op, std::uint32_t begin) {
    Expr* operand = pop();
    auto* u = make<UnaryOpExpr>(ExprKind::UnaryOp, {begin, operand->range.end});
    u->op = op;
    u->operand = operand;
    push(u);
}

void ParseState::conditional() {
    Expr* f = pop();
    Expr* t = pop();
    Expr* c = pop();
    auto* e = make<ConditionalExpr>(ExprKind::Conditional, {c->range.begin, f->range.end});
    e->condition = c;
    e->true_result = t;
    e->false_result = f;
    push(e);
}

void ParseState::missing_false_expression(std::uint32_t at) {
    pop();  // the true result: hclsyntax keeps only the condition
    report(error_message<errors::missing_false_expression>, {at, std::max(at, rescan::token_end(file.text(), at))});
}

void ParseState::reduce_operator() {
    const Operator o = ops_.back();
    ops_.pop_back();
    Expr* rhs = pop();
    Expr* lhs = pop();
    auto* b = make<BinaryOpExpr>(ExprKind::BinaryOp, {lhs->range.begin, rhs->range.end});
    b->op = o.op;
    b->lhs = lhs;
    b->rhs = rhs;
    b->op_range = o.range;
    push(b);
}

// Operators of one level combine left to right, as in hclsyntax's parseBinaryOps.
void ParseState::binary_operator(Range r) {
    const OperatorInfo info = operator_info(view(r));
    while (ops_.back().precedence >= info.precedence) reduce_operator();
    ops_.push_back({info.precedence, info.op, r});
}

void ParseState::end_operand_sequence() {
    while (ops_.back().precedence >= 0) reduce_operator();
    ops_.pop_back();
}

void ParseState::call_open(std::uint32_t paren) {
    calls_.push_back({{last_ident_begin, last_ident_end}, paren});
    opens_.push_back({last_ident_begin, static_cast<std::uint32_t>(exprs_.size()), OpenKind::call});
}

void ParseState::call_close(std::uint32_t close_end) {
    const CallFrame c = calls_.back();
    const Open o = opens_.back();
    calls_.pop_back();
    opens_.pop_back();
    auto* f = make<FunctionCallExpr>(ExprKind::FunctionCall, {c.name.begin, close_end});
    f->name = view(c.name);
    f->name_range = c.name;
    f->args = exprs_since(o.mark);
    f->expand_final = c.expand_final;
    f->open_paren = {c.open_paren, c.open_paren + 1};
    f->close_paren = {close_end - 1, close_end};
    push(f);
}

}  // namespace hjob::syntax::detail
