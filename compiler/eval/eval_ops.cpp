// Operators (hclsyntax's BinaryOpExpr and UnaryOpExpr over cty's operator functions):
// both operands always evaluated, converted to the operator's parameter type, then applied.
#include "evaluator.hpp"

namespace hjob::eval {

using namespace syntax;
using cty::Number;
using cty::Type;
using cty::Value;

namespace {

Type operand_type(BinaryOp op) {
    switch (op) {
    case BinaryOp::logical_or: case BinaryOp::logical_and: return Type::boolean();
    case BinaryOp::equal: case BinaryOp::not_equal: return Type::dynamic();
    default: return Type::number();
    }
}

Type result_type(BinaryOp op) {
    switch (op) {
    case BinaryOp::add: case BinaryOp::subtract: case BinaryOp::multiply: case BinaryOp::divide: case BinaryOp::modulo:
        return Type::number();
    default: return Type::boolean();
    }
}

/// What Go's big.Float panics with ErrNaN become (cty's stdlib operator functions).
const char* nan_message(BinaryOp op) {
    switch (op) {
    case BinaryOp::add: return "can't compute sum of opposing infinities";
    case BinaryOp::subtract: return "can't subtract infinity from itself";
    case BinaryOp::multiply: return "can't multiply zero by infinity";
    case BinaryOp::divide: return "can't divide zero by zero or infinity by infinity";
    default: return "can't use modulo with zero and infinity";
    }
}

std::optional<Number> arithmetic(BinaryOp op, const Number& a, const Number& b) {
    switch (op) {
    case BinaryOp::add: return Number::add(a, b);
    case BinaryOp::subtract: return Number::subtract(a, b);
    case BinaryOp::multiply: return Number::multiply(a, b);
    case BinaryOp::divide: return Number::divide(a, b);
    default: return Number::modulo(a, b);
    }
}

Value negate_bool(const Value& v) { return v.is_known() ? Value::boolean(!v.as_bool()) : v; }

/// The operator applied to known, converted operands; nullopt result means NaN.
std::optional<Value> apply(BinaryOp op, const Value& a, const Value& b) {
    switch (op) {
    case BinaryOp::logical_or: return Value::boolean(a.as_bool() || b.as_bool());
    case BinaryOp::logical_and: return Value::boolean(a.as_bool() && b.as_bool());
    case BinaryOp::equal: return cty::equals(a, b);
    case BinaryOp::not_equal: return negate_bool(cty::equals(a, b));
    case BinaryOp::greater: return Value::boolean(Number::compare(a.as_number(), b.as_number()) > 0);
    case BinaryOp::greater_or_equal: return Value::boolean(Number::compare(a.as_number(), b.as_number()) >= 0);
    case BinaryOp::less: return Value::boolean(Number::compare(a.as_number(), b.as_number()) < 0);
    case BinaryOp::less_or_equal: return Value::boolean(Number::compare(a.as_number(), b.as_number()) <= 0);
    default: break;
    }
    auto n = arithmetic(op, a.as_number(), b.as_number());
    if (!n) return std::nullopt;
    return Value::number(std::move(*n));
}

}  // namespace

Value Evaluator::binary(const BinaryOpExpr& e, const EvalContext* ctx, Diagnostics& out) {
    Diagnostics diags;  // this node's own, for the has-errors test below
    const Value v = binary_local(e, ctx, diags);
    out.insert(out.end(), diags.begin(), diags.end());
    return v;
}

Value Evaluator::binary_local(const BinaryOpExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    const Type param = operand_type(e.op);
    const Type result = result_type(e.op);
    const Value lhs_given = eval(*e.lhs, ctx, diags);
    const Value rhs_given = eval(*e.rhs, ctx, diags);
    const cty::Converted lhs = cty::convert(lhs_given, param);
    if (!lhs.ok())
        error(diags, "invalid-operand", "Invalid operand", "Unsuitable value for left operand: " + lhs.error + ".", e.lhs->range, e.range);
    const cty::Converted rhs = cty::convert(rhs_given, param);
    if (!rhs.ok())
        error(diags, "invalid-operand", "Invalid operand", "Unsuitable value for right operand: " + rhs.error + ".", e.rhs->range, e.range);
    if (has_errors(diags)) return Value::unknown(result);
    const bool equality = e.op == BinaryOp::equal || e.op == BinaryOp::not_equal;
    if (!equality && (lhs.value.is_null() || rhs.value.is_null())) {
        error(diags, "operation-failed", "Operation failed", "Error during operation: argument must not be null.", e.range);
        return Value::unknown(result);
    }
    if (!equality && (!lhs.value.is_known() || !rhs.value.is_known())) return Value::unknown(result);
    auto v = apply(e.op, lhs.value, rhs.value);
    if (!v) {
        error(diags, "operation-failed", "Operation failed", std::string("Error during operation: ") + nan_message(e.op) + ".", e.range);
        return Value::unknown(result);
    }
    return *v;
}

Value Evaluator::unary(const UnaryOpExpr& e, const EvalContext* ctx, Diagnostics& out) {
    Diagnostics diags;  // this node's own, for the has-errors test below
    const Value v = unary_local(e, ctx, diags);
    out.insert(out.end(), diags.begin(), diags.end());
    return v;
}

Value Evaluator::unary_local(const UnaryOpExpr& e, const EvalContext* ctx, Diagnostics& diags) {
    const bool negate = e.op == UnaryOp::negate;
    const Type type = negate ? Type::number() : Type::boolean();
    const Value given = eval(*e.operand, ctx, diags);
    const cty::Converted v = cty::convert(given, type);
    if (!v.ok())
        error(diags, "invalid-operand", "Invalid operand", "Unsuitable value for unary operand: " + v.error + ".", e.operand->range, e.range);
    if (has_errors(diags)) return Value::unknown(type);
    if (v.value.is_null()) {
        error(diags, "operation-failed", "Operation failed", "Error during operation: argument must not be null.", e.range);
        return Value::unknown(type);
    }
    if (!v.value.is_known()) return Value::unknown(type);
    return negate ? Value::number(v.value.as_number().negate()) : Value::boolean(!v.value.as_bool());
}

}  // namespace hjob::eval
