// The `hjob` command: a CLI11 app whose subcommands register themselves (commands.hpp).
// Exit status: 0 clean, 1 findings in the input, 2 usage or I/O errors.
#include <CLI/CLI.hpp>

#include "commands.hpp"

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

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{description, "hjob"};
    app.footer(footer);
    app.set_version_flag("--version", hjob_version, "Print the version and exit");
    app.require_subcommand(1);
    hjob::cli::setup_syntax(app);
    hjob::cli::setup_fmt(app);
    hjob::cli::setup_check(app);
    hjob::cli::setup_inspect(app);
    hjob::cli::setup_lsp(app);
    hjob::cli::setup_plan(app);
    hjob::cli::setup_apply(app);
    hjob::cli::setup_status(app);
    hjob::cli::setup_history(app);
    hjob::cli::setup_revert(app);
    hjob::cli::setup_stop(app);
    hjob::cli::setup_node(app);
    hjob::cli::setup_force_unlock(app);
    hjob::cli::setup_secret(app);
    hjob::cli::setup_policy(app);
    hjob::cli::setup_token(app);
    try {
        app.parse(argc, argv);
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
