// The `hjob` command: a CLI11 app whose subcommands register themselves (commands.hpp).
// Exit status: 0 clean, 1 findings in the input, 2 usage or I/O errors.
#include <iostream>
#include <cstdlib>
#include <cstdio>
#include <CLI/CLI.hpp>

#include <cstring>
#include <functional>

#include "commands.hpp"
#include "single_dash.hpp"

namespace {

// Kept in step with project(hjob VERSION ...) in the top-level CMakeLists.txt.
constexpr const char* hjob_version = "hjob 0.1.0";

constexpr const char* description =
    "hjob: a toolchain for Nomad job files written in HCL.\n"
    "It reads HCL native syntax as HashiCorp's parser does and reports problems as\n"
    "FILE:LINE:COL: error: summary lines (columns count characters).";

constexpr const char* footer =
    "Exit status: 0 when the input is clean, 1 when it has errors, 2 on a usage or I/O error.\n"
    "Run `hjob SUBCOMMAND --help` for the options of a subcommand.";

struct Command {
    const char* name;  // the subcommand its setup function adds
    void (*setup)(CLI::App&);
};

// Every subcommand, in the order `hjob --help` lists them. A new subcommand adds one line here.
constexpr Command commands[] = {
    {"syntax", hjob::cli::setup_syntax},
    {"fmt", hjob::cli::setup_fmt},
    {"check", hjob::cli::setup_check},
    {"inspect", hjob::cli::setup_inspect},
    {"lsp", hjob::cli::setup_lsp},
    {"plan", hjob::cli::setup_plan},
    {"apply", hjob::cli::setup_apply},
    {"status", hjob::cli::setup_status},
    {"history", hjob::cli::setup_history},
    {"revert", hjob::cli::setup_revert},
    {"stop", hjob::cli::setup_stop},
    {"node", hjob::cli::setup_node},
    {"force-unlock", hjob::cli::setup_force_unlock},
    {"secret", hjob::cli::setup_secret},
    {"policy", hjob::cli::setup_policy},
    {"token", hjob::cli::setup_token},
    {"services", hjob::cli::setup_services},
    {"routes", hjob::cli::setup_routes},
    {"router", hjob::cli::setup_router},
    {"agent", hjob::cli::setup_agent},
    {"alloc", hjob::cli::setup_alloc},
    {"deployment", hjob::cli::setup_deployment},
};

bool has_subcommand(const CLI::App& app, const char* name) {
    const auto named = [name](const CLI::App* sub) { return sub->get_name() == name; };
    return !app.get_subcommands(std::function<bool(const CLI::App*)>(named)).empty();
}

// Setting up every subcommand (hundreds of CLI11 options) was most of a short run's start-up
// (issue 3): set up only the one argv names. `hjob`, `hjob --help` and unknown names get all
// of them, so the overview and CLI11's errors stay complete; `--version` needs none.
void setup_commands(CLI::App& app, int argc, char** argv) {
    const char* first = argc > 1 ? argv[1] : "";
    if (std::strcmp(first, "--version") == 0) return;
    const Command* done = nullptr;
    for (const auto& c : commands) {
        if (std::strcmp(first, c.name) != 0) continue;
        c.setup(app);
        if (has_subcommand(app, c.name)) return;
        done = &c;  // a table line that names the wrong subcommand: fall back to all of them
        break;
    }
    for (const auto& c : commands)
        if (&c != done) c.setup(app);
}

}  // namespace

namespace {

int run(int argc, char** argv) {
    CLI::App app{description, "hjob"};
    app.footer(footer);
    app.set_version_flag("--version", hjob_version, "Print the version and exit");
    app.require_subcommand(1);
    setup_commands(app, argc, argv);
    const auto args = hjob::cli::accept_single_dash(app, argc, argv);
    std::vector<char*> args_ptrs;
    for (const auto& a : args) args_ptrs.push_back(const_cast<char*>(a.c_str()));
    try {
        app.parse(argc, args_ptrs.data());
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code();  // a subcommand's own exit status
    } catch (const CLI::ParseError& e) {
        app.exit(e);  // prints the message and a pointer to --help
        return hjob::cli::exit_usage;
    }
    return hjob::cli::exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    const int code = run(argc, argv);
    // Every command has finished and cleaned up in its own scope; what is left are static
    // tables and CLI11's validator objects, whose destructors only free memory. Skipping
    // them saves about a tenth of a short command's start-up and exit (page faults included).
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
}
