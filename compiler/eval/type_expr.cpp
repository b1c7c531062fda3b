// typeexpr.getType in constraint mode, with HCL's wording for each malformed constraint.
#include "type_expr.hpp"

namespace hjob::eval {

using namespace syntax;

std::string_view expr_keyword(const Expr& e) {
    if (e.kind == ExprKind::ScopeTraversal) {
        const auto& t = static_cast<const ScopeTraversalExpr&>(e);
        return t.steps.empty() ? t.root : std::string_view();
    }
    if (e.kind == ExprKind::LiteralValue) {
        const auto& l = static_cast<const LiteralValueExpr&>(e);
        if (l.type == LiteralType::null) return "null";
        if (l.type == LiteralType::boolean) return l.boolean ? "true" : "false";
    }
    if (e.kind == ExprKind::ObjectConsKey) {
        const auto& k = static_cast<const ObjectConsKeyExpr&>(e);
        return k.force_non_literal ? std::string_view() : expr_keyword(*k.wrapped);
    }
    return {};
}

namespace {

class TypeReader {
public:
    TypeReader(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

    std::optional<cty::Type> read(const Expr& e) {
        const std::string_view kw = expr_keyword(e);
        if (kw == "bool") return cty::Type::boolean();
        if (kw == "string") return cty::Type::string();
        if (kw == "number") return cty::Type::number();
        if (kw == "any") return cty::Type::dynamic();
        if (kw == "list" || kw == "map" || kw == "set") return fail(std::string("The ") + std::string(kw) + " type constructor requires one argument specifying the element type.", e.range);
        if (kw == "object") return fail("The object type constructor requires one argument specifying the attribute types and values as a map.", e.range);
        if (kw == "tuple") return fail("The tuple type constructor requires one argument specifying the element types as a list.", e.range);
        if (!kw.empty()) return fail("The keyword \"" + std::string(kw) + "\" is not a valid type specification.", e.range);
        if (e.kind != ExprKind::FunctionCall)
            return fail("A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", e.range);
        return call(static_cast<const FunctionCallExpr&>(e));
    }

private:
    std::optional<cty::Type> fail(std::string detail, Range subject, std::optional<Range> context = std::nullopt) {
        Diagnostic d;
        d.code = "eval/invalid-type";
        d.summary = "Invalid type specification";
        d.detail = std::move(detail);
        d.subject = SourceRange{&file_, subject};
        if (context) d.context = SourceRange{&file_, *context};
        diags_.push_back(std::move(d));
        return std::nullopt;
    }

    std::optional<cty::Type> call(const FunctionCallExpr& c) {
        const std::string name(c.name);
        const Range args{c.open_paren.begin, c.close_paren.end};
        if (name == "bool" || name == "string" || name == "number") return fail("Primitive type keyword \"" + name + "\" does not expect arguments.", args);
        if (name == "any") return fail("Type constraint keyword \"any\" does not expect arguments.", args);
        const bool known = name == "list" || name == "set" || name == "map" || name == "object" || name == "tuple";
        if (known && c.args.size() != 1) {
            const Range subject = c.args.size() > 1 ? Range{c.args[1]->range.begin, c.args.back()->range.end} : args;
            if (name == "object") return fail("The object type constructor requires one argument specifying the attribute types and values as a map.", subject, args);
            if (name == "tuple") return fail("The tuple type constructor requires one argument specifying the element types as a list.", subject, args);
            return fail("The " + name + " type constructor requires one argument specifying the element type.", subject, args);
        }
        if (name == "list" || name == "set" || name == "map") {
            auto ety = read(*c.args[0]);
            if (!ety) return std::nullopt;
            return name == "list" ? cty::Type::list(*ety) : name == "set" ? cty::Type::set(*ety) : cty::Type::map(*ety);
        }
        if (name == "object") return object(c);
        if (name == "tuple") return tuple(c);
        if (name == "optional") return fail("Keyword \"optional\" is valid only as a modifier for object type attributes.", c.name_range);
        return fail("Keyword \"" + name + "\" is not a valid type constructor.", c.range);
    }

    std::optional<cty::Type> object(const FunctionCallExpr& c) {
        const Expr& arg = *c.args[0];
        if (arg.kind != ExprKind::ObjectCons)
            return fail("Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.", arg.range, c.range);
        cty::AttributeTypes attrs;
        bool ok = true;
        for (const ObjectItem& item : static_cast<const ObjectConsExpr&>(arg).items) {
            const std::string_view name = expr_keyword(*item.key);
            if (name.empty()) {
                ok = fail("Object constructor map keys must be attribute names.", item.key->range, c.range).has_value();
                continue;
            }
            const Expr* aty = item.value;
            if (aty->kind == ExprKind::FunctionCall && static_cast<const FunctionCallExpr*>(aty)->name == "optional") {
                const auto& opt = static_cast<const FunctionCallExpr&>(*aty);
                if (opt.args.empty()) {
                    ok = fail("Optional attribute modifier requires the attribute type as its argument.", Range{opt.open_paren.begin, opt.close_paren.end}, aty->range).has_value();
                    continue;
                }
                aty = opt.args[0];
            }
            auto t = read(*aty);
            ok = ok && t.has_value();
            attrs.emplace_back(std::string(name), t.value_or(cty::Type::dynamic()));
        }
        if (!ok) return std::nullopt;
        return cty::Type::object(std::move(attrs));
    }

    std::optional<cty::Type> tuple(const FunctionCallExpr& c) {
        const Expr& arg = *c.args[0];
        if (arg.kind != ExprKind::TupleCons) return fail("Tuple type constructor requires a list of element types.", arg.range, c.range);
        std::vector<cty::Type> types;
        bool ok = true;
        for (const Expr* item : static_cast<const TupleConsExpr&>(arg).items) {
            auto t = read(*item);
            ok = ok && t.has_value();
            types.push_back(t.value_or(cty::Type::dynamic()));
        }
        if (!ok) return std::nullopt;
        return cty::Type::tuple(std::move(types));
    }

    const SourceFile& file_;
    Diagnostics& diags_;
};

}  // namespace

std::optional<cty::Type> type_constraint(const Expr& expr, const SourceFile& file, Diagnostics& diags) {
    return TypeReader(file, diags).read(expr);
}

}  // namespace hjob::eval
