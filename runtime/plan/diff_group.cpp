// The diff of one task group: its fields and stanzas, and its tasks matched by name.
#include <algorithm>

#include "runtime/plan/diff_parts.hpp"

namespace hjob::runtime::diffing {
namespace {

Flat group_flat(const ir::Group& g) {
    Flat f;
    f.add("Count", g.count).dur("MaxClientDisconnect", g.max_client_disconnect).dur("MaxRunDuration", g.max_run_duration)
        .add("PreventRescheduleOnLost", g.prevent_reschedule_on_lost).dur("ShutdownDelay", g.shutdown_delay)
        .dur("StopAfterClientDisconnect", g.stop_after_client_disconnect);
    f.map("Meta", g.meta);
    return f;
}

ObjectDiff diff_update(const ir::UpdateStrategy* b, const ir::UpdateStrategy* a) {
    // Stagger is left out, as Nomad leaves it out of group diffs.
    return object_of("Update", b, a, [](const ir::UpdateStrategy& u) {
        return Flat{}.add("AutoPromote", u.auto_promote).add("AutoRevert", u.auto_revert).add("Canary", u.canary)
            .add("HealthCheck", u.health_check).dur("HealthyDeadline", u.healthy_deadline).add("MaxParallel", u.max_parallel)
            .dur("MinHealthyTime", u.min_healthy_time).dur("ProgressDeadline", u.progress_deadline);
    });
}

void diff_group_parts(std::vector<ObjectDiff>& o, const ir::Group* b, const ir::Group* a) {
    diff_constraints(o, member(b, &ir::Group::constraints), member(a, &ir::Group::constraints));
    diff_affinities(o, member(b, &ir::Group::affinities), member(a, &ir::Group::affinities));
    diff_spreads(o, member(b, &ir::Group::spreads), member(a, &ir::Group::spreads));
    o.push_back(diff_restart(member(b, &ir::Group::restart), member(a, &ir::Group::restart)));
    o.push_back(object_of("ReschedulePolicy", b ? opt(&b->reschedule) : nullptr, a ? opt(&a->reschedule) : nullptr,
                          [](const ir::ReschedulePolicy& r) {
                              return Flat{}.add("Attempts", r.attempts).dur("Delay", r.delay).add("DelayFunction", r.delay_function)
                                  .dur("Interval", r.interval).dur("MaxDelay", r.max_delay).add("Unlimited", r.unlimited);
                          }));
    o.push_back(object_of("EphemeralDisk", member(b, &ir::Group::ephemeral_disk), member(a, &ir::Group::ephemeral_disk),
                          [](const ir::EphemeralDisk& e) {
                              return Flat{}.add("Migrate", e.migrate).add("SizeMB", e.size_mb).add("Sticky", e.sticky);
                          }));
    o.push_back(diff_update(b ? opt(&b->update) : nullptr, a ? opt(&a->update) : nullptr));
    o.push_back(object_of("Migrate", b ? opt(&b->migrate) : nullptr, a ? opt(&a->migrate) : nullptr,
                          [](const ir::MigrateStrategy& m) {
                              return Flat{}.add("HealthCheck", m.health_check).dur("HealthyDeadline", m.healthy_deadline)
                                  .add("MaxParallel", m.max_parallel).dur("MinHealthyTime", m.min_healthy_time);
                          }));
    diff_networks(o, member(b, &ir::Group::networks), member(a, &ir::Group::networks));
    diff_services(o, member(b, &ir::Group::services), member(a, &ir::Group::services));
    using Volumes = std::map<std::string, ir::Volume>;
    const Volumes* vb = member(b, &ir::Group::volumes);
    const Volumes* va = member(a, &ir::Group::volumes);
    std::vector<std::string> names;
    for (const auto* vs : {vb, va})
        if (vs)
            for (const auto& [n, v] : *vs)
                if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        auto find = [&](const Volumes* vs) -> const ir::Volume* {
            if (!vs) return nullptr;
            const auto it = vs->find(n);
            return it == vs->end() ? nullptr : &it->second;
        };
        o.push_back(object_of("Volume", find(vb), find(va), [&](const ir::Volume& v) {
            Flat f;
            f.add("AccessMode", v.access_mode).add("AttachmentMode", v.attachment_mode).add("Name", n)
                .add("PerAlloc", v.per_alloc).add("ReadOnly", v.read_only).add("Source", v.source).add("Sticky", v.sticky)
                .add("Type", v.type);
            if (v.mount_options) f.add("MountOptions.FSType", v.mount_options->fs_type);
            return f;
        }));
    }
    o.push_back(object_of("Scaling", b ? opt(&b->scaling) : nullptr, a ? opt(&a->scaling) : nullptr, [](const ir::Scaling& s) {
        return Flat{}.add("Enabled", s.enabled).add("Max", s.max).add("Min", s.min).add("Type", s.type).json("Policy", s.policy);
    }));
    o.push_back(diff_consul(b ? opt(&b->consul) : nullptr, a ? opt(&a->consul) : nullptr));
    o.push_back(object_of("Disconnect", b ? opt(&b->disconnect) : nullptr, a ? opt(&a->disconnect) : nullptr,
                          [](const ir::Disconnect& d) {
                              return Flat{}.dur("LostAfter", d.lost_after).add("Reconcile", d.reconcile).add("Replace", d.replace)
                                  .dur("StopOnClientAfter", d.stop_on_client_after);
                          }));
}

}  // namespace

GroupDiff diff_group(const ir::Group* b, const ir::Group* a) {
    GroupDiff d;
    d.name = b ? b->name : a->name;
    std::optional<Flat> fb, fa;
    if (b) fb = group_flat(*b);
    if (a) fa = group_flat(*a);
    d.fields = diff_fields(fb ? &*fb : nullptr, fa ? &*fa : nullptr);
    // Job, group and task fields are listed only when they changed (Nomad's non-contextual
    // field diff at these levels); objects below list their unchanged fields too.
    std::erase_if(d.fields, [](const FieldDiff& f) { return f.type == DiffType::None; });
    std::vector<ObjectDiff> objects;
    diff_group_parts(objects, b, a);
    for (auto& o : objects) keep(d.objects, std::move(o));
    sort_objects(d.objects);
    std::vector<std::string> names;
    for (const auto* g : {b, a})
        if (g)
            for (const auto& t : g->tasks)
                if (std::find(names.begin(), names.end(), t.name) == names.end()) names.push_back(t.name);
    std::sort(names.begin(), names.end());
    auto find = [](const ir::Group* g, const std::string& n) -> const ir::Task* {
        if (!g) return nullptr;
        for (const auto& t : g->tasks)
            if (t.name == n) return &t;
        return nullptr;
    };
    bool tasks_changed = false;
    for (const auto& n : names) {
        d.tasks.push_back(diff_task(find(b, n), find(a, n)));
        tasks_changed |= d.tasks.back().type != DiffType::None;
    }
    d.type = roll_up(b != nullptr, a != nullptr, d.fields, d.objects);
    if (d.type == DiffType::None && tasks_changed) d.type = DiffType::Edited;
    return d;
}

}  // namespace hjob::runtime::diffing
