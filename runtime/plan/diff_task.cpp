// The diff of one task: its fields, driver config (flattened like Nomad's flatmap), resources,
// logs, artifacts (by destination), templates (by destination), vault, consul, identities,
// volume mounts, lifecycle and the task-level restart (the last two Nomad does not diff, so its
// plan shows an edited task with no reason; hjob shows them).
#include "runtime/plan/diff_parts.hpp"

namespace hjob::runtime::diffing {
namespace {

Flat task_flat(const ir::Task& t) {
    Flat f;
    f.add("Driver", t.driver).add("KillSignal", t.kill_signal).dur("KillTimeout", t.kill_timeout).add("Kind", t.kind)
        .add("Leader", t.leader).dur("ShutdownDelay", t.shutdown_delay).add("User", t.user);
    if (t.dispatch_payload_file) f.add("DispatchPayload.File", *t.dispatch_payload_file);
    f.map("Env", t.env).map("Meta", t.meta);
    return f;
}

ObjectDiff diff_resources(const ir::Resources* b, const ir::Resources* a) {
    std::vector<ObjectDiff> kids;
    diff_networks(kids, member(b, &ir::Resources::networks), member(a, &ir::Resources::networks));
    diff_list(kids, member(b, &ir::Resources::devices), member(a, &ir::Resources::devices),
              [](const ir::Device& d) { return d.name; }, [](const ir::Device* x, const ir::Device* y) {
                  return object_of("Device", x, y, [](const ir::Device& d) { return Flat{}.add("Count", d.count).add("Name", d.name); });
              });
    kids.push_back(object_of("NUMA", b ? opt(&b->numa) : nullptr, a ? opt(&a->numa) : nullptr, [](const ir::Numa& n) {
        Flat f;
        f.add("Affinity", n.affinity);
        for (std::size_t i = 0; i < n.devices.size(); ++i) f.add("Devices[" + std::to_string(i) + "]", n.devices[i]);
        return f;
    }));
    return object_of("Resources", b, a, [](const ir::Resources& r) {
        return Flat{}.add("CPU", r.cpu).add("Cores", r.cores).add("DiskMB", r.disk_mb).add("IOPS", r.iops)
            .add("MemoryMB", r.memory_mb).add("MemoryMaxMB", r.memory_max_mb).add("SecretsMB", r.secrets_mb);
    }, std::move(kids));
}

Flat template_flat(const ir::Template& t) {
    Flat f;
    f.add("ChangeMode", t.change_mode).add("ChangeSignal", t.change_signal).add("DestPath", t.destination)
        .add("EmbeddedTmpl", t.data).add("Envvars", t.env).add("ErrMissingKey", t.error_on_missing_key).add("Gid", t.gid)
        .add("LeftDelim", t.left_delimiter).add("Once", t.once).add("Perms", t.perms).add("RightDelim", t.right_delimiter)
        .add("SourcePath", t.source).dur("Splay", t.splay).add("Uid", t.uid).dur("VaultGrace", t.vault_grace);
    return f;
}

ObjectDiff diff_template(const ir::Template* b, const ir::Template* a) {
    std::vector<ObjectDiff> kids;
    kids.push_back(object_of("ChangeScript", b ? opt(&b->change_script) : nullptr, a ? opt(&a->change_script) : nullptr,
                             [](const ir::ChangeScript& c) {
                                 Flat f;
                                 f.add("Command", c.command).add("FailOnError", c.fail_on_error).dur("Timeout", c.timeout);
                                 for (std::size_t i = 0; i < c.args.size(); ++i) f.add("Args[" + std::to_string(i) + "]", c.args[i]);
                                 return f;
                             }));
    // Nomad names the nested wait object "Template" too.
    kids.push_back(object_of("Template", b ? opt(&b->wait) : nullptr, a ? opt(&a->wait) : nullptr,
                             [](const ir::TemplateWait& w) { return Flat{}.dur("Max", w.max).dur("Min", w.min); }));
    return object_of("Template", b, a, template_flat, std::move(kids));
}

ObjectDiff diff_artifact(const ir::Artifact* b, const ir::Artifact* a) {
    return object_of("Artifact", b, a, [](const ir::Artifact& x) {
        return Flat{}.add("Chown", x.chown).add("GetterInsecure", x.insecure).add("GetterMode", x.mode)
            .add("GetterSource", x.source).add("RelativeDest", x.destination).map("GetterHeaders", x.headers)
            .map("GetterOptions", x.options);
    });
}

ObjectDiff diff_vault(const ir::Vault* b, const ir::Vault* a) {
    std::vector<ObjectDiff> kids;
    kids.push_back(diff_set("Policies", member(b, &ir::Vault::policies), member(a, &ir::Vault::policies)));
    return object_of("Vault", b, a, [](const ir::Vault& v) {
        return Flat{}.add("AllowTokenExpiration", v.allow_token_expiration).add("ChangeMode", v.change_mode)
            .add("ChangeSignal", v.change_signal).add("Cluster", v.cluster).add("DisableFile", v.disable_file)
            .add("Env", v.env).add("Namespace", v.namespace_).add("Role", v.role);
    }, std::move(kids));
}

Flat identity_flat(const ir::Identity& i) {
    Flat f;
    f.add("ChangeMode", i.change_mode).add("ChangeSignal", i.change_signal).add("Env", i.env).add("File", i.file)
        .add("Filepath", i.filepath).add("Name", i.name).add("ServiceName", i.service_name).dur("TTL", i.ttl);
    for (std::size_t k = 0; k < i.audience.size(); ++k) f.add("Audience[" + std::to_string(k) + "]", i.audience[k]);
    return f;
}

void diff_task_parts(std::vector<ObjectDiff>& o, const ir::Task* b, const ir::Task* a) {
    auto json = [](const nlohmann::json& j) { return Flat{}.json("", j); };
    auto nonnull = [](const ir::Task* t, nlohmann::json ir::Task::*m) { return t && !(t->*m).is_null() ? &(t->*m) : nullptr; };
    o.push_back(object_of("Config", nonnull(b, &ir::Task::config), nonnull(a, &ir::Task::config), json));
    o.push_back(diff_resources(member(b, &ir::Task::resources), member(a, &ir::Task::resources)));
    o.push_back(object_of("LogConfig", member(b, &ir::Task::logs), member(a, &ir::Task::logs), [](const ir::LogConfig& l) {
        return Flat{}.add("Disabled", l.disabled).add("MaxFileSizeMB", l.max_file_size_mb).add("MaxFiles", l.max_files);
    }));
    diff_list(o, member(b, &ir::Task::artifacts), member(a, &ir::Task::artifacts),
              [](const ir::Artifact& x) { return x.destination + "\n" + x.source; }, diff_artifact);
    diff_list(o, member(b, &ir::Task::templates), member(a, &ir::Task::templates),
              [](const ir::Template& t) { return t.destination; }, diff_template);
    diff_services(o, member(b, &ir::Task::services), member(a, &ir::Task::services));
    diff_constraints(o, member(b, &ir::Task::constraints), member(a, &ir::Task::constraints));
    diff_affinities(o, member(b, &ir::Task::affinities), member(a, &ir::Task::affinities));
    o.push_back(diff_vault(b ? opt(&b->vault) : nullptr, a ? opt(&a->vault) : nullptr));
    o.push_back(diff_consul(b ? opt(&b->consul) : nullptr, a ? opt(&a->consul) : nullptr));
    o.push_back(object_of("Identity", b ? opt(&b->identity) : nullptr, a ? opt(&a->identity) : nullptr, identity_flat));
    diff_list(o, member(b, &ir::Task::identities), member(a, &ir::Task::identities),
              [](const ir::Identity& i) { return i.name; },
              [](const ir::Identity* x, const ir::Identity* y) { return object_of("Identity", x, y, identity_flat); });
    diff_list(o, member(b, &ir::Task::volume_mounts), member(a, &ir::Task::volume_mounts),
              [](const ir::VolumeMount& v) { return v.destination; }, [](const ir::VolumeMount* x, const ir::VolumeMount* y) {
                  return object_of("VolumeMount", x, y, [](const ir::VolumeMount& v) {
                      return Flat{}.add("Destination", v.destination).add("PropagationMode", v.propagation_mode)
                          .add("ReadOnly", v.read_only).add("SELinuxLabel", v.selinux_label).add("Volume", v.volume);
                  });
              });
    o.push_back(object_of("Lifecycle", b ? opt(&b->lifecycle) : nullptr, a ? opt(&a->lifecycle) : nullptr,
                          [](const ir::Lifecycle& l) { return Flat{}.add("Hook", l.hook).add("Sidecar", l.sidecar); }));
    o.push_back(diff_restart(member(b, &ir::Task::restart), member(a, &ir::Task::restart)));
    o.push_back(object_of("CSIPluginConfig", b ? opt(&b->csi_plugin) : nullptr, a ? opt(&a->csi_plugin) : nullptr,
                          [](const ir::CsiPlugin& p) {
                              return Flat{}.dur("HealthTimeout", p.health_timeout).add("ID", p.id)
                                  .add("MountDir", p.mount_dir).add("StagePublishBaseDir", p.stage_publish_base_dir).add("Type", p.type);
                          }));
    diff_list(o, member(b, &ir::Task::actions), member(a, &ir::Task::actions), [](const ir::Action& x) { return x.name; },
              [](const ir::Action* x, const ir::Action* y) {
                  return object_of("Action", x, y, [](const ir::Action& v) {
                      Flat f;
                      f.add("Command", v.command).add("Name", v.name);
                      for (std::size_t i = 0; i < v.args.size(); ++i) f.add("Args[" + std::to_string(i) + "]", v.args[i]);
                      return f;
                  });
              });
    o.push_back(object_of("Secret", nonnull(b, &ir::Task::secrets), nonnull(a, &ir::Task::secrets), json));
    o.push_back(object_of("Scaling", nonnull(b, &ir::Task::scaling_policies), nonnull(a, &ir::Task::scaling_policies), json));
}

}  // namespace

TaskDiff diff_task(const ir::Task* b, const ir::Task* a) {
    TaskDiff d;
    d.name = b ? b->name : a->name;
    std::optional<Flat> fb, fa;
    if (b) fb = task_flat(*b);
    if (a) fa = task_flat(*a);
    d.fields = diff_fields(fb ? &*fb : nullptr, fa ? &*fa : nullptr);
    // Job, group and task fields are listed only when they changed (Nomad's non-contextual
    // field diff at these levels); objects below list their unchanged fields too.
    std::erase_if(d.fields, [](const FieldDiff& f) { return f.type == DiffType::None; });
    std::vector<ObjectDiff> objects;
    diff_task_parts(objects, b, a);
    for (auto& o : objects) keep(d.objects, std::move(o));
    sort_objects(d.objects);
    d.type = roll_up(b != nullptr, a != nullptr, d.fields, d.objects);
    return d;
}

}  // namespace hjob::runtime::diffing
