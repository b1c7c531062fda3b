// Literals and templates: hclsyntax's LiteralValueExpr, TemplateExpr and TemplateJoinExpr.
#include "evaluator.hpp"

namespace hjob::eval {

using namespace syntax;
using cty::Value;

Value Evaluator::literal(const LiteralValueExpr& e, Diagnostics& diags) {
    switch (e.type) {
    case LiteralType::null: return Value::null(cty::Type::dynamic());
    case LiteralType::boolean: return Value::boolean(e.boolean);
    case LiteralType::string: return Value::string(e.text);
    case LiteralType::number: break;
    }
    auto n = cty::Number::parse(e.text);
    if (!n) {
        error(diags, "invalid-number", "Invalid number literal",
              "Failed to recognize the value of this number literal (hjob accepts magnitudes up to about 1e19728).", e.range);
        return Value::unknown(cty::Type::number());
    }
    return Value::number(std::move(*n));
}

Value Evaluator::templ(const TemplateExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    // "text" alone (most strings of a job file): the literal's own value, which is what
    // concatenating its one part would rebuild.
    if (e.parts.size() == 1 && e.parts[0]->kind == ExprKind::LiteralValue &&
        static_cast<const LiteralValueExpr*>(e.parts[0])->type == LiteralType::string)
        return eval(*e.parts[0], ctx, diags);
    std::string buf;
    bool known = true;
    for (const Expr* part : e.parts) {
        const Value v = eval(*part, ctx, diags);
        if (v.is_null()) {
            error(diags, "null-interpolation", "Invalid template interpolation value",
                  "The expression result is null. Cannot include a null value in a string template.", part->range, e.range);
            continue;
        }
        if (!v.is_known()) {
            known = false;  // keep going: later parts may still report errors
            continue;
        }
        const cty::Converted s = cty::convert(v, cty::Type::string());
        if (!s.ok()) {
            error(diags, "invalid-interpolation", "Invalid template interpolation value",
                  "Cannot include the given value in a string template: " + s.error + ".", part->range, e.range);
            continue;
        }
        buf += s.value.as_string();
    }
    return known ? Value::string(buf) : Value::unknown(cty::Type::string());
}

Value Evaluator::template_join(const TemplateJoinExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    const Value tuple = eval(*e.tuple, ctx, diags);
    if (tuple.type().is_dynamic() || !tuple.is_known() || tuple.is_null()) return Value::unknown(cty::Type::string());
    std::string buf;
    for (const Value& v : tuple.elements()) {
        if (v.is_null()) {
            error(diags, "null-interpolation", "Invalid template interpolation value",
                  "An iteration result is null. Cannot include a null value in a string template.", e.tuple->range);
            continue;
        }
        if (v.type().is_dynamic()) return Value::unknown(cty::Type::string());
        const cty::Converted s = cty::convert(v, cty::Type::string());
        if (!s.ok()) {
            error(diags, "invalid-interpolation", "Invalid template interpolation value",
                  "Cannot include one of the interpolation results into the string template: " + s.error + ".", e.tuple->range);
            continue;
        }
        if (!v.is_known()) return Value::unknown(cty::Type::string());
        buf += s.value.as_string();
    }
    return Value::string(buf);
}

}  // namespace hjob::eval
