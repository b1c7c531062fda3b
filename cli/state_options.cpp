// Shared options and error handling of the state commands (state_options.hpp).
#include "state_options.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <iostream>

#include "runtime/state/ids.hpp"
#include "stdlib/fn_time.hpp"

namespace hjob::cli {

namespace rs = runtime::state;

void add_state_options(CLI::App* cmd, StateOptions& opt, bool writer) {
    cmd->add_option("--data-dir", opt.data_dir,
                    "The state directory (default: $HJOB_DATA_DIR, else $XDG_STATE_HOME/hjob, else "
                    "~/.local/state/hjob)")
        ->type_name("DIR");
    if (writer)
        cmd->add_option("--lock-timeout", opt.lock_timeout,
                        "How long to wait for another command's state lock, e.g. 10s (default 0s: fail at once)")
            ->type_name("DURATION");
}

rs::Store open_store(const StateOptions& opt) { return rs::Store::open(rs::resolve_data_dir(opt.data_dir)); }

rs::StateLock lock_state(const StateOptions& opt, const std::string& operation) {
    std::string error;
    const auto timeout = cty::fn::parse_duration(opt.lock_timeout, error);
    if (!timeout || *timeout < 0)
        throw rs::StateError("--lock-timeout " + opt.lock_timeout + ": " + (error.empty() ? "negative" : error) +
                             " (expected a duration such as 0s, 500ms, 1m)");
    auto lock = rs::StateLock::acquire(rs::resolve_data_dir(opt.data_dir), operation, *timeout);
    if (const auto& old = lock.stale())
        std::cerr << "note: took over the state lock " << old->id << " of pid " << old->pid << " (" << old->who << ", "
                  << old->operation << " since " << rs::format_time(old->created) << "), which is no longer running\n";
    return lock;
}

int run_state_command(const std::string& command, const std::function<int()>& body) {
    try {
        return body();
    } catch (const rs::StateError& e) {
        std::cerr << "hjob " << command << ": error: " << e.what() << '\n';
    } catch (const nlohmann::json::exception& e) {
        std::cerr << "hjob " << command << ": error: malformed JSON: " << e.what() << '\n';
    } catch (const std::exception& e) {  // I/O failures, and anything unforeseen: never a crash
        std::cerr << "hjob " << command << ": error: " << e.what() << '\n';
    }
    return exit_error;
}

void exit_with(int code) {
    if (code != 0) throw CLI::RuntimeError(code);
}

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) != 0; }

}  // namespace hjob::cli
