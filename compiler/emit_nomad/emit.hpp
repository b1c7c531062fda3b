// Internals of the Nomad API JSON emitter: one function per API struct, split by family.
#pragma once

#include <nlohmann/json.hpp>

#include "compiler/ir.hpp"

namespace hjob::emit {

using nlohmann::json;

/// Nomad's JSON for empty collections is null (its canonicalization nils them).
template <class C, class F>
json list_or_null(const C& items, F each) {
    if (items.empty()) return nullptr;
    json out = json::array();
    for (const auto& item : items) out.push_back(each(item));
    return out;
}
json strings_or_null(const ir::Strings& s);
json map_or_null(const ir::StringMap& m);
/// A block kept as written (snake_case keys) turned into API form: keys in PascalCase, except
/// inside free-form maps (config, meta) which keep the user's keys.
json pascal_keys(const json& v);

json constraint(const ir::Constraint& c);
json affinity(const ir::Affinity& a);
json spread(const ir::Spread& s);
json network(const ir::Network& n);
json service(const ir::Service& s);
json update(const ir::UpdateStrategy& u);
json restart(const ir::RestartPolicy& r);
json consul(const ir::Consul& c);
json task(const ir::Task& t, const ir::Job& job, const ir::Group& group);
json group(const ir::Group& g, const ir::Job& job);

}  // namespace hjob::emit
