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

}  // namespace hjob::cli
