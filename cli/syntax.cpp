// `hjob syntax`: parse files and report syntax errors, or print the canonical syntax JSON
// that HashiCorp's reference front end prints for the same file (`hclref json`).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "compiler/emit_syntax_json.hpp"
#include "compiler/render/diagnostic_text.hpp"
#include "grammar/parser.hpp"

namespace hjob::cli {

namespace {

struct SyntaxOptions {
    std::vector<std::string> files;
    bool json = false;
    bool ranges = false;
    bool compact = false;
    bool snippets = false;
};

constexpr const char* syntax_help =
    "Parse HCL files (native syntax) without evaluating or validating them.\n"
    "Each syntax error is printed to standard error as\n"
    "  FILE:LINE:COL: error: summary\n"
    "followed by its detail, indented. A FILE of - reads standard input.\n"
    "With --json, the one FILE's syntax structure is printed to standard output as the\n"
    "canonical JSON of HashiCorp's reference parser (`hclref json`): attributes (name,\n"
    "kind of expression, source text, value when constant) and blocks (type, labels, body).\n"
    "Exit status: 0 no syntax errors, 1 syntax errors, 2 usage error or unreadable file.";

/// The file's bytes, or nullopt after printing why it cannot be read.
std::optional<std::string> read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "hjob: cannot read " << path << ": " << std::strerror(errno) << "\n";
        return std::nullopt;
    }
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) {
        std::cerr << "hjob: cannot read " << path << ": read error\n";
        return std::nullopt;
    }
    return text;
}

/// Parses one file; prints its diagnostics (and its JSON when asked). Returns its status.
int check_file(const std::string& path, const SyntaxOptions& o) {
    auto text = read_input(path);
    if (!text) return exit_usage;
    const SourceFile file(path == "-" ? "<stdin>" : path, std::move(*text));
    const syntax::SyntaxTree tree = syntax::parse_config(file);
    render::write_gcc_style(std::cerr, tree.diagnostics, render::TextOptions{o.snippets});
    if (has_errors(tree.diagnostics)) return exit_findings;
    if (o.json) std::cout << emit::syntax_json(tree, emit::SyntaxJsonOptions{o.ranges, o.compact}) << std::flush;
    return exit_ok;
}

int run_syntax(const SyntaxOptions& o) {
    if (o.json && o.files.size() != 1) {
        std::cerr << "hjob syntax: --json takes exactly one FILE\n";
        return exit_usage;
    }
    int status = exit_ok;
    for (const auto& path : o.files) status = std::max(status, check_file(path, o));
    return status;
}

}  // namespace

void setup_syntax(CLI::App& app) {
    auto opts = std::make_shared<SyntaxOptions>();
    CLI::App* cmd = app.add_subcommand("syntax", "Parse files and report syntax errors (--json: print the syntax tree)");
    cmd->footer(syntax_help);
    cmd->add_option("FILE", opts->files, "HCL files to parse; - reads standard input")->required();
    auto* json = cmd->add_flag("--json", opts->json, "Print the canonical syntax JSON of the one FILE to standard output");
    cmd->add_flag("--ranges", opts->ranges, "With --json: add \"range\": \"LINE:COL-LINE:COL\" to attributes and blocks")->needs(json);
    cmd->add_flag("--compact", opts->compact, "With --json: print the JSON on one line")->needs(json);
    cmd->add_flag("--snippets", opts->snippets, "Quote the source line under each diagnostic, with a caret");
    cmd->callback([opts] {
        const int status = run_syntax(*opts);
        if (status != exit_ok) throw CLI::RuntimeError(status);
    });
}

}  // namespace hjob::cli
