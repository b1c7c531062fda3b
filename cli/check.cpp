// `hjob check`: the linter for CI and editors. Reads job files (directories recursively, or
// standard input), reports every problem at once in one of seven formats, and sets the exit
// status from the diagnostics: 0 clean, 1 errors (or warnings with --werror), 2 usage or I/O.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <tuple>

#include "check_file.hpp"
#include "check_hcl1.hpp"
#include "commands.hpp"
#include "compiler/bind/bind.hpp"
#include "compiler/validate/validate.hpp"
#include "compiler/eval/calls.hpp"
#include "compiler/eval/variables.hpp"
#include "compiler/render/color.hpp"
#include "compiler/render/render.hpp"
#include "fmt_files.hpp"
#include "grammar/parser.hpp"
#include "stdlib/functions.hpp"

extern char** environ;  // POSIX: NOMAD_VAR_<name> values for the variables

namespace hjob::cli {

namespace {

namespace fs = std::filesystem;

struct CheckOptions {
    std::vector<std::string> paths;
    std::vector<std::string> vars;       ///< NAME=VALUE, in command-line order
    std::vector<std::string> var_files;  ///< HCL or JSON files of variable values
    bool werror = false;
    std::string format = "human";
    std::string color = "auto";
};

constexpr const char* version = "0.1.0";  // kept in step with project(hjob VERSION ...)

// The file's own diagnostics in source order, then those about other sources (var files,
// -var values) in the order they were found.
void sort_by_position(Diagnostics& ds, const SourceFile& file) {
    auto key = [&](const Diagnostic& d) {
        const bool own = d.subject.file == &file;
        return std::pair(own ? 0 : 1, own ? d.subject.range.begin : 0u);
    };
    std::stable_sort(ds.begin(), ds.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

}  // namespace

/// Parses `c.file`; a file that does not parse stops there (an HCL1 file's cascade replaced by
/// its one diagnostic), as Nomad evaluates nothing then. Otherwise variables and locals are
/// evaluated with the --var, --var-file and NOMAD_VAR_ values, and the job is bound and
/// validated against the Nomad job specification.
void check_file(Checked& c, const eval::VariableInputs& inputs) {
    const SourceFile& file = *c.file;
    auto tree = syntax::parse_config(file);
    if (auto hcl1 = detect_hcl1(file, tree.diagnostics)) {
        c.diagnostics.push_back(std::move(*hcl1));
        return;
    }
    c.diagnostics = std::move(tree.diagnostics);
    bind::hint_map_syntax(tree, c.diagnostics);
    if (!has_errors(c.diagnostics)) {
        cty::FunctionOptions fo;
        fo.base_dir = fs::path(file.name()).parent_path().string();
        const auto& functions = eval::functions_for(tree, fo);
        c.scope = std::make_unique<eval::RootScope>(eval::build_root_scope(tree, inputs, functions, c.diagnostics));
        bind::CompileOptions co;
        co.context = &c.scope->context;
        auto result = validate::compile_and_validate(tree, co, &c.diagnostics);
        for (auto& d : result.diagnostics) c.diagnostics.push_back(std::move(d));
    }
    sort_by_position(c.diagnostics, file);
}

namespace {

// `--var NAME=VALUE`: NAME must be an HCL identifier.
bool valid_var(const std::string& v) {
    const auto eq = v.find('=');
    if (eq == 0 || eq == std::string::npos) return false;
    const std::string name = v.substr(0, eq);
    if (!(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

// What %SRCROOT% stands for in SARIF: the enclosing git work tree, or the current directory.
std::string source_root() {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    for (fs::path p = cwd; !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec)) return p.string();
        if (p == p.root_path()) break;
    }
    return cwd.string();
}

struct CheckRun {
    explicit CheckRun(const CheckOptions& o) : opt(o) {}

    const CheckOptions& opt;
    bool io_failed = false;
    std::vector<Checked> checked;

    eval::VariableInputs inputs() const {
        eval::VariableInputs in{opt.vars, opt.var_files, {}};
        for (char** e = environ; e != nullptr && *e != nullptr; ++e) in.environment.emplace_back(*e);
        return in;
    }

    void report_io(const std::string& message) {
        std::cerr << "hjob check: " << message << '\n';
        io_failed = true;
    }

    bool check_usage() {
        for (const auto& v : opt.vars)
            if (!valid_var(v)) report_io("--var " + v + ": expected NAME=VALUE, NAME an identifier");
        std::string error;
        for (const auto& f : opt.var_files)
            if (!read_input(FmtInput{f, false}, error)) report_io("--var-file " + error);
        return !io_failed;
    }

    void check_one(const FmtInput& input) {
        std::string error;
        auto text = read_input(input, error);
        if (!text) return report_io(error);
        Checked c;
        c.file = std::make_unique<SourceFile>(input.is_stdin ? "<stdin>" : input.path, std::move(*text));
        check_file(c, inputs());
        checked.push_back(std::move(c));
    }

    // Every file's diagnostics. Those about a --var value or a var file come once per job file
    // checked (each job evaluates them anew); the same one is reported only once.
    Diagnostics all_diagnostics() const {
        Diagnostics all;
        std::set<std::tuple<std::string, std::uint32_t, std::string, std::string>> seen;
        for (const auto& c : checked)
            for (const auto& d : c.diagnostics) {
                const bool own = d.subject.file == nullptr || d.subject.file == c.file.get();
                if (own || seen.insert({d.subject.file->name(), d.subject.range.begin, d.code, d.detail}).second) all.push_back(d);
            }
        return all;
    }

    void render_all(const Diagnostics& diagnostics) const {
        render::Options ro;
        ro.tool_version = version;
        ro.source_root = source_root();
        const auto mode = render::parse_color_mode(opt.color).value_or(render::ColorMode::automatic);
        ro.color = render::want_color(mode, ::isatty(STDOUT_FILENO) != 0, std::getenv("NO_COLOR"), std::getenv("TERM"));
        std::vector<const SourceFile*> list;
        for (const auto& c : checked) list.push_back(c.file.get());
        const auto format = render::parse_format(opt.format).value_or(render::Format::human);
        render::render(format, render::Input{diagnostics, list}, std::cout, ro);
        std::cout.flush();
    }

    int exit_code(const Diagnostics& diagnostics) const {
        if (io_failed) return exit_usage;
        const auto warned = std::any_of(diagnostics.begin(), diagnostics.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::warning; });
        return has_errors(diagnostics) || (opt.werror && warned) ? exit_findings : exit_ok;
    }
};

int run_check(const CheckOptions& opt) {
    CheckRun run(opt);
    if (!run.check_usage()) return exit_usage;
    std::vector<std::string> errors;
    auto inputs = collect_inputs(opt.paths, true, errors);
    // A directory's *.vars.hcl files hold variable values (the var-file convention `hjob lsp`
    // reads), not jobs: checked as jobs they would only report "Unsupported argument".
    std::erase_if(inputs, [](const FmtInput& in) { return in.from_directory && in.path.ends_with(".vars.hcl"); });
    for (const auto& e : errors) run.report_io(e);
    if (inputs.empty() && errors.empty()) run.report_io("no job files (*.hcl, *.nomad, *.job) under the given paths");
    for (const auto& input : inputs) run.check_one(input);
    const Diagnostics all = run.all_diagnostics();
    run.render_all(all);
    return run.exit_code(all);
}

constexpr const char* check_help =
    "Check Nomad job files: parse them as HCL2, evaluate variables, locals and functions (with\n"
    "the --var, --var-file and NOMAD_VAR_<name> values, in Nomad's precedence) and check every\n"
    "stanza against the Nomad job specification. Every problem is reported at once, at its\n"
    "exact line and column (columns count characters), with no Nomad server involved.\n"
    "A file written in legacy HCL1 gets one diagnostic saying so (code syntax/hcl1).\n\n"
    "Formats (--format):\n"
    "  human       FILE:LINE:COL: error: SUMMARY [CODE], the source line with a ^~~~ underline,\n"
    "              the detail and the notes; coloured only on a terminal (--color, NO_COLOR)\n"
    "  gnu         one line per problem: FILE:LINE:COL-ENDLINE:ENDCOL: error: SUMMARY; DETAIL [CODE]\n"
    "  json        the document of terraform validate -json (format_version, valid, error_count,\n"
    "              warning_count, diagnostics with range and snippet) plus each problem's code\n"
    "  sarif       SARIF 2.1.0 for GitHub code scanning (rule ids are the codes; paths relative\n"
    "              to the git work tree)\n"
    "  github      GitHub Actions annotations (::error file=F,line=L,...::MESSAGE), then the report\n"
    "  checkstyle  Checkstyle XML (reviewdog -f=checkstyle, Jenkins)\n"
    "  junit       JUnit XML: one test case per file, one failure per error\n\n"
    "Reports go to standard output, I/O problems to standard error; standard input is named\n"
    "<stdin> in reports.\n\n"
    "Exit status:\n"
    "  0  no errors (warnings allowed, unless --werror)\n"
    "  1  errors found, or warnings with --werror\n"
    "  2  bad usage, a missing path, an unreadable file, or no job files under the paths\n\n"
    "Examples:\n"
    "  hjob check jobs/                             every job file under jobs/\n"
    "  hjob check --format sarif . > hjob.sarif     for github/codeql-action/upload-sarif\n"
    "  hjob check --format github jobs/             annotations in a GitHub Actions step\n"
    "  hjob check --format gnu . | reviewdog -efm='%f:%l:%c-%e:%k: %trror: %m' -reporter=local\n"
    "  hjob check --var image=nginx:1.27 web.nomad.hcl";

}  // namespace

void setup_check(CLI::App& app) {
    auto opt = std::make_shared<CheckOptions>();
    auto* cmd = app.add_subcommand("check", "Check job files and report every problem (for people, editors and CI)");
    cmd->footer(check_help);
    cmd->add_option("PATH", opt->paths,
                    "Files or directories to check (directories: their *.hcl, *.nomad, *.nomad.hcl and *.job files, "
                    "recursively, except *.vars.hcl variable files); `-` or none reads standard input");
    cmd->add_option("--var", opt->vars, "Set the variable NAME to VALUE (NAME=VALUE; repeatable)")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);  // one value per --var, so that PATHs after it stay PATHs
    cmd->add_option("--var-file", opt->var_files, "Read variable values from FILE, HCL or JSON (repeatable)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    cmd->add_flag("--werror", opt->werror, "Exit 1 when there are warnings, not only errors");
    cmd->add_option("-f,--format", opt->format, "Output format: human (default), gnu, json, sarif, github, checkstyle, junit")
        ->check(CLI::IsMember({"human", "gnu", "json", "sarif", "github", "checkstyle", "junit"}));
    cmd->add_option("--color", opt->color, "Colour the human format: auto (default: on a terminal, unless NO_COLOR is set), "
                                           "always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->callback([opt] {
        if (const int code = run_check(*opt); code != exit_ok) throw CLI::RuntimeError(code);
    });
}

}  // namespace hjob::cli
