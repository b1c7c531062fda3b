// Functions callable from HCL, shaped after go-cty's function.Function: typed parameters
// with the same allow-null/unknown/dynamic switches, a return-type rule and an
// implementation. The evaluator turns their errors into HCL's call diagnostics; the
// function library (one file per family) registers its functions as FunctionTable entries.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "value.hpp"

namespace hjob::cty {

/// How the evaluator hands an argument to a function (HCL's customdecode types).
enum class ArgumentForm : std::uint8_t {
    value,       ///< evaluated and converted, as usual
    expression,  ///< unevaluated: the function evaluates it (can, try)
    type,        ///< read as a type constraint, not evaluated (convert's second argument)
};

struct Parameter {
    std::string name;
    Type type;                   ///< arguments are converted to this before the call
    bool allow_null = false;     ///< otherwise a null argument is "argument must not be null"
    bool allow_unknown = false;  ///< otherwise an unknown argument makes the result unknown
    bool allow_dynamic = false;  ///< otherwise an argument of type `any` makes the result `any`
    ArgumentForm form = ArgumentForm::value;
};

/// One argument of a function that takes unevaluated arguments (`Function::lazy_impl`).
struct LazyArgument {
    struct Outcome {
        Value value;
        Diagnostics diagnostics;
    };
    Value value;                        ///< form value: the converted value
    std::optional<Type> type;           ///< form type: the constraint (nullopt: it was invalid, already reported)
    std::function<Outcome()> evaluate;  ///< form expression: evaluates the expression in the call's scope
};

/// A failed call: cty's error text, and the argument it is about (-1: the call as a whole).
struct FunctionError {
    std::string message;
    int argument = -1;
};

/// A value, or the error that replaced it.
struct CallResult {
    Value value;
    std::optional<FunctionError> error;
    bool ok() const { return !error.has_value(); }
};

class Function {
public:
    using ReturnTypeFn = std::function<std::variant<Type, FunctionError>(std::span<const Value> args)>;
    using ImplFn = std::function<CallResult(std::span<const Value> args, const Type& return_type)>;

    std::string description;
    std::vector<Parameter> params;
    std::optional<Parameter> var_param;  ///< the variadic tail, when the function has one
    ReturnTypeFn return_type;            ///< may be empty together with a `static_return`
    ImplFn impl;
    /// Set for functions with `expression` or `type` parameters (can, try, convert): the
    /// evaluator then calls this instead of `call`, after the usual arity checks.
    std::function<CallResult(std::span<const LazyArgument> args)> lazy_impl;

    /// A return-type rule that ignores the arguments.
    static ReturnTypeFn static_return(Type t);

    /// The parameter an argument position binds to, or nullptr past the end.
    const Parameter* param_for(std::size_t index) const;

    /// cty's Function.Call: checks the argument count, nulls and types, short-circuits
    /// unknown arguments to an unknown result, then runs `impl`. Never throws for bad
    /// arguments; a throwing `impl` is reported as an error of the call.
    CallResult call(std::span<const Value> args) const;
};

/// Name -> function. Transparent comparison, so lookups by string_view work.
using FunctionTable = std::map<std::string, Function, std::less<>>;

}  // namespace hjob::cty
