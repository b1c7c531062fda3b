// The scope an expression is evaluated in, after hcl.EvalContext: variables and functions,
// with parent scopes. Passing no context at all (nullptr) is HCL's nil context: variables
// and function calls are errors there, but `for` iteration variables still work because a
// `for` opens a child scope even of nothing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/function.hpp"
#include "stdlib/value.hpp"

namespace hjob::eval {

class EvalContext {
public:
    EvalContext() = default;
    /// A child scope; `parent` (possibly nullptr, the nil context) must outlive it.
    explicit EvalContext(const EvalContext* parent) : parent_(parent) {}

    /// Defines a variable; the first definition also turns "Variables not allowed" into
    /// "Unknown variable" for this scope and its children (HCL's non-nil Variables map).
    void set_variable(std::string name, cty::Value value);
    /// Makes the functions of `table` callable here; `table` must outlive the context.
    void set_functions(const cty::FunctionTable* table) { functions_ = table; }

    const EvalContext* parent() const { return parent_; }
    bool has_variables() const { return variables_.has_value(); }
    const cty::FunctionTable* functions() const { return functions_; }
    /// This scope's own variables, or nullptr when it has none.
    const cty::Value* own_variable(std::string_view name) const;
    /// This scope's own variable names (for did-you-mean).
    std::vector<std::string> own_variable_names() const;

private:
    const EvalContext* parent_ = nullptr;
    std::optional<std::map<std::string, cty::Value, std::less<>>> variables_;
    const cty::FunctionTable* functions_ = nullptr;
};

}  // namespace hjob::eval
