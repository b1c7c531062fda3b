// Starting `hjob agent` in the background for a data directory (what `hjob apply` does when no
// agent runs there): a new session, standard streams to <data-dir>/agent.log, and a wait until
// it holds the agent lock, so that the caller knows it runs (or why it could not start).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace hjob::cli {

struct AgentStart {
    long pid = 0;
    bool started = false;  ///< false: one was running already
    std::string error;     ///< set when it could not start (with the end of its log)
};

/// Starts an agent for `data_dir` unless one runs. HJOB_NO_AGENT=1 in the environment skips
/// it (pid 0, no error): scripts and tests that only plan.
AgentStart ensure_agent(const std::string& data_dir);

/// Whether HJOB_NO_AGENT asks commands not to start an agent.
bool agent_disabled();

/// After a command changed allocations (apply, revert, stop): ensures an agent runs unless
/// `skip` (--no-agent) or HJOB_NO_AGENT, and says so on `out` ("Agent: started (pid N) ...");
/// a failure to start is a warning on standard error, not an error of the command.
void report_agent(const std::string& data_dir, bool skip, std::ostream& out);

}  // namespace hjob::cli
