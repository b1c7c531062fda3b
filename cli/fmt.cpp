// `hjob fmt`: rewrites job files in the canonical format, byte for byte what `nomad fmt` and
// `terraform fmt` (hclwrite.Format) print. A file that does not parse is never rewritten.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "compiler/format/diff.hpp"
#include "compiler/format/format.hpp"
#include "compiler/render/diagnostic_text.hpp"
#include "fmt_files.hpp"
#include "grammar/parser.hpp"

namespace hjob::cli {

namespace {

struct FmtOptions {
    bool check = false;
    bool diff = false;
    bool write = false;
    bool recursive = false;
    std::vector<std::string> paths;
};

// `--check` found a file that is not formatted; distinct from exit_findings (a file does
// not parse) so that CI can tell "run hjob fmt" from "fix the syntax".
constexpr int exit_unformatted = 3;

struct FmtRun {
    const FmtOptions& opt;
    bool io_failed = false, syntax_failed = false, changed = false;

    void report_io(const std::string& message) {
        std::cerr << "hjob fmt: " << message << '\n';
        io_failed = true;
    }

    // gcc-style "FILE:LINE:COL: error: summary" (detail indented below), as `hjob syntax`.
    void report_syntax(const Diagnostics& diags) {
        render::write_gcc_style(std::cerr, diags);
        syntax_failed = true;
    }

    void format_one(const FmtInput& input) {
        std::string error;
        auto text = read_input(input, error);
        if (!text) return report_io(error);
        const SourceFile file(input.is_stdin ? "<stdin>" : input.path, std::move(*text));
        const auto tree = syntax::parse_config(file);
        if (has_errors(tree.diagnostics)) return report_syntax(tree.diagnostics);
        const std::string formatted = format::format_source(file);
        const bool differs = formatted != file.text();
        changed = changed || differs;
        if (!opt.check && !opt.diff && (!opt.write || input.is_stdin)) std::cout << formatted;
        if (opt.check && differs) std::cout << file.name() << '\n';
        if (opt.diff && differs) std::cout << format::unified_diff(file.text(), formatted, file.name());
        if (opt.write && differs && !input.is_stdin && !replace_file(input.path, formatted, error)) report_io(error);
    }

    int exit_code() const {
        if (io_failed) return exit_usage;
        if (syntax_failed) return exit_findings;
        return opt.check && changed ? exit_unformatted : exit_ok;
    }
};

int run_fmt(const FmtOptions& opt) {
    FmtRun run{opt};
    std::vector<std::string> errors;
    const auto inputs = collect_inputs(opt.paths, opt.recursive, errors);
    for (const auto& e : errors) run.report_io(e);
    for (const auto& input : inputs) run.format_one(input);
    std::cout.flush();
    return run.exit_code();
}

constexpr const char* fmt_description =
    "Rewrite HCL job files in the canonical format: byte for byte what `nomad fmt` and\n"
    "`terraform fmt` (HashiCorp's hclwrite.Format) print. Indentation follows bracket nesting\n"
    "(two spaces), spaces between tokens are normalised, and the `=` of consecutive one-line\n"
    "attributes and their trailing comments are aligned. Comments, heredoc bodies and string\n"
    "contents are never changed. Formatting twice changes nothing.\n\n"
    "With no flag, the formatted text of each file is printed to standard output. With no\n"
    "PATH, or with `-`, standard input is read (and with --write the result still goes to\n"
    "standard output). A directory PATH stands for its *.hcl, *.nomad, *.nomad.hcl and *.job\n"
    "files. A file that does not parse is never rewritten: its errors are printed as\n"
    "FILE:LINE:COL: error: SUMMARY.\n\n"
    "Exit status:\n"
    "  0  every file parsed (and, with --check, was already formatted)\n"
    "  1  a file has syntax errors (it is left untouched)\n"
    "  2  a path is missing or a file cannot be read or written, or bad usage\n"
    "  3  --check: at least one file is not formatted\n\n"
    "Examples:\n"
    "  hjob fmt job.nomad.hcl              print the formatted file\n"
    "  hjob fmt --write --recursive jobs/  format every job file under jobs/ in place\n"
    "  hjob fmt --check --diff .           list and show what would change (CI)\n"
    "  cat job.hcl | hjob fmt -            format standard input";

}  // namespace

void setup_fmt(CLI::App& app) {
    auto opt = std::make_shared<FmtOptions>();
    auto* cmd = app.add_subcommand("fmt", "Rewrite job files in the canonical HCL format (as nomad fmt)");
    cmd->footer(fmt_description);
    cmd->add_flag("-c,--check", opt->check, "List files whose formatting differs; exit 3 if any (writes nothing "
                                           "unless --write is given too)");
    cmd->add_flag("-d,--diff", opt->diff, "Print a unified diff of the changes for each file that differs");
    cmd->add_flag("-w,--write", opt->write, "Rewrite files in place (atomically, only when they change)");
    cmd->add_flag("-r,--recursive", opt->recursive, "Also format the job files in subdirectories of a directory");
    cmd->add_option("PATH", opt->paths, "Files or directories to format; `-` or none reads standard input");
    cmd->callback([opt] {
        if (const int code = run_fmt(*opt); code != 0) throw CLI::RuntimeError(code);
    });
}

}  // namespace hjob::cli
