// Conditionals (hclsyntax's ConditionalExpr): both results evaluated and unified to one
// type; only the chosen result's diagnostics survive, as in HCL.
#include "evaluator.hpp"

namespace hjob::eval {

using namespace syntax;
using cty::Type;
using cty::Value;

namespace {

std::string describe_mismatch(const Type& t, const Type& f);

std::string describe_objects(const Type& t, const Type& f) {
    for (const auto& [name, tt] : t.attributes()) {
        const Type* ft = f.attribute(name);
        if (ft == nullptr) return "The 'true' value includes object attribute " + quoted(name) + ", which is absent in the 'false' value";
        if (!(tt == *ft)) return "Type mismatch for object attribute " + quoted(name) + ": " + describe_mismatch(tt, *ft);
    }
    for (const auto& attr : f.attributes())
        if (t.attribute(attr.first) == nullptr)
            return "The 'false' value includes object attribute " + quoted(attr.first) + ", which is absent in the 'true' value";
    return {};
}

std::string describe_tuples(const Type& t, const Type& f) {
    if (t.elements().size() != f.elements().size())
        return "The 'true' tuple has length " + std::to_string(t.elements().size()) + ", but the 'false' tuple has length " +
               std::to_string(f.elements().size());
    for (std::size_t i = 0; i < t.elements().size(); ++i)
        if (!(t.elements()[i] == f.elements()[i]))
            return "Type mismatch for tuple element " + std::to_string(i) + ": " + describe_mismatch(t.elements()[i], f.elements()[i]);
    return {};
}

// hclsyntax's describeConditionalTypeMismatch.
std::string describe_mismatch(const Type& t, const Type& f) {
    std::string s;
    if (t.is_object() && f.is_object()) s = describe_objects(t, f);
    else if (t.is_tuple() && f.is_tuple()) s = describe_tuples(t, f);
    else if (t.is_collection() && f.kind() == t.kind()) {
        const Type &te = t.element(), &fe = f.element();
        if ((te.is_object() && fe.is_object()) || (te.is_tuple() && fe.is_tuple())) {
            const char* noun = t.is_list() ? "list" : t.is_set() ? "set" : "map";
            return std::string("Mismatched ") + noun + " element types: " + describe_mismatch(te, fe);
        }
    }
    if (!s.empty()) return s;
    if (t.friendly_name() == f.friendly_name())
        return "At least one deeply-nested attribute or element is not compatible across both the 'true' and the 'false' value";
    return "The 'true' value is " + t.friendly_name() + ", but the 'false' value is " + f.friendly_name();
}

bool is_dynamic_null(const Value& v) { return v.is_null() && v.type().is_dynamic(); }

}  // namespace

Value Evaluator::conditional(const ConditionalExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    Diagnostics true_diags, false_diags;
    const Value t = eval(*e.true_result, ctx, true_diags);
    const Value f = eval(*e.false_result, ctx, false_diags);
    std::optional<Type> result = Type::dynamic();
    bool all_dynamic = false;
    if (is_dynamic_null(t)) result = f.type();
    else if (is_dynamic_null(f)) result = t.type();
    else if (!t.type().is_dynamic() && !f.type().is_dynamic()) result = cty::unify({t.type(), f.type()}, true, &all_dynamic);
    if (!result) {
        error(diags, "inconsistent-conditional", "Inconsistent conditional result types",
              "The true and false result expressions must have consistent types. " + describe_mismatch(t.type(), f.type()) + ".",
              between(e.true_result->range, e.false_result->range), e.range);
        return Value();
    }
    const Value cond = eval(*e.condition, ctx, diags);
    if (cond.is_null()) {
        error(diags, "null-condition", "Null condition", "The condition value is null. Conditions must either be true or false.",
              e.condition->range, e.range);
        return Value::unknown(*result);
    }
    if (!cond.is_known()) return Value::unknown(*result);
    const cty::Converted b = cty::convert(cond, Type::boolean());
    if (!b.ok()) {
        error(diags, "condition-type", "Incorrect condition type", "The condition expression must be of type bool.", e.condition->range, e.range);
        return Value::unknown(*result);
    }
    const bool which = b.value.as_bool();
    const Value& chosen = which ? t : f;
    const Diagnostics& chosen_diags = which ? true_diags : false_diags;
    diags.insert(diags.end(), chosen_diags.begin(), chosen_diags.end());
    if (all_dynamic) return Value();
    const cty::Converted c = cty::convert(chosen, *result);
    if (!c.ok()) {
        error(diags, "inconsistent-conditional", "Inconsistent conditional result types",
              std::string("The ") + (which ? "true" : "false") + " result value has the wrong type: " + c.error + ".",
              (which ? e.true_result : e.false_result)->range, e.range);
        return Value::unknown(*result);
    }
    return c.value;
}

}  // namespace hjob::eval
