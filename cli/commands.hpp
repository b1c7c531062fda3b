// The subcommands of `hjob`: each lives in its own file with its own options struct and
// registers itself on the app through its setup_<name> function, called from main.cpp.
#pragma once

namespace CLI {
class App;
}

namespace hjob::cli {

/// Exit codes shared by every subcommand.
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;  ///< the input has errors (syntax, validation, ...)
inline constexpr int exit_usage = 2;     ///< bad command line, unreadable file, I/O failure

/// `hjob syntax FILE...`: parse only; gcc-style diagnostics; `--json` canonical tree.
void setup_syntax(CLI::App& app);

/// `hjob fmt [--check] [--diff] [--write] [--recursive] [PATH...]`: canonical formatting,
/// byte for byte as hclwrite.Format (`nomad fmt`); exit 3 when --check finds changes.
void setup_fmt(CLI::App& app);

/// `hjob check [PATH...]`: every problem of job files in human, gnu, json, sarif, github,
/// checkstyle or junit form; exit 1 on errors (or warnings with --werror).
void setup_check(CLI::App& app);

/// `hjob inspect FILE [--format ir|nomad]`: the compiled job as JSON (hjob IR or Nomad API).
void setup_inspect(CLI::App& app);

/// `hjob lsp`: the language server (LSP over standard input and output) for editors.
void setup_lsp(CLI::App& app);

// The state commands (runtime/state): exit 0 success, 1 error; `plan --detailed-exitcode`
// exits 2 when the plan has changes.

/// `hjob plan FILE`: the diff and scheduler dry-run against the state; --out saves it.
void setup_plan(CLI::App& app);
/// `hjob apply FILE|PLANFILE`: commit a job version, its allocations and deployment.
void setup_apply(CLI::App& app);
/// `hjob status [JOB]`: the jobs, or one job with its allocations.
void setup_status(CLI::App& app);
/// `hjob history JOB [-p]`: the versions of a job with their diffs.
void setup_history(CLI::App& app);
/// `hjob revert JOB VERSION`: an earlier spec as a new version.
void setup_revert(CLI::App& app);
/// `hjob stop JOB [--purge]`: stop the allocations of a job, or delete the job.
void setup_stop(CLI::App& app);
/// `hjob node list|status|register|remove|drain|eligibility`.
void setup_node(CLI::App& app);
/// `hjob force-unlock ID`: remove a state lock.
void setup_force_unlock(CLI::App& app);
/// `hjob secret put|get|list|delete|history|rekey`: KV v2 secrets sealed in the state.
void setup_secret(CLI::App& app);
/// `hjob policy write|read|list|delete`: secrets policies (Vault's policy language).
void setup_policy(CLI::App& app);
/// `hjob token create|lookup|renew|revoke`: tokens carrying policies, with expiry.
void setup_token(CLI::App& app);
/// `hjob services [NAME] [--json]`: the service catalog with instances and health.
void setup_services(CLI::App& app);
/// `hjob routes [--json]`: the router's route table in Fabio's form, and missing routes.
void setup_routes(CLI::App& app);
/// `hjob router [--listen ADDR] [--ui ADDR]`: the HTTP router over the catalog.
void setup_router(CLI::App& app);
/// `hjob agent [stop|status]`: the supervisor that runs the tasks of applied jobs.
void setup_agent(CLI::App& app);
/// `hjob alloc status|logs`: one allocation's tasks, events, ports and health; its task logs.
void setup_alloc(CLI::App& app);
/// `hjob deployment list|status|promote|fail`: rollouts of job versions.
void setup_deployment(CLI::App& app);

}  // namespace hjob::cli
