// change_mode = "script": the command a template names, run when its output changes, in the
// task's directory and environment, killed after its timeout (Nomad's change_script).
#pragma once

#include <map>
#include <string>

#include "compiler/ir.hpp"

namespace hjob::runtime::tmpl {

/// Runs `script` and waits for it (at most its timeout). "" when it exited 0, else why.
std::string run_change_script(const ir::ChangeScript& script, const std::string& dir,
                              const std::map<std::string, std::string>& env);

}  // namespace hjob::runtime::tmpl
