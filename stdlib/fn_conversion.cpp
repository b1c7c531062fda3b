// Type conversion and error handling: convert (hcl ext/typeexpr: its second argument is a
// type constraint, not a value), can and try (hcl ext/tryfunc: their arguments are
// evaluated by the function, so that errors can be caught). All three take unevaluated
// arguments through Function::lazy_impl; the evaluator reads the type constraint.
#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

Parameter lazy_param(std::string name, ArgumentForm form) {
    Parameter p = param(std::move(name), Type::dynamic(), null | unknown | dynamic);
    p.form = form;
    return p;
}

// hcl.Range's String(): "file:1,2-5" on one line, "file:1,2-3,4" across lines.
std::string range_string(const SourceRange& r) {
    if (r.file == nullptr) return "";
    const Position b = r.file->position(r.range.begin), e = r.file->position(r.range.end);
    std::string s = r.file->name() + ":" + std::to_string(b.line) + "," + std::to_string(b.column) + "-";
    if (b.line != e.line) s += std::to_string(e.line) + ",";
    return s + std::to_string(e.column);
}

CallResult try_impl(std::span<const LazyArgument> args) {
    if (args.empty()) return fail("at least one argument is required");
    Diagnostics all;
    for (const LazyArgument& arg : args) {
        LazyArgument::Outcome r = arg.evaluate();
        if (!has_errors(r.diagnostics)) {
            // tryfunc waits for unknowns to resolve before deciding; so do we.
            if (!r.value.is_wholly_known()) return ok(Value());
            return ok(r.value);
        }
        all.insert(all.end(), r.diagnostics.begin(), r.diagnostics.end());
    }
    std::string msg = "no expression succeeded:\n";
    for (const Diagnostic& d : all) {
        if (d.severity != Severity::error) continue;
        if (d.subject.file != nullptr) msg += "- " + d.summary + " (at " + range_string(d.subject) + ")\n  " + d.detail + "\n";
        else msg += "- " + d.summary + "\n  " + d.detail + "\n";
    }
    msg += "\nAt least one expression must produce a successful result";
    return fail(msg);
}

CallResult can_impl(std::span<const LazyArgument> args) {
    LazyArgument::Outcome r = args[0].evaluate();
    if (has_errors(r.diagnostics)) return ok(Value::boolean(false));
    if (!r.value.is_wholly_known()) return ok(Value::unknown(Type::boolean()));
    return ok(Value::boolean(true));
}

CallResult convert_impl(std::span<const LazyArgument> args) {
    if (!args[1].type) return ok(Value());  // the type constraint was invalid and is reported
    const Type& want = *args[1].type;
    const Value& v = args[0].value;
    const Type& got = v.type();
    const Converted c = convert(v, want);
    if (c.ok()) return ok(c.value);
    // typeexpr.ConvertFunc's wording for the conversions that fail only on the value.
    const std::string what = v.is_null() || !v.is_known() || !(got == Type::string()) ? "string" : go_quote(v.as_string());
    if (got == Type::string() && want == Type::boolean())
        return fail("cannot convert " + what + " to bool; only the strings \"true\" or \"false\" are allowed", 0);
    if (got == Type::string() && want == Type::number())
        return fail("cannot convert " + what + " to number; given string must be a decimal representation of a number", 0);
    return fail("cannot convert " + got.friendly_name_for_constraint() + " to " + want.friendly_name_for_constraint(), 0);
}

}  // namespace

void add_conversion_functions(FunctionTable& t) {
    Function convert_fn;
    convert_fn.params = {param("value", Type::dynamic(), null | unknown | dynamic), lazy_param("type", ArgumentForm::type)};
    convert_fn.lazy_impl = convert_impl;
    t["convert"] = std::move(convert_fn);

    Function can_fn;
    can_fn.params = {lazy_param("expression", ArgumentForm::expression)};
    can_fn.lazy_impl = can_impl;
    t["can"] = std::move(can_fn);

    Function try_fn;
    try_fn.var_param = lazy_param("expressions", ArgumentForm::expression);
    try_fn.lazy_impl = try_impl;
    t["try"] = std::move(try_fn);
}

}  // namespace hjob::cty::fn
