// Names of the syntax tree's node kinds, as hclsyntax names its expression types.
#include "syntax.hpp"

namespace hjob::syntax {

std::string_view kind_name(ExprKind k) {
    switch (k) {
        case ExprKind::LiteralValue: return "LiteralValue";
        case ExprKind::Template: return "Template";
        case ExprKind::TemplateWrap: return "TemplateWrap";
        case ExprKind::TemplateJoin: return "TemplateJoin";
        case ExprKind::TupleCons: return "TupleCons";
        case ExprKind::ObjectCons: return "ObjectCons";
        case ExprKind::ObjectConsKey: return "ObjectConsKey";
        case ExprKind::ScopeTraversal: return "ScopeTraversal";
        case ExprKind::RelativeTraversal: return "RelativeTraversal";
        case ExprKind::FunctionCall: return "FunctionCall";
        case ExprKind::Conditional: return "Conditional";
        case ExprKind::BinaryOp: return "BinaryOp";
        case ExprKind::UnaryOp: return "UnaryOp";
        case ExprKind::For: return "For";
        case ExprKind::Index: return "Index";
        case ExprKind::Splat: return "Splat";
        case ExprKind::AnonSymbol: return "AnonSymbol";
        case ExprKind::Parentheses: return "Parentheses";
    }
    return "?";
}

}  // namespace hjob::syntax
