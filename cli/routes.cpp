// `hjob routes [--json]`: the route table the router builds from the catalog, in Fabio's text
// form, with the reasons a service tagged urlprefix- has no route.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/router/routes.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

struct RoutesOptions {
    bool json = false;
    StateOptions state;
};

int run_routes(const RoutesOptions& opt) {
    auto store = open_store(opt.state);
    const auto table = runtime::router::build_table(runtime::catalog::Catalog(store).list());
    if (opt.json) std::cout << runtime::router::render_json(table).dump(2) << '\n';
    else if (table.routes.empty() && table.problems.empty())
        std::cout << "No routes: no instance in the catalog at " << store.dir() << " has a urlprefix- tag\n";
    else std::cout << runtime::router::render_text(table);
    return exit_ok;
}

constexpr const char* routes_help =
    "The route table that `hjob router` builds from the catalog: every urlprefix-[HOST]/PATH tag\n"
    "of a passing instance is a route to it, one Fabio line per target:\n"
    "  route add SERVICE SRC DST weight W tags \"T1,T2\" opts \"K=V ...\"\n"
    "W is the fraction of the route's traffic the target gets. Then one '#' line per service\n"
    "with urlprefix- tags but no route, and why: no passing instance (counts by status and the\n"
    "failing check's output) or a malformed tag.\n\n"
    "Exit status: 0 printed (an empty table too), 1 unreadable state.\n\n"
    "Examples:\n"
    "  hjob routes\n"
    "  hjob routes --json";

}  // namespace

void setup_routes(CLI::App& app) {
    auto opt = std::make_shared<RoutesOptions>();
    auto* cmd = app.add_subcommand("routes", "Print the router's route table (Fabio's form) and why routes are missing");
    cmd->footer(routes_help);
    cmd->add_flag("--json", opt->json, "Print JSON: routes with their targets, and problems");
    add_state_options(cmd, opt->state, false);
    cmd->callback([opt] { exit_with(run_state_command("routes", [&] { return run_routes(*opt); })); });
}

}  // namespace hjob::cli
