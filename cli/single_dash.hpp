// Nomad and Terraform spell long options with one dash (`nomad job run -var x=1 -check-index 5`,
// `terraform apply -auto-approve`); operators' fingers and scripts do too. CLI11 would read
// `-var` as the short flags -v -a -r, so such words are rewritten to `--var` before parsing.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace hjob::cli {

/// argv with every `-name` or `-name=value` (after the subcommand, before `--`) rewritten to
/// `--name...` when `name` is a long option of the subcommand argv names or of its subcommands.
std::vector<std::string> accept_single_dash(const CLI::App& app, int argc, char** argv);

}  // namespace hjob::cli
