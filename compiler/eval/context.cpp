// EvalContext: the variable maps of a scope chain.
#include "context.hpp"

namespace hjob::eval {

void EvalContext::set_variable(std::string name, cty::Value value) {
    if (!variables_) variables_.emplace();
    (*variables_)[std::move(name)] = std::move(value);
}

const cty::Value* EvalContext::own_variable(std::string_view name) const {
    if (!variables_) return nullptr;
    const auto it = variables_->find(name);
    return it == variables_->end() ? nullptr : &it->second;
}

std::vector<std::string> EvalContext::own_variable_names() const {
    std::vector<std::string> names;
    if (variables_)
        for (const auto& entry : *variables_) names.push_back(entry.first);
    return names;
}

}  // namespace hjob::eval
