// The templates hook: renders the task's `template`s before each start and re-renders them while
// it runs, asking for a restart or a signal per change_mode (runtime/template).
#pragma once

#include <memory>

#include "hooks.hpp"

namespace hjob::runtime::agent {

std::unique_ptr<TaskHook> make_templates_hook(const TaskContext& ctx);

/// How often a running task's templates look for new data: the catalog's modify index is one
/// SQLite read; a secret is an HTTP request to the local API and a decryption, so less often.
constexpr int kTemplateCatalogPollMs = 1000;
constexpr int kTemplateSecretPollMs = 2000;

}  // namespace hjob::runtime::agent
