// Splat expressions (hclsyntax's SplatExpr): `Each` evaluated per element with the item
// symbol bound to it; a non-sequence source is treated as a one-element tuple, null as [].
#include "evaluator.hpp"

namespace hjob::eval {

using namespace syntax;
using cty::Type;
using cty::Value;

Value Evaluator::splat(const SplatExpr& e, const EvalContext* ctx, Diagnostics& out) {
    Diagnostics diags;
    Value source = eval(*e.source, ctx, diags);
    if (has_errors(diags)) {
        out.insert(out.end(), diags.begin(), diags.end());
        return Value();
    }
    Type ty = source.type();
    const bool upgrade = !(ty.is_tuple() || ty.is_list() || ty.is_set());
    if (source.is_null()) {
        out.insert(out.end(), diags.begin(), diags.end());
        if (upgrade) return Value::tuple({});
        error(out, "splat-null", "Splat of null value", "Splat expressions (with the * symbol) cannot be applied to null sequences.",
              e.source->range, between(e.source->range, e.marker_range));
        return Value();
    }
    if (ty.is_dynamic()) {
        out.insert(out.end(), diags.begin(), diags.end());
        return Value();
    }
    const bool upgraded_unknown = upgrade && !source.is_known();
    if (upgrade) {
        source = Value::tuple({source});
        ty = source.type();
    }
    // The result type, computed from unknown items when there is no value to map over.
    const auto result_type = [&](Diagnostics& tdiags) {
        if (ty.is_list() || ty.is_set()) {
            AnonBinding bind(*this, e.item, Value::unknown(ty.element()));
            return Type::list(eval(*e.each, ctx, tdiags).type());
        }
        std::vector<Type> types;
        for (const Type& ety : ty.elements()) {
            AnonBinding bind(*this, e.item, Value::unknown(ety));
            types.push_back(eval(*e.each, ctx, tdiags).type());
        }
        return Type::tuple(std::move(types));
    };
    if (!source.is_known()) {
        const Type t = result_type(diags);
        out.insert(out.end(), diags.begin(), diags.end());
        return Value::unknown(t);
    }
    std::vector<Value> items;
    bool known = true;
    for (const Value& item : source.elements()) {
        AnonBinding bind(*this, e.item, item);
        Diagnostics item_diags;
        items.push_back(eval(*e.each, ctx, item_diags));
        known = known && !has_errors(item_diags);
        diags.insert(diags.end(), item_diags.begin(), item_diags.end());
    }
    out.insert(out.end(), diags.begin(), diags.end());
    if (upgraded_unknown) return Value();
    if (!known) {
        Diagnostics ignored;  // the same errors as above
        return Value::unknown(result_type(ignored));
    }
    if (ty.is_list() || ty.is_set()) {
        if (items.empty()) {
            Diagnostics tdiags;
            const Type t = result_type(tdiags);
            out.insert(out.end(), tdiags.begin(), tdiags.end());
            return Value::list_empty(t.element());
        }
        return Value::list(std::move(items));
    }
    return Value::tuple(std::move(items));
}

}  // namespace hjob::eval
