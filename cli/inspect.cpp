// `hjob inspect FILE`: the compiled job as JSON, either hjob's own IR (versioned, what the
// state store keeps) or the Nomad API form a cluster accepts on PUT /v1/jobs. Problems go to
// standard error in gcc style; exit 0 with the JSON, 1 on errors, 2 on usage or I/O errors.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "compiler/bind/bind.hpp"
#include "compiler/validate/validate.hpp"
#include "compiler/emit_nomad_json.hpp"
#include "compiler/render/render.hpp"
#include "fmt_files.hpp"
#include "grammar/parser.hpp"
#include "inspect_context.hpp"
#include "sensitive.hpp"
#include "status_inspect.hpp"

namespace hjob::cli {

namespace {

struct InspectOptions {
    std::string path;
    std::string format = "ir";
    std::vector<std::string> vars;
    std::vector<std::string> var_files;
    std::string data_dir;
};

void print_diagnostics(const Diagnostics& diags, const SourceFile& file) {
    if (diags.empty()) return;
    render::Options ro;
    ro.color = ::isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    const SourceFile* files[] = {&file};
    render::render(render::Format::human, render::Input{diags, files}, std::cerr, ro);
    std::cerr.flush();
}

int run_inspect(const InspectOptions& opt) {
    // Not a file: the stored job of that name (`hjob inspect JOB`).
    if (opt.path != "-" && !std::filesystem::exists(opt.path)) return inspect_stored_job(opt.path, opt.data_dir, opt.format);
    std::string error;
    auto text = read_input(FmtInput{opt.path, opt.path == "-"}, error);
    if (!text) {
        std::cerr << "hjob inspect: " << error << '\n';
        return exit_usage;
    }
    const SourceFile file(opt.path == "-" ? "<stdin>" : opt.path, std::move(*text));
    auto tree = syntax::parse_config(file);
    Diagnostics diags = std::move(tree.diagnostics);
    bind::hint_map_syntax(tree, diags);
    if (has_errors(diags)) {
        print_diagnostics(diags, file);
        return exit_findings;
    }
    InspectContext context(file, tree, opt.vars, opt.var_files);
    if (!context.io_error().empty()) {
        std::cerr << "hjob inspect: " << context.io_error() << '\n';
        return exit_usage;
    }
    for (auto& d : context.diagnostics()) diags.push_back(std::move(d));
    auto result = validate::compile_and_validate(tree, bind::CompileOptions{&context.scope()}, &diags);
    for (auto& d : result.diagnostics) diags.push_back(std::move(d));
    print_diagnostics(diags, file);
    if (has_errors(diags) || !result.job) return exit_findings;
    const auto doc = opt.format == "nomad" ? to_nomad_json(*result.job) : ir::to_json(*result.job);
    const auto mask = sensitive_redactor(sensitive_values_of_file(file.name(), std::string(file.text()), opt.vars, opt.var_files));
    std::cout << mask.apply(doc.dump(2)) << '\n';
    return exit_ok;
}

constexpr const char* inspect_help =
    "Compile a job file and print the job as JSON, with every Nomad default filled in.\n\n"
    "Formats (--format):\n"
    "  ir     hjob's intermediate representation: {\"ir_version\": 1, \"job\": {...}}, snake_case\n"
    "         keys, durations in nanoseconds; what hjob's state store records and plans compare\n"
    "  nomad  the Nomad API form: {\"Job\": {...}}, PascalCase fields, durations in nanoseconds,\n"
    "         as `nomad job inspect` shows the job once registered; accepted by PUT /v1/jobs\n"
    "         (server-generated fields such as indexes and SubmitTime are zero)\n\n"
    "Runtime references (${NOMAD_*}, ${node.*}, ${attr.*}, ${meta.*}, ${env[\"...\"]}) are kept\n"
    "as text for the client to fill in, as Nomad does.\n\n"
    "Problems are printed to standard error as FILE:LINE:COL: error: SUMMARY with the source\n"
    "line; warnings do not stop the output.\n\n"
    "Exit status:\n"
    "  0  the job compiled; its JSON is on standard output\n"
    "  1  the file has errors (nothing on standard output)\n"
    "  2  bad usage or an unreadable file\n\n"
    "Examples:\n"
    "  hjob inspect web.nomad.hcl\n"
    "  hjob inspect --format nomad web.nomad.hcl | curl -X PUT --data @- $NOMAD_ADDR/v1/jobs\n"
    "  hjob inspect --var image=nginx:1.27 --var-file prod.hcl web.nomad.hcl";

}  // namespace

void setup_inspect(CLI::App& app) {
    auto opt = std::make_shared<InspectOptions>();
    auto* cmd = app.add_subcommand("inspect", "Print the compiled job as JSON (hjob IR or Nomad API form)");
    cmd->footer(inspect_help);
    cmd->add_option("FILE", opt->path, "The job file; `-` reads standard input; or the id of a job in the state")
        ->required();
    cmd->add_option("-f,--format", opt->format, "Output: ir (default, hjob's IR) or nomad (Nomad API JSON)")
        ->check(CLI::IsMember({"ir", "nomad"}));
    cmd->add_option("--var", opt->vars, "Set the variable NAME to VALUE (NAME=VALUE; repeatable)")->type_name("NAME=VALUE");
    cmd->add_option("--var-file", opt->var_files, "Read variable values from FILE, HCL or JSON (repeatable)")
        ->type_name("FILE");
    cmd->add_option("--data-dir", opt->data_dir, "The state to look a job id up in (see hjob plan)")->type_name("DIR");
    cmd->callback([opt] {
        if (const int code = run_inspect(*opt); code != exit_ok) throw CLI::RuntimeError(code);
    });
}

}  // namespace hjob::cli
