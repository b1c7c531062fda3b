// Schema binding: a job file's syntax tree in, hjob's IR out, with Nomad's defaults applied
// and jobspec2's quirks reproduced (implicit groups for job-level tasks, vault pushed into
// tasks, meta/env as block or map, constraint shortcuts, config blocks as lists of objects).
// Diagnostics use HCL's wording ("Unsupported argument", "Missing required argument", ...).
#pragma once

#include <optional>

#include "compiler/eval/context.hpp"
#include "compiler/ir.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/syntax.hpp"

namespace hjob::bind {

struct CompileOptions {
    /// Scope of every expression: `var`, `local` and the function library, as the evaluation
    /// stage set it up. nullptr: no variables and no functions (literals still work).
    const eval::EvalContext* context = nullptr;
    /// Threads that decode groups: 0 uses two for a large job on a machine with two cores,
    /// 1 only the caller's, 2 or more two whatever the size. The result is the same.
    unsigned threads = 0;
};

struct CompileResult {
    /// The compiled job; absent when the file has no usable job block. Present (possibly
    /// partial) when other errors were found, so that later stages can still report.
    std::optional<ir::Job> job;
    ir::SourceMap source_map;
    Diagnostics diagnostics;  ///< binding's own; the parse diagnostics stay in the tree
};

/// Binds `tree` (whose file must outlive the result's source map). Never throws for user
/// errors: every problem is a diagnostic.
CompileResult compile_job(const syntax::SyntaxTree& tree, const CompileOptions& options = {});

/// Adds to parse diagnostics that fall inside an `env` or `meta` block (typically keys with
/// dots, which HCL does not accept as argument names) the hint to use map syntax.
void hint_map_syntax(const syntax::SyntaxTree& tree, Diagnostics& parse_diagnostics);

/// Whether a reference root is a known runtime name (NOMAD_*, node, attr, meta, env, device,
/// secret, and upper-case task environment names). Any other unknown root stays "${...}" too,
/// as in Nomad, but the binder warns about it (bind/unknown-runtime-root).
bool is_runtime_root(std::string_view root);

}  // namespace hjob::bind
