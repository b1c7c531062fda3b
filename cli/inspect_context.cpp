// The interim evaluation scope of `hjob inspect` (see inspect_context.hpp). Precedence as
// Nomad's: default < NOMAD_VAR_<name> < --var-file < --var.
#include "inspect_context.hpp"

#include <cstdlib>
#include <filesystem>

#include "compiler/bind/runtime_refs.hpp"
#include "compiler/eval/evaluate.hpp"
#include "compiler/eval/type_expr.hpp"
#include "fmt_files.hpp"
#include "grammar/parser.hpp"
#include "stdlib/functions.hpp"

namespace hjob::cli {

namespace {

const syntax::Attribute* find(const syntax::Body& body, std::string_view name) {
    for (const auto& a : body.attributes)
        if (a.name == name) return &a;
    return nullptr;
}

}  // namespace

InspectContext::InspectContext(const SourceFile& file, const syntax::SyntaxTree& tree,
                               const std::vector<std::string>& vars, const std::vector<std::string>& var_files)
    : file_(file) {
    cty::FunctionOptions fo;
    fo.base_dir = std::filesystem::path(file.name()).parent_path().string();
    functions_.set_functions(&cty::nomad_functions(fo));
    declare(tree);
    for (auto& d : declared_)
        if (const char* env = std::getenv(("NOMAD_VAR_" + d.name).c_str())) assign(d.name, cty::Value::string(env), false);
    for (const auto& f : var_files) read_var_file(f);
    for (const auto& v : vars) {
        const auto eq = v.find('=');
        if (eq == std::string::npos || eq == 0) {
            io_error_ = "--var " + v + ": expected NAME=VALUE";
            return;
        }
        assign(v.substr(0, eq), cty::Value::string(v.substr(eq + 1)), true);
    }
    cty::Attributes values;
    for (const auto& d : declared_) {
        if (!d.value) {
            diags_.push_back({Severity::error, "eval/unset-variable", "Unset variable \"" + d.name + "\"",
                              "A used variable must be set or have a default value; set it with --var " + d.name +
                                  "=VALUE, a --var-file or the environment variable NOMAD_VAR_" + d.name + ".",
                              SourceRange{&file_, d.where}, {}, {}, {}});
            // Unknown rather than absent, so that references to it report nothing more.
            values.emplace_back(d.name, cty::Value::unknown(d.type.value_or(cty::Type::dynamic())));
            continue;
        }
        values.emplace_back(d.name, *d.value);
    }
    locals_.set_variable("var", cty::Value::object(std::move(values)));
    evaluate_locals(tree);
}

void InspectContext::declare(const syntax::SyntaxTree& tree) {
    for (const auto& blk : tree.body->blocks) {
        if (blk.type == "variables" && blk.body != nullptr)
            for (const auto& a : blk.body->attributes)
                declared_.push_back({std::string(a.name), std::nullopt, eval::evaluate(*a.expr, file_, &functions_, diags_),
                                     a.name_range});
        if (blk.type != "variable" || blk.labels.size() != 1 || blk.body == nullptr) continue;
        Declared d{std::string(blk.labels[0].value), std::nullopt, std::nullopt, blk.labels[0].range};
        if (const auto* t = find(*blk.body, "type")) d.type = eval::type_constraint(*t->expr, file_, diags_);
        if (const auto* def = find(*blk.body, "default")) d.value = eval::evaluate(*def->expr, file_, &functions_, diags_);
        declared_.push_back(std::move(d));
    }
    for (auto& d : declared_)
        if (d.value && d.type) d.value = cty::convert(*d.value, *d.type).value;
}

void InspectContext::assign(const std::string& name, cty::Value v, bool from_flag) {
    for (auto& d : declared_) {
        if (d.name != name) continue;
        d.value = d.type ? cty::convert(v, *d.type).value : v;
        return;
    }
    if (from_flag) io_error_ = "--var " + name + ": no variable named \"" + name + "\" is declared in the job file";
}

void InspectContext::read_var_file(const std::string& path) {
    std::string error;
    auto text = read_input(FmtInput{path, path == "-"}, error);
    if (!text) {
        io_error_ = "--var-file " + error;
        return;
    }
    var_files_.push_back(std::make_unique<SourceFile>(path, std::move(*text)));
    auto tree = syntax::parse_config(*var_files_.back());
    for (auto& d : tree.diagnostics) diags_.push_back(std::move(d));
    for (const auto& a : tree.body->attributes)
        assign(std::string(a.name), eval::evaluate(*a.expr, *var_files_.back(), &functions_, diags_), true);
}

void InspectContext::evaluate_locals(const syntax::SyntaxTree& tree) {
    std::vector<const syntax::Attribute*> pending;
    for (const auto& blk : tree.body->blocks)
        if (blk.type == "locals" && blk.body != nullptr)
            for (const auto& a : blk.body->attributes) pending.push_back(&a);
    cty::Attributes done;
    // Locals may refer to each other in any order: evaluate in passes until none progresses.
    while (!pending.empty()) {
        std::vector<const syntax::Attribute*> again;
        Diagnostics last;
        for (const auto* a : pending) {
            Diagnostics ds;
            // Runtime references (${NOMAD_ALLOC_ID}, ${attr.kernel.name}) stay text, as in jobspec2.
            eval::EvalContext scope(&locals_);
            bind::detail::add_runtime_references(*a->expr, file_, scope);
            cty::Value v = eval::evaluate(*a->expr, file_, &scope, ds);
            if (has_errors(ds)) {
                again.push_back(a);
                last.insert(last.end(), ds.begin(), ds.end());
                continue;
            }
            done.emplace_back(std::string(a->name), v);
            locals_.set_variable("local", cty::Value::object(done));
        }
        if (again.size() == pending.size()) {
            diags_.insert(diags_.end(), last.begin(), last.end());
            break;
        }
        pending = std::move(again);
    }
    if (done.empty()) locals_.set_variable("local", cty::Value::object({}));
}

}  // namespace hjob::cli
