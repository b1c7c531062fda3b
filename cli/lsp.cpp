// `hjob lsp`: the language server for editors, speaking LSP over standard input and output
// (cli/lsp/). Diagnostics, formatting and documentation come from the same compiler code as
// `hjob check`, `hjob fmt` and the job schema.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <memory>

#include "commands.hpp"
#include "lsp/loop.hpp"

namespace hjob::cli {

namespace {

struct LspOptions {
    int debounce_ms = 50;
    bool stdio = false;
};

constexpr const char* lsp_help =
    "Run the hjob language server: the Language Server Protocol (JSON-RPC 2.0 with\n"
    "Content-Length framing) on standard input and output, for *.hcl, *.nomad and *.nomad.hcl\n"
    "job files. Editors start it and talk to it; it is not meant to be typed at.\n\n"
    "Features: diagnostics as you type (those of `hjob check`), formatting (that of `hjob fmt`),\n"
    "quick fixes for did-you-mean suggestions, hover documentation and completion of stanzas,\n"
    "arguments and allowed values from the Nomad job schema, and document symbols (job,\n"
    "groups, tasks, services). Positions are UTF-16 unless the client offers UTF-8.\n\n"
    "Variables: every *.vars.hcl file in a job file's directory is read as a --var-file (in\n"
    "name order), and NOMAD_VAR_<name> from the server's environment applies.\n\n"
    "Exit status: 0 after the client's shutdown and exit, 1 when the input ends (or exit comes)\n"
    "without shutdown, 2 on a usage error.\n\n"
    "Neovim:   vim.lsp.start({ name = 'hjob', cmd = { 'hjob', 'lsp' } })\n"
    "VS Code:  a generic LSP client extension with the command `hjob lsp` (see man hjob-lsp)";

}  // namespace

void setup_lsp(CLI::App& app) {
    auto opt = std::make_shared<LspOptions>();
    auto* cmd = app.add_subcommand("lsp", "Run the language server for editors (LSP on standard input and output)");
    cmd->footer(lsp_help);
    cmd->add_option("--debounce", opt->debounce_ms,
                    "Shortest time in milliseconds between two checks while changes keep coming (default 50)")
        ->check(CLI::Range(0, 10000));
    cmd->add_flag("--stdio", opt->stdio, "Accepted for clients that pass it; standard input and output are always used");
    cmd->callback([opt] {
        lsp::ServerOptions so;
        so.debounce = std::chrono::milliseconds(opt->debounce_ms);
        if (const int code = lsp::serve(STDIN_FILENO, STDOUT_FILENO, so); code != exit_ok) throw CLI::RuntimeError(code);
    });
}

}  // namespace hjob::cli
