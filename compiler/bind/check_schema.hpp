// The schema pass: every argument and block of the job checked against the stanza tables
// before decoding, with HCL's wording and did-you-mean fixes. Decoders then read only what
// the schema knows and skip blocks whose labels are wrong.
#pragma once

#include "binder.hpp"
#include "compiler/schema/schema.hpp"

namespace hjob::bind::detail {

/// Checks `body` against `schema`, recursively. `open_brace` is where a missing required
/// argument is reported (HCL's MissingItemRange of the body).
void check_schema(Binder& b, const syntax::Body& body, const schema::Block& schema, Range open_brace);

/// Checks the top level of a file: only variable, variables, locals and job blocks, and the
/// job's label (its body is checked after dynamic-block expansion). Returns
/// false when the top level itself had unsupported items (jobspec2 then stops there).
bool check_file_schema(Binder& b, const syntax::Body& body);

/// Checks the arguments of a known driver's `config` against its schema. Unknown names are
/// warnings: Nomad only validates config on the client, when the task starts.
void check_driver_config(Binder& b, const syntax::Block& config, const schema::Block& schema);

}  // namespace hjob::bind::detail
