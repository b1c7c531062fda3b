// The lines `hjob plan` prints after the plan: the job modify index and the exact command
// that applies the job with --check-index (Nomad's footer), or the saved plan's apply command.
#pragma once

#include <string>
#include <vector>

#include "runtime/model.hpp"
#include "runtime/plan/plan.hpp"

namespace hjob::cli {

struct FooterInput {
    runtime::Index job_modify_index = 0;
    std::string file, data_dir, out;
    std::vector<std::string> vars, var_files;
};

std::string plan_footer(const FooterInput& in);

/// The planner's text of `plan` ending in exactly one newline (the footer adds its own
/// blank line, as Nomad's does).
std::string plan_text(const runtime::Plan& plan, const runtime::RenderOptions& options);

/// `arg` quoted for a POSIX shell when it needs to be.
std::string shell_quote(const std::string& arg);

}  // namespace hjob::cli
