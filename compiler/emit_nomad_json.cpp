// The job level of the Nomad API JSON, and the helpers every family uses.
#include "emit_nomad_json.hpp"

#include <cctype>

#include "emit_nomad/emit.hpp"

namespace hjob::emit {

json strings_or_null(const ir::Strings& s) { return s.empty() ? json(nullptr) : json(s); }
json map_or_null(const ir::StringMap& m) { return m.empty() ? json(nullptr) : json(m); }

namespace {

std::string pascal(std::string_view snake) {
    std::string out;
    bool upper = true;
    for (char c : snake) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

bool free_form(std::string_view key) { return key == "config" || key == "meta" || key == "env"; }

json periodic(const ir::Periodic& p) {
    return {{"Enabled", p.enabled},
            {"Spec", p.single_spec && !p.specs.empty() ? p.specs.front() : ""},
            {"Specs", p.single_spec ? json(nullptr) : strings_or_null(p.specs)},
            {"SpecType", p.spec_type},
            {"ProhibitOverlap", p.prohibit_overlap},
            {"TimeZone", p.time_zone}};
}

json parameterized(const ir::Parameterized& p) {
    return {{"Payload", p.payload},
            {"MetaRequired", strings_or_null(p.meta_required)},
            {"MetaOptional", strings_or_null(p.meta_optional)}};
}

json ui(const ir::Ui& u) {
    return {{"Description", u.description}, {"Links", list_or_null(u.links, [](const ir::UiLink& l) {
                 return json{{"Label", l.label}, {"URL", l.url}};
             })}};
}

/// The job keeps only Stagger and MaxParallel of its update block (Nomad's structs.Job).
json job_update(const std::optional<ir::UpdateStrategy>& u) {
    return {{"Stagger", u ? u->stagger : 0}, {"MaxParallel", u ? u->max_parallel : 0}, {"HealthCheck", ""},
            {"MinHealthyTime", 0}, {"HealthyDeadline", 0}, {"ProgressDeadline", 0}, {"Canary", 0},
            {"AutoRevert", false}, {"AutoPromote", false}};
}

}  // namespace

json pascal_keys(const json& v) {
    if (v.is_array()) {
        json out = json::array();
        for (const auto& item : v) out.push_back(pascal_keys(item));
        return out;
    }
    if (!v.is_object()) return v;
    json out = json::object();
    for (const auto& [key, value] : v.items()) out[pascal(key)] = free_form(key) ? value : pascal_keys(value);
    return out;
}

json constraint(const ir::Constraint& c) {
    return {{"LTarget", c.attribute}, {"RTarget", c.value}, {"Operand", c.operand}};
}

json affinity(const ir::Affinity& a) {
    return {{"LTarget", a.attribute}, {"RTarget", a.value}, {"Operand", a.operand}, {"Weight", a.weight}};
}

json spread(const ir::Spread& s) {
    return {{"Attribute", s.attribute}, {"Weight", s.weight}, {"SpreadTarget", list_or_null(s.targets, [](const auto& t) {
                 return json{{"Value", t.value}, {"Percent", t.percent}};
             })}};
}

json job(const ir::Job& j) {
    json out = {
        {"ID", j.id}, {"Name", j.name}, {"Type", j.type}, {"Region", j.region}, {"Namespace", j.namespace_},
        {"NodePool", j.node_pool}, {"Priority", j.priority}, {"AllAtOnce", j.all_at_once},
        {"Datacenters", j.datacenters}, {"Meta", map_or_null(j.meta)},
        {"Constraints", list_or_null(j.constraints, constraint)}, {"Affinities", list_or_null(j.affinities, affinity)},
        {"Spreads", list_or_null(j.spreads, spread)}, {"Update", job_update(j.update)},
        {"Periodic", j.periodic ? periodic(*j.periodic) : json(nullptr)},
        {"ParameterizedJob", j.parameterized ? parameterized(*j.parameterized) : json(nullptr)},
        {"Multiregion", j.multiregion.is_null() ? json(nullptr) : pascal_keys(j.multiregion)},
        {"UI", j.ui ? ui(*j.ui) : json(nullptr)}, {"ConsulNamespace", j.consul_namespace},
        {"VaultNamespace", j.vault_namespace}, {"Migrate", nullptr}, {"Reschedule", nullptr},
    };
    json groups = json::array();
    for (const auto& g : j.groups) groups.push_back(group(g, j));
    out["TaskGroups"] = groups.empty() ? json(nullptr) : groups;
    // Set by the server; present so the document has the shape `nomad job inspect` prints.
    for (const char* zero : {"CreateIndex", "ModifyIndex", "JobModifyIndex", "SubmitTime", "Version"}) out[zero] = 0;
    for (const char* empty : {"ParentID", "DispatchIdempotencyToken", "NomadTokenID", "Status", "StatusDescription"})
        out[empty] = "";
    for (const char* no : {"Dispatched", "Stable", "Stop"}) out[no] = false;
    out["Payload"] = nullptr;
    out["VersionTag"] = nullptr;
    return out;
}

}  // namespace hjob::emit

namespace hjob {

nlohmann::json to_nomad_json(const ir::Job& job) { return {{"Job", emit::job(job)}}; }

}  // namespace hjob
