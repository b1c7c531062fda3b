// Tree building for object constructors and for expressions.
#include "build.hpp"

namespace hjob::syntax::detail {

void ParseState::object_separator(Range r) {
    Expr* key = pop();
    auto* k = make<ObjectConsKeyExpr>(ExprKind::ObjectConsKey, key->range);
    k->wrapped = key;
    // hclsyntax forces a key to be evaluated when it was written in parentheses.
    k->force_non_literal = base[key->range.begin] == '(';
    items_.push_back({k, nullptr, r});
}

void ParseState::object(std::uint32_t close_end) {
    const Open o = opens_.back();
    opens_.pop_back();
    auto* obj = make<ObjectConsExpr>(ExprKind::ObjectCons, {o.begin, close_end});
    obj->items = copy(items_.data() + o.mark, items_.size() - o.mark);
    items_.resize(o.mark);
    obj->open = {o.begin, o.begin + 1};
    obj->close = {close_end - 1, close_end};
    push(obj);
}

void ParseState::for_value_variable(Range r) {
    ForFrame& f = fors_.back();
    f.key_var = f.value_var;  // what looked like the value was the key
    f.value_var = view(r);
}

void ParseState::for_group(Range r) {
    fors_.back().group = true;
    fors_.back().ellipsis = r;
}

void ParseState::for_close(std::uint32_t close_end, bool object) {
    const ForFrame f = fors_.back();
    fors_.pop_back();
    const Open o = opens_.back();
    opens_.pop_back();
    auto* e = make<ForExpr>(ExprKind::For, {o.begin, close_end});
    e->condition = f.has_cond ? pop() : nullptr;
    e->value_expr = pop();
    e->key_expr = f.has_key ? pop() : nullptr;
    e->collection = pop();
    e->key_var = f.key_var;
    e->value_var = f.value_var;
    e->group = f.group;
    e->open = {o.begin, o.begin + 1};
    e->close = {close_end - 1, close_end};
    push(e);
    // Reported after the whole expression, as hclsyntax does, and not fatal there either.
    if (!object && e->key_expr != nullptr) report(error_message<errors::for_tuple_key>, e->key_expr->range);
    if (!object && f.group) report(error_message<errors::for_tuple_group>, f.ellipsis);
    if (object && e->key_expr == nullptr) report(error_message<errors::for_object_key>, e->value_expr->range);
}

}  // namespace hjob::syntax::detail
