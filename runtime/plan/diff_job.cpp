// The job diff: job fields and stanzas, then the task groups matched by name. The job-level
// update block is left out (it is merged into every group, which shows it), as Nomad does.
#include <algorithm>

#include "runtime/plan/diff_parts.hpp"

namespace hjob::runtime {

using namespace diffing;

namespace {

Flat job_flat(const ir::Job& j) {
    Flat f;
    f.add("AllAtOnce", j.all_at_once).add("ConsulNamespace", j.consul_namespace).add("Name", j.name)
        .add("Namespace", j.namespace_).add("NodePool", j.node_pool).add("Priority", j.priority).add("Region", j.region)
        .add("Type", j.type).add("VaultNamespace", j.vault_namespace);
    f.map("Meta", j.meta);
    return f;
}

void diff_job_parts(std::vector<ObjectDiff>& o, const ir::Job* b, const ir::Job* a) {
    o.push_back(diff_set("Datacenters", member(b, &ir::Job::datacenters), member(a, &ir::Job::datacenters)));
    diff_constraints(o, member(b, &ir::Job::constraints), member(a, &ir::Job::constraints));
    diff_affinities(o, member(b, &ir::Job::affinities), member(a, &ir::Job::affinities));
    diff_spreads(o, member(b, &ir::Job::spreads), member(a, &ir::Job::spreads));
    const ir::Periodic* pb = b ? opt(&b->periodic) : nullptr;
    const ir::Periodic* pa = a ? opt(&a->periodic) : nullptr;
    std::vector<ObjectDiff> specs;
    specs.push_back(diff_set("Specs", member(pb, &ir::Periodic::specs), member(pa, &ir::Periodic::specs)));
    o.push_back(object_of("Periodic", pb, pa, [](const ir::Periodic& p) {
        return Flat{}.add("Enabled", p.enabled).add("ProhibitOverlap", p.prohibit_overlap).add("SpecType", p.spec_type)
            .add("TimeZone", p.time_zone);
    }, std::move(specs)));
    o.push_back(object_of("ParameterizedJob", b ? opt(&b->parameterized) : nullptr, a ? opt(&a->parameterized) : nullptr,
                          [](const ir::Parameterized& p) {
                              Flat f;
                              f.add("Payload", p.payload);
                              for (std::size_t i = 0; i < p.meta_required.size(); ++i) f.add("MetaRequired[" + std::to_string(i) + "]", p.meta_required[i]);
                              for (std::size_t i = 0; i < p.meta_optional.size(); ++i) f.add("MetaOptional[" + std::to_string(i) + "]", p.meta_optional[i]);
                              return f;
                          }));
    auto nonnull = [](const ir::Job* j) { return j && !j->multiregion.is_null() ? &j->multiregion : nullptr; };
    o.push_back(object_of("Multiregion", nonnull(b), nonnull(a), [](const nlohmann::json& j) { return Flat{}.json("", j); }));
    o.push_back(object_of("UI", b ? opt(&b->ui) : nullptr, a ? opt(&a->ui) : nullptr, [](const ir::Ui& u) {
        Flat f;
        f.add("Description", u.description);
        for (std::size_t i = 0; i < u.links.size(); ++i)
            f.add("Links[" + std::to_string(i) + "][" + u.links[i].label + "]", u.links[i].url);
        return f;
    }));
}

}  // namespace

JobDiff diff_jobs(const ir::Job* b, const ir::Job* a) {
    JobDiff d;
    d.id = b ? b->id : a ? a->id : "";
    std::optional<Flat> fb, fa;
    if (b) fb = job_flat(*b);
    if (a) fa = job_flat(*a);
    d.fields = diff_fields(fb ? &*fb : nullptr, fa ? &*fa : nullptr);
    // Job, group and task fields are listed only when they changed (Nomad's non-contextual
    // field diff at these levels); objects below list their unchanged fields too.
    std::erase_if(d.fields, [](const FieldDiff& f) { return f.type == DiffType::None; });
    std::vector<ObjectDiff> objects;
    diff_job_parts(objects, b, a);
    for (auto& o : objects) keep(d.objects, std::move(o));
    sort_objects(d.objects);
    std::vector<std::string> names;
    for (const auto* j : {b, a})
        if (j)
            for (const auto& g : j->groups)
                if (std::find(names.begin(), names.end(), g.name) == names.end()) names.push_back(g.name);
    std::sort(names.begin(), names.end());
    auto find = [](const ir::Job* j, const std::string& n) -> const ir::Group* {
        if (!j) return nullptr;
        for (const auto& g : j->groups)
            if (g.name == n) return &g;
        return nullptr;
    };
    bool groups_changed = false;
    for (const auto& n : names) {
        d.groups.push_back(diff_group(find(b, n), find(a, n)));
        groups_changed |= d.groups.back().type != DiffType::None;
    }
    d.type = roll_up(b != nullptr, a != nullptr, d.fields, d.objects);
    if (d.type == DiffType::None && groups_changed) d.type = DiffType::Edited;
    return d;
}

}  // namespace hjob::runtime
