// sensitive.hpp: values from the evaluated variables, masked through secrets::Redactor.
#include "sensitive.hpp"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "compiler/eval/calls.hpp"
#include "grammar/parser.hpp"
#include "stdlib/functions.hpp"

extern char** environ;

namespace hjob::cli {

namespace {

std::string text_of(const cty::Value& v) {
    if (v.is_known() && !v.is_null() && v.type() == cty::Type::string()) return v.as_string();
    return cty::to_json(v).value_or("");
}

}  // namespace

std::vector<std::string> sensitive_values(const std::vector<eval::VariableInfo>& variables) {
    std::vector<std::string> out;
    for (const auto& v : variables)
        if (v.sensitive && v.value.is_known() && !v.value.is_null()) out.push_back(text_of(v.value));
    return out;
}

secrets::Redactor sensitive_redactor(const std::vector<std::string>& values) {
    secrets::Redactor r;
    for (const auto& v : values) {
        r.add(v);
        const std::string quoted = nlohmann::json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        r.add(std::string_view(quoted).substr(1, quoted.size() - 2));
    }
    return r;
}

std::vector<std::string> sensitive_values_of_file(const std::string& path, const std::string& text,
                                                  const std::vector<std::string>& vars,
                                                  const std::vector<std::string>& var_files) {
    const SourceFile file(path, text);
    auto tree = syntax::parse_config(file);
    Diagnostics diags;
    cty::FunctionOptions fo;
    fo.base_dir = std::filesystem::path(path).parent_path().string();
    eval::VariableInputs inputs{vars, var_files, {}};
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) inputs.environment.emplace_back(*e);
    const auto& functions = eval::functions_for(tree, fo);
    const auto scope = eval::build_root_scope(tree, inputs, functions, diags);
    return sensitive_values(scope.variables);
}

}  // namespace hjob::cli
