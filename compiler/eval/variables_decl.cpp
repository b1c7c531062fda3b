// Declarations: `variable "name" { type default description sensitive validation }` and
// `variables { name = default }`, decoded as jobspec2's decodeVariableBlock and
// decodeVariable do, with their diagnostics.
#include <algorithm>
#include <cctype>

#include "evaluator.hpp"
#include "references.hpp"
#include "type_expr.hpp"
#include "variables_impl.hpp"

namespace hjob::eval::vars {

using namespace syntax;

namespace {

constexpr const char* bad_identifier =
    "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.";

SourceRange header(const Block& b, const SourceFile& f) {
    Range r = b.type_range;
    for (const BlockLabel& l : b.labels) r.end = l.range.end;
    return SourceRange{&f, r};
}

const Attribute* find_attr(const Body& body, std::string_view name) {
    for (const Attribute& a : body.attributes)
        if (a.name == name) return &a;
    return nullptr;
}

void unsupported(const Body& body, const SourceFile& f, std::initializer_list<std::string_view> attrs,
                 std::initializer_list<std::string_view> blocks, Diagnostics& diags) {
    const std::vector<std::string> names(attrs.begin(), attrs.end());
    for (const Attribute& a : body.attributes)
        if (std::find(attrs.begin(), attrs.end(), a.name) == attrs.end())
            error(diags, "variables/unsupported-argument", "Unsupported argument",
                  "An argument named " + quoted(a.name) + " is not expected here." + did_you_mean(a.name, names),
                  SourceRange{&f, a.name_range});
    for (const Block& b : body.blocks)
        if (std::find(blocks.begin(), blocks.end(), b.type) == blocks.end())
            error(diags, "variables/unsupported-block", "Unsupported block type",
                  "Blocks of type " + quoted(b.type) + " are not expected here.", SourceRange{&f, b.type_range});
}

bool looks_like_sentences(const std::string& s) {
    if (s.empty()) return false;
    const auto first = static_cast<unsigned char>(s.front());
    if (first < 0x80 && std::isalpha(first) && !std::isupper(first)) return false;
    const char last = s.back();
    return last == '.' || last == '?' || last == '!';
}

void decode_validation(const Block& b, const std::string& var, const SourceFile& f, Variable& v, Diagnostics& diags) {
    unsupported(*b.body, f, {"condition", "error_message"}, {}, diags);
    Validation val;
    val.declared = header(b, f);
    for (const char* required : {"condition", "error_message"})
        if (find_attr(*b.body, required) == nullptr)
            error(diags, "variables/missing-argument", "Missing required argument",
                  std::string("The argument \"") + required + "\" is required, but no definition was found.", SourceRange{&f, b.open_brace});
    if (const Attribute* c = find_attr(*b.body, "condition")) {
        val.condition = c->expr;
        int good = 0;
        for (const ScopeTraversalExpr* t : free_traversals(*c->expr)) {
            if (t->root == "var" && !t->steps.empty() && t->steps[0].kind == StepKind::attr && t->steps[0].name == var) {
                ++good;
                continue;
            }
            val.valid = false;
            error(diags, "variables/invalid-validation-reference", "Invalid reference in variable validation",
                  "The condition for variable " + quoted(var) + " can only refer to the variable itself, using var." + var + ".",
                  SourceRange{&f, t->range});
        }
        if (good == 0) val.valid = false;
        if (good == 0)
            error(diags, "variables/invalid-validation-condition", "Invalid variable validation condition",
                  "The condition for variable " + quoted(var) + " must refer to var." + var + " in order to test incoming values.",
                  SourceRange{&f, c->expr->range});
    }
    if (const Attribute* m = find_attr(*b.body, "error_message")) {
        if (auto msg = decode_string(*m->expr, f, diags)) {
            if (msg->empty())
                error(diags, "variables/invalid-error-message", "Invalid validation error message",
                      "An empty string is not a valid nor useful error message.", SourceRange{&f, m->expr->range});
            else if (!looks_like_sentences(*msg))
                error(diags, "variables/invalid-error-message", "Invalid validation error message",
                      "Validation error message must be at least one full sentence starting with an uppercase letter ( if the alphabet permits it ) and ending with a period or question mark.",
                      SourceRange{&f, m->expr->range});
            val.error_message = *msg;
        }
    }
    v.validations.push_back(val);
}

void decode_variable_block(const Block& b, const SourceFile& f, Variables& out, Diagnostics& diags) {
    if (b.labels.size() != 1) {
        if (b.labels.empty())
            error(diags, "variables/missing-label", "Missing name for variable", "All variable blocks must have 1 labels (name).",
                  SourceRange{&f, b.type_range});
        else
            error(diags, "variables/extra-label", "Extraneous label for variable", "Only 1 labels (name) are expected for variable blocks.",
                  SourceRange{&f, b.labels[1].range});
        return;
    }
    const std::string name(b.labels[0].value);
    if (out.count(name)) {
        error(diags, "variables/duplicate", "Duplicate variable", "Duplicate " + name + " variable definition found.", header(b, f));
        return;
    }
    if (!valid_identifier(name))
        error(diags, "variables/invalid-name", "Invalid variable name", bad_identifier, SourceRange{&f, b.labels[0].range});
    unsupported(*b.body, f, {"description", "default", "type", "sensitive"}, {"validation"}, diags);
    Variable v;
    v.name = name;
    v.declared = header(b, f);
    if (const Attribute* a = find_attr(*b.body, "description")) v.description = decode_string(*a->expr, f, diags).value_or("");
    if (const Attribute* a = find_attr(*b.body, "sensitive")) v.sensitive = decode_bool(*a->expr, f, diags).value_or(false);
    if (const Attribute* a = find_attr(*b.body, "type")) {
        v.type = type_constraint(*a->expr, f, diags);
        v.broken = !v.type;
        if (!v.type) v.type = cty::Type::dynamic();
    }
    if (const Attribute* a = find_attr(*b.body, "default")) {
        Evaluated d = evaluate(*a->expr, f, nullptr);  // Nomad evaluates defaults in the nil context
        diags.insert(diags.end(), d.diagnostics.begin(), d.diagnostics.end());
        if (has_errors(d.diagnostics)) v.broken = true;
        if (v.type && !has_errors(d.diagnostics)) {
            const cty::Converted c = cty::convert(d.value, *v.type);
            if (!c.ok())
                error(diags, "variables/invalid-default", "Invalid default value for variable",
                      "This default value is not compatible with the variable's type constraint: " + c.error + ".",
                      SourceRange{&f, a->expr->range});
            d.value = c.ok() ? c.value : cty::Value();
            v.broken = v.broken || !c.ok();
        }
        v.values.push_back(Assignment{"default", d.value, SourceRange{&f, a->expr->range}});
        if (!v.type) v.type = d.value.type();
    }
    for (const Block& vb : b.body->blocks)
        if (vb.type == "validation") decode_validation(vb, name, f, v, diags);
    out.emplace(name, std::move(v));
}

void decode_variables_block(const Block& b, const SourceFile& f, Variables& out, Diagnostics& diags) {
    for (const Block& nested : b.body->blocks)
        error(diags, "variables/unexpected-block", "Unexpected " + quoted(nested.type) + " block", "Blocks are not allowed here.",
              SourceRange{&f, nested.type_range});
    for (const Attribute& a : b.body->attributes) {
        const std::string name(a.name);
        if (out.count(name)) {
            error(diags, "variables/duplicate", "Duplicate variable", "Duplicate " + name + " variable definition found.",
                  SourceRange{&f, a.name_range});
            continue;
        }
        Evaluated d = evaluate(*a.expr, f, nullptr);
        diags.insert(diags.end(), d.diagnostics.begin(), d.diagnostics.end());
        if (has_errors(d.diagnostics)) continue;
        Variable v;
        v.name = name;
        v.type = d.value.type();
        v.declared = SourceRange{&f, a.range};
        v.values.push_back(Assignment{"default", d.value, SourceRange{&f, a.expr->range}});
        out.emplace(name, std::move(v));
    }
}

}  // namespace

void declare_variables(const Body& body, const SourceFile& f, Variables& out, Diagnostics& diags) {
    for (const Block& b : body.blocks) {
        if (b.type == "variable") decode_variable_block(b, f, out, diags);
        else if (b.type == "variables") decode_variables_block(b, f, out, diags);
    }
}

}  // namespace hjob::eval::vars
