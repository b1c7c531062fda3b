// Blocks kept as data rather than typed IR fields: open maps (driver config, scaling policy,
// gateway listeners) the way jobspec2's BlocksAsAttrs shapes them, and rarely used typed
// blocks (connect, service identity) as JSON objects following their schema.
#pragma once

#include <nlohmann/json.hpp>

#include "binder.hpp"
#include "compiler/schema/schema.hpp"

namespace hjob::bind::detail {

/// An open body as jobspec2 decodes it into map[string]interface{}: each argument's value
/// (an object constructor wrapped in a one-element list), the blocks of each type as a list
/// of objects, a labelled block as {label: [body]}.
nlohmann::json opaque_json(Binder& b, const syntax::Body& body, const std::string& path);

/// A schema-known body as a JSON object with its argument names as keys: durations in
/// nanoseconds, child blocks as objects (repeatable ones as lists, labelled repeatable ones
/// as objects keyed by label), open children as opaque_json.
nlohmann::json written_json(Binder& b, const syntax::Body& body, const schema::Block& schema, const std::string& path);

}  // namespace hjob::bind::detail
