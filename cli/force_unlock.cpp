// `hjob force-unlock ID`: removes the state lock left by a command that cannot release it.
// The id must be the one the lock report printed, so only the lock that was seen is removed.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "runtime/state/ids.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;

struct ForceUnlockOptions {
    std::string id;
    StateOptions state;
};

constexpr const char* force_unlock_help =
    "Remove the state lock whose ID a failed command reported (\"Lock Info: ID ...\"). Use it only\n"
    "when the holder cannot release it: a lock whose process died is released by the system\n"
    "already. Removing the lock of a command that is still running lets two writers in.\n\n"
    "Exit status: 0 removed, 1 the state is not locked or the ID does not match.\n\n"
    "Examples:\n"
    "  hjob force-unlock 6f1c0a52-2d4e-4f3a-9b7e-0c8d5e1f2a3b";

}  // namespace

void setup_force_unlock(CLI::App& app) {
    auto opt = std::make_shared<ForceUnlockOptions>();
    auto* cmd = app.add_subcommand("force-unlock", "Remove a stale state lock by its ID");
    cmd->footer(force_unlock_help);
    cmd->add_option("ID", opt->id, "The lock ID a lock report printed")->required();
    add_state_options(cmd, opt->state, false);
    cmd->callback([opt] {
        exit_with(run_state_command("force-unlock", [&] {
            const auto info = rs::force_unlock(rs::resolve_data_dir(opt->state.data_dir), opt->id);
            std::cout << "Removed the state lock " << info.id << " (" << info.operation << " by " << info.who << ", pid "
                      << info.pid << ", since " << rs::format_time(info.created) << ")\n";
            return exit_ok;
        }));
    });
}

}  // namespace hjob::cli
