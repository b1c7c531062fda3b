// What every command on hjob's state shares: --data-dir (env HJOB_DATA_DIR), --lock-timeout
// for writers, opening the store, taking the lock, and reporting state errors (exit 1).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "runtime/state/lock.hpp"
#include "runtime/state/store.hpp"

namespace CLI {
class App;
}

namespace hjob::cli {

/// Exit status of the state commands: 0 success, 1 any error (as Terraform's), 2 is kept for
/// "plan has changes" under --detailed-exitcode; CLI11 usage errors still exit 2.
inline constexpr int exit_error = 1;

struct StateOptions {
    std::string data_dir;
    std::string lock_timeout = "0s";
};

/// Adds --data-dir (and --lock-timeout when `writer`) to `cmd`.
void add_state_options(CLI::App* cmd, StateOptions& opt, bool writer);

/// Opens the store of --data-dir / HJOB_DATA_DIR / the default; throws StateError.
runtime::state::Store open_store(const StateOptions& opt);

/// Takes the state lock for `operation`, waiting up to --lock-timeout; throws LockError.
/// Prints a note when it takes over the lock of a process that died holding it.
runtime::state::StateLock lock_state(const StateOptions& opt, const std::string& operation);

/// Runs `body`, turning StateError (and JSON or I/O exceptions) into "hjob COMMAND: error:
/// MESSAGE" on standard error and exit 1.
int run_state_command(const std::string& command, const std::function<int()>& body);

/// Throws CLI::RuntimeError(code) unless code is 0: how a subcommand callback sets the exit status.
void exit_with(int code);

/// Standard input is a terminal (confirmation prompts are possible).
bool stdin_is_terminal();

}  // namespace hjob::cli
