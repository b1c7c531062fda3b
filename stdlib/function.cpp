// cty's Function.Call: the checks every function gets for free before its implementation.
#include "function.hpp"

namespace hjob::cty {

Function::ReturnTypeFn Function::static_return(Type t) {
    return [t](std::span<const Value>) -> std::variant<Type, FunctionError> { return t; };
}

const Parameter* Function::param_for(std::size_t index) const {
    if (index < params.size()) return &params[index];
    return var_param ? &*var_param : nullptr;
}

namespace {

// cty's ReturnTypeForValues argument checks; nullopt when they pass.
std::optional<std::variant<Type, FunctionError>> check_argument(const Parameter& p, const Value& v, int index) {
    if (v.is_null() && !p.allow_null) return FunctionError{"argument must not be null", index};
    if (v.type().is_dynamic()) {
        if (!p.allow_dynamic) return Type::dynamic();
        return std::nullopt;
    }
    if (!p.type.is_dynamic() && !(v.type() == p.type) && !can_convert(v.type(), p.type, false) && !can_convert(v.type(), p.type, true))
        return FunctionError{mismatch_message(v.type(), p.type), index};
    return std::nullopt;
}

std::string count_error(std::size_t want, std::size_t got, bool at_least) {
    return "wrong number of arguments (" + std::string(at_least ? "at least " : "") + std::to_string(want) +
           " required; " + std::to_string(got) + " given)";
}

}  // namespace

CallResult Function::call(std::span<const Value> args) const {
    if (!var_param && args.size() != params.size()) return {Value(), FunctionError{count_error(params.size(), args.size(), false)}};
    if (var_param && args.size() < params.size()) return {Value(), FunctionError{count_error(params.size(), args.size(), true)}};
    // As go-cty's ReturnTypeForValues: an argument of type `any` that the parameter does
    // not allow makes the result type `any` without asking the type function, but the
    // implementation still runs when every argument is known (format("%v", null) is "null").
    // Unlike go-cty, later arguments are still checked, so no implementation sees a null
    // its parameter does not allow.
    bool dynamic_result = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto checked = check_argument(*param_for(i), args[i], static_cast<int>(i));
        if (!checked) continue;
        if (auto* err = std::get_if<FunctionError>(&*checked)) return {Value(), *err};
        dynamic_result = true;
    }
    Type ret = Type::dynamic();
    if (return_type && !dynamic_result) {
        auto r = return_type(args);
        if (auto* err = std::get_if<FunctionError>(&r)) return {Value(), *err};
        ret = std::get<Type>(r);
    }
    for (std::size_t i = 0; i < args.size(); ++i)
        if (!args[i].is_known() && !param_for(i)->allow_unknown) return {Value::unknown(ret), std::nullopt};
    try {
        return impl ? impl(args, ret) : CallResult{Value::unknown(ret), std::nullopt};
    } catch (const std::exception& e) {
        return {Value(), FunctionError{std::string("panic in function implementation: ") + e.what()}};
    }
}

}  // namespace hjob::cty
