// The IR as Nomad's API JSON: {"Job": {...}} with PascalCase fields and durations in
// nanoseconds, field for field what `nomad job inspect` prints for the job once the server
// has canonicalized it. Server-generated fields (indexes, SubmitTime, Status, Version, IDs)
// are present with zero values. A Nomad cluster accepts the document on PUT /v1/jobs.
#pragma once

#include <nlohmann/json.hpp>

#include "ir.hpp"

namespace hjob {

/// {"Job": {...}} for `job`.
nlohmann::json to_nomad_json(const ir::Job& job);

}  // namespace hjob
