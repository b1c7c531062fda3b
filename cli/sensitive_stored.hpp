// Masking of stored jobs: the values of `sensitive` variables inside a job version kept in the
// state, for the commands that print a stored job (`hjob inspect JOB`, `hjob status --json JOB`,
// `hjob history -p|--json`). The version records its variables with sensitive ones masked, so
// the values are found again by compiling the stored source with a marker in place of each
// sensitive variable and reading, in the stored IR, what stands where a marker landed.
// The stored IR itself keeps the values in clear: the agent needs them to run the task (Nomad
// keeps them in its state too); only what hjob prints is masked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/model.hpp"

namespace hjob::cli {

/// The values of the sensitive string variables used in `version`'s job. Empty when the stored
/// source declares none, or no longer compiles on its own (it reads a file with file(), or a
/// sensitive variable is not a string): then nothing is masked, as before.
std::vector<std::string> sensitive_values_of_version(const runtime::JobVersion& version);

/// `values` (of the job being planned) plus those of the stored `current` version, whose old
/// values a plan's diff shows ("old" => "new").
std::vector<std::string> with_stored_values(std::vector<std::string> values,
                                            const std::optional<runtime::JobVersion>& current);

}  // namespace hjob::cli
