// Job files to IR for the state commands (plan_compile.hpp), the way cli/check.cpp compiles.
#include "plan_compile.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "compiler/bind/bind.hpp"
#include "compiler/eval/calls.hpp"
#include "compiler/eval/variables.hpp"
#include "compiler/render/render.hpp"
#include "compiler/validate/validate.hpp"
#include "fmt_files.hpp"
#include "grammar/parser.hpp"
#include "runtime/state/ids.hpp"
#include "sensitive.hpp"
#include "stdlib/functions.hpp"

extern char** environ;

namespace hjob::cli {

namespace {

void print(const Diagnostics& diags, const SourceFile& file) {
    if (diags.empty()) return;
    render::Options ro;
    ro.color = ::isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    const SourceFile* files[] = {&file};
    std::ostringstream text;  // one write: std::cerr is unbuffered
    render::render(render::Format::human, render::Input{diags, files}, text, ro);
    std::cerr << text.str() << std::flush;
}

std::string value_text(const cty::Value& v) {
    if (v.is_known() && !v.is_null() && v.type() == cty::Type::string()) return v.as_string();
    return cty::to_json(v).value_or("(unknown)");
}

}  // namespace

std::optional<CompiledJob> compile_job_file(const std::string& command, const std::string& path,
                                            const std::vector<std::string>& vars,
                                            const std::vector<std::string>& var_files) {
    std::string error;
    auto text = read_input(FmtInput{path, path == "-"}, error);
    if (!text) {
        std::cerr << "hjob " << command << ": error: " << error << '\n';
        return std::nullopt;
    }
    const SourceFile file(path == "-" ? "<stdin>" : path, *text);
    auto tree = syntax::parse_config(file);
    Diagnostics diags = std::move(tree.diagnostics);
    bind::hint_map_syntax(tree, diags);
    if (has_errors(diags)) {
        print(diags, file);
        return std::nullopt;
    }
    cty::FunctionOptions fo;
    fo.base_dir = std::filesystem::path(file.name()).parent_path().string();
    eval::VariableInputs inputs{vars, var_files, {}};
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) inputs.environment.emplace_back(*e);
    auto scope = eval::build_root_scope(tree, inputs, eval::functions_for(tree, fo), diags);
    auto result = validate::compile_and_validate(tree, bind::CompileOptions{&scope.context});
    for (auto& d : result.diagnostics) diags.push_back(std::move(d));
    print(diags, file);
    if (has_errors(diags) || !result.job) return std::nullopt;
    CompiledJob out{std::move(*result.job), path, std::move(*text), {}};
    for (const auto& v : scope.variables)
        if (!v.source.empty() && v.source != "default") out.variables[v.name] = v.sensitive ? sensitive_mask : value_text(v.value);
    out.sensitive = sensitive_values(scope.variables);
    return out;
}

std::string spec_hash(const ir::Job& job) { return runtime::state::sha256_hex(ir::to_json(job).dump()); }

}  // namespace hjob::cli
