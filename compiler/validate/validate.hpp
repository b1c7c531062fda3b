// Validation: Nomad's server-side rules (nomad/structs Job.Validate and friends) and hjob's
// warnings for risky jobs, run over the IR after binding. Each diagnostic points at the
// attribute or block it is about through the binder's SourceMap, with a stable code
// "validate/<rule>" (errors) or "warn/<rule>" (warnings); wording is Nomad's where it has one.
#pragma once

#include "compiler/bind/bind.hpp"
#include "compiler/ir.hpp"
#include "grammar/diagnostic.hpp"

namespace hjob::validate {

/// Every validation error and warning of `job`, located through `map`. Never throws.
Diagnostics check_job(const ir::Job& job, const ir::SourceMap& map);

/// What `hjob check` and `hjob inspect` compile with: bind::compile_job, then check_job when
/// neither binding nor the stages before it (`earlier`: parse, variables, locals) found an
/// error; a job bound from broken input would give follow-on errors, and Nomad itself
/// validates only a job that decoded. Validation diagnostics are appended to the result's.
bind::CompileResult compile_and_validate(const syntax::SyntaxTree& tree, const bind::CompileOptions& options = {},
                                         const Diagnostics* earlier = nullptr);

}  // namespace hjob::validate
