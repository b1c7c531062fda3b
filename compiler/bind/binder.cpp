// The binding run's evaluation and reporting, and the typed getters of Body.
#include "binder.hpp"

#include "compiler/eval/evaluate.hpp"
#include "literal.hpp"
#include "runtime_refs.hpp"
#include "stdlib/value_unicode.hpp"
#include "values.hpp"

namespace hjob::bind::detail {

const eval::EvalContext* Binder::scope_of(const syntax::Body& body) const {
    const auto it = expansion_.scope_of.find(&body);
    if (it != expansion_.scope_of.end()) return it->second;
    return parent_ != nullptr ? parent_->scope_of(body) : context_;
}

cty::Value Binder::evaluate_in(const syntax::Expr& e, const eval::EvalContext* parent) {
    if (is_constant(e)) return eval::evaluate(e, file_, parent, diags_);  // no reference to look for
    eval::EvalContext scope(parent);
    const bool runtime = add_runtime_references(e, file_, scope, &diags_);
    return eval::evaluate(e, file_, runtime ? &scope : parent, diags_);
}

void Binder::report(Severity severity, std::string code, std::string summary, std::string detail, Range subject,
                    std::vector<DiagnosticFix> fixes) {
    Diagnostic d;
    d.severity = severity;
    d.code = "bind/" + code;
    d.summary = std::move(summary);
    d.detail = std::move(detail);
    d.subject = at(subject);
    d.fixes = std::move(fixes);
    diags_.push_back(std::move(d));
}

std::string Binder::range_string(Range r) const {
    const Position a = file_.position(r.begin), z = file_.position(r.end);
    std::string out = file_.name() + ":" + std::to_string(a.line) + "," + std::to_string(a.column) + "-";
    if (z.line != a.line) out += std::to_string(z.line) + ",";
    return out + std::to_string(z.column);
}

Range def_range(const syntax::Block& b) {
    Range r = b.type_range;
    for (const auto& l : b.labels) r.end = std::max(r.end, l.range.end);
    return r;
}

std::string label(const syntax::Block& b) { return b.labels.empty() ? "" : std::string(b.labels[0].value); }

Body block_body(Binder& b, const syntax::Block& blk, std::string path) {
    static const syntax::Body empty{};
    b.record(path, def_range(blk));
    return Body(b, blk.body != nullptr ? *blk.body : empty, std::move(path));
}

const syntax::Attribute* Body::find(std::string_view name) const {
    for (const auto& a : body.attributes)
        if (a.name == name) return &a;
    return nullptr;
}

std::vector<const syntax::Block*> Body::blocks(std::string_view type) const {
    std::vector<const syntax::Block*> out;
    for (const auto& blk : body.blocks)
        if (blk.type == type) out.push_back(&blk);
    return out;
}

const syntax::Block* Body::first(std::string_view type) const {
    for (const auto& blk : body.blocks)
        if (blk.type == type) return &blk;
    return nullptr;
}

std::optional<cty::Value> Body::value(std::string_view name, std::string_view key) {
    const syntax::Attribute* a = find(name);
    if (a == nullptr) return std::nullopt;
    return value(*a, name, key);
}

std::optional<cty::Value> Body::value(const syntax::Attribute& a, std::string_view name, std::string_view key) {
    record(a, name, key);
    cty::Value v = b.evaluate(*a.expr, body);
    if (v.is_null() || !v.is_wholly_known()) return std::nullopt;
    return v;
}

void Body::record(const syntax::Attribute& a, std::string_view name, std::string_view key) {
    b.record(base, key.empty() ? name : key, a.expr->range);
}

std::optional<cty::Value> Body::converted(std::string_view name, const cty::Type& type, std::string_view key) {
    const syntax::Attribute* a = find(name);
    if (a == nullptr) return std::nullopt;
    return converted(*a, name, type, key);
}

std::optional<cty::Value> Body::converted(const syntax::Attribute& a, std::string_view name, const cty::Type& type,
                                          std::string_view key) {
    auto v = value(a, name, key);
    if (!v) return std::nullopt;
    if (type.is_primitive() && v->type().kind() == type.kind()) return v;  // convert() would copy it
    cty::Converted c = cty::convert(*v, type);
    if (c.ok()) return c.value;
    b.error("incorrect-type", "Incorrect attribute value type",
            "Inappropriate value for attribute " + go_quote(name) + ": " + c.error + ".", a.expr->range);
    return std::nullopt;
}

// Each getter below first tries its literal fast path (literal.hpp): the same result and
// source-map record as evaluating and converting, at a fraction of the cost.

bool Body::get(std::string_view name, std::string& out, std::string_view key) {
    const syntax::Attribute* a = find(name);
    if (a == nullptr) return false;
    if (const auto text = literal_string(*a->expr)) {
        record(*a, name, key);
        out = cty::nfc_normalize(*text);
        return true;
    }
    if (auto text = runtime_text(*a->expr, b.file(), b.scope_of(body))) {
        record(*a, name, key);
        out = std::move(*text);
        return true;
    }
    if (const auto n = literal_integer(*a->expr)) {  // GOMAXPROCS = 4: cty writes whole numbers plainly
        record(*a, name, key);
        out = std::to_string(*n);
        return true;
    }
    if (const auto flag = literal_bool(*a->expr)) {
        record(*a, name, key);
        out = *flag ? "true" : "false";
        return true;
    }
    auto v = converted(*a, name, cty::Type::string(), key);
    if (v) out = v->as_string();
    return v.has_value();
}

bool Body::get(std::string_view name, std::int64_t& out, std::string_view key) {
    const syntax::Attribute* a = find(name);
    if (a == nullptr) return false;
    if (const auto n = literal_integer(*a->expr)) {
        record(*a, name, key);
        out = *n;
        return true;
    }
    auto v = converted(*a, name, cty::Type::number(), key);
    if (!v) return false;
    if (const auto i = v->as_number().to_int64()) {
        out = *i;
        return true;
    }
    b.error("not-whole-number", "Unsuitable value type",
            "Unsuitable value: value must be a whole number, between -9223372036854775808 and 9223372036854775807",
            a->expr->range);
    return false;
}

bool Body::get(std::string_view name, int& out, std::string_view key) {
    std::int64_t wide = 0;
    if (!get(name, wide, key)) return false;
    if (wide < INT32_MIN || wide > INT32_MAX) {
        b.error("not-whole-number", "Unsuitable value type",
                "Unsuitable value: value must be a whole number, between -2147483648 and 2147483647",
                find(name)->expr->range);
        return false;
    }
    out = static_cast<int>(wide);
    return true;
}

bool Body::get(std::string_view name, bool& out, std::string_view key) {
    const syntax::Attribute* a = find(name);
    if (a == nullptr) return false;
    if (const auto flag = literal_bool(*a->expr)) {
        record(*a, name, key);
        out = *flag;
        return true;
    }
    auto v = converted(*a, name, cty::Type::boolean(), key);
    if (v) out = v->as_bool();
    return v.has_value();
}

bool Body::get(std::string_view name, std::vector<std::string>& out, std::string_view key) {
    const syntax::Attribute* a = find(name);
    if (a == nullptr) return false;
    if (auto items = runtime_texts(*a->expr, b.file(), b.scope_of(body))) {
        record(*a, name, key);
        out = std::move(*items);
        return true;
    }
    auto v = converted(*a, name, cty::Type::list(cty::Type::string()), key);
    if (!v) return false;
    out.clear();
    for (const auto& e : v->elements())
        if (!e.is_null()) out.push_back(e.as_string());
    return true;
}

bool Body::get(std::string_view name, std::map<std::string, std::string>& out, std::string_view key) {
    auto v = converted(name, cty::Type::map(cty::Type::string()), key);
    if (!v) return false;
    out.clear();
    for (const auto& [k, e] : v->attributes())
        if (!e.is_null()) out[k] = e.as_string();
    return true;
}

bool Body::get(std::string_view name, std::map<std::string, std::vector<std::string>>& out, std::string_view key) {
    auto v = converted(name, cty::Type::map(cty::Type::list(cty::Type::string())), key);
    if (!v) return false;
    out.clear();
    for (const auto& [k, list] : v->attributes()) {
        auto& dst = out[k];
        if (!list.is_null())
            for (const auto& e : list.elements()) dst.push_back(e.is_null() ? "" : e.as_string());
    }
    return true;
}

bool Body::get(std::string_view name, nlohmann::json& out, std::string_view key) {
    auto v = value(name, key);
    if (v) out = to_go_json(*v);
    return v.has_value();
}

bool Body::duration_text(const std::string& text, Range where, std::int64_t& out) {
    std::string why;
    if (const auto ns = parse_go_duration(text, &why)) {
        out = *ns;
        return true;
    }
    b.error("invalid-duration", "Invalid duration",
            "Unsuitable duration value: " + why + ". A duration is a number with a unit, such as \"30s\", "
            "\"5m\" or \"1h30m\" (units ns, us, ms, s, m, h).", where);
    return false;
}

bool Body::duration(std::string_view name, std::int64_t& out, std::string_view key) {
    const syntax::Attribute* a = find(name);
    if (a == nullptr) return false;
    if (const auto text = literal_string(*a->expr)) {
        record(*a, name, key);
        return duration_text(cty::nfc_normalize(*text), a->expr->range, out);
    }
    if (const auto n = literal_integer(*a->expr)) {
        record(*a, name, key);
        out = *n;
        return true;
    }
    auto v = value(*a, name, key);
    if (!v) return false;
    const Range where = a->expr->range;
    if (v->type().kind() == cty::Kind::string) return duration_text(v->as_string(), where, out);
    if (v->type().kind() == cty::Kind::number) {
        if (const auto i = v->as_number().to_int64()) {
            out = *i;
            return true;
        }
    }
    b.error("incorrect-type", "Incorrect attribute value type",
            "Inappropriate value for attribute " + go_quote(name) +
                ": a duration string such as \"30s\" or a whole number of nanoseconds is required.",
            where);
    return false;
}

bool Body::duration(std::string_view name, std::optional<std::int64_t>& out, std::string_view key) {
    std::int64_t ns = 0;
    if (!duration(name, ns, key)) return false;
    out = ns;
    return true;
}

}  // namespace hjob::bind::detail
