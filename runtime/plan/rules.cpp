// Destructive-or-in-place rules (see rules.hpp). Each rule names the diff object and field that
// matter; the first changed one, in the diff's (alphabetical) order, is the reason shown.
#include "runtime/plan/rules.hpp"

#include <algorithm>
#include <set>

namespace hjob::runtime::rules {
namespace {

/// "Template[local/app.conf]" for objects that match by a key field, else the name.
std::string object_label(const ObjectDiff& o) {
    const char* key = o.name == "Template" ? "DestPath" : o.name == "Artifact" ? "RelativeDest"
                      : o.name == "Service" ? "Name" : o.name == "Static Port" || o.name == "Dynamic Port" ? "Label" : nullptr;
    if (key)
        for (const auto& f : o.fields)
            if (f.name == key) return o.name + "[" + (f.new_value.empty() ? f.old_value : f.new_value) + "]";
    return o.name;
}

/// The path of the first change inside `o` among `fields` (all when empty).
std::string first_change(const ObjectDiff& o, const std::set<std::string>& fields = {}) {
    const std::string label = object_label(o);
    if (o.type == DiffType::Added) return label + " added";
    if (o.type == DiffType::Deleted) return label + " removed";
    for (const auto& f : o.fields)
        if (f.type != DiffType::None && (fields.empty() || fields.count(f.name))) return label + "." + f.name;
    for (const auto& c : o.objects)
        if (c.type != DiffType::None && (fields.empty() || fields.count(c.name))) return label + "." + first_change(c);
    return {};
}

struct ObjectRule {
    const char* name;
    std::set<std::string> fields;  ///< only these fields/children count; empty: all of them
};

// Objects whose changes force a new allocation, with the parts that matter.
const std::vector<ObjectRule>& task_object_rules() {
    static const std::vector<ObjectRule> rules = {
        {"Artifact", {}}, {"CSIPluginConfig", {}}, {"Config", {}}, {"Consul", {}}, {"Identity", {}},
        {"LogConfig", {"Disabled"}},
        {"Resources", {"CPU", "Cores", "MemoryMB", "MemoryMaxMB", "SecretsMB", "Device", "NUMA", "Network"}},
        {"RestartPolicy", {"RenderTemplates"}}, {"Secret", {}}, {"Template", {}}, {"Vault", {}}, {"VolumeMount", {}},
    };
    return rules;
}

const std::vector<ObjectRule>& group_object_rules() {
    static const std::vector<ObjectRule> rules = {
        {"Consul", {}}, {"EphemeralDisk", {}}, {"Network", {}}, {"RestartPolicy", {"RenderTemplates"}},
        {"Service", {"ConsulConnect"}}, {"Volume", {}},
    };
    return rules;
}

Verdict first_object(const std::vector<ObjectDiff>& objects, const std::vector<ObjectRule>& rules) {
    for (const auto& o : objects) {
        if (o.type == DiffType::None) continue;
        for (const auto& r : rules) {
            if (o.name != r.name) continue;
            // A connect block added to or removed from a service counts, not the service itself.
            if (!r.fields.empty() && (o.type == DiffType::Added || o.type == DiffType::Deleted)) {
                if (o.name == "Service") {
                    for (const auto& c : o.objects)
                        if (c.name == "ConsulConnect") return {Verdict::destructive, object_label(o) + ".ConsulConnect"};
                    continue;
                }
            }
            if (std::string path = first_change(o, r.fields); !path.empty()) return {Verdict::destructive, path};
        }
    }
    return {};
}

ir::StringMap combined_meta(const ir::Job& j, const ir::Group& g, const ir::Task& t) {
    ir::StringMap m = j.meta;
    for (const auto& [k, v] : g.meta) m[k] = v;
    for (const auto& [k, v] : t.meta) m[k] = v;
    return m;
}

std::string first_meta_change(const ir::StringMap& a, const ir::StringMap& b) {
    std::set<std::string> keys;
    for (const auto* m : {&a, &b})
        for (const auto& [k, v] : *m) keys.insert(k);
    for (const auto& k : keys) {
        const auto x = a.find(k), y = b.find(k);
        if (x == a.end() || y == b.end() || x->second != y->second) return "Meta[" + k + "]";
    }
    return {};
}

const ir::Task* find_task(const ir::Group& g, const std::string& name) {
    for (const auto& t : g.tasks)
        if (t.name == name) return &t;
    return nullptr;
}

}  // namespace

Verdict task_verdict(const TaskDiff& d) {
    if (d.type == DiffType::None) return {};
    for (const auto& f : d.fields) {
        if (f.type == DiffType::None) continue;
        if (f.name == "Driver" || f.name == "User" || f.name.starts_with("Env[") || f.name.starts_with("Meta["))
            return {Verdict::destructive, f.name};
    }
    if (Verdict v = first_object(d.objects, task_object_rules()); v.kind == Verdict::destructive) return v;
    return {Verdict::inplace, {}};
}

GroupVerdict group_verdict(const ir::Job& old_job, const ir::Group& old_group, const ir::Job& new_job,
                           const ir::Group& new_group, const GroupDiff& diff, bool spec_changed) {
    GroupVerdict out;
    for (const auto& t : diff.tasks) {
        if (t.type == DiffType::Added) out.group = {Verdict::destructive, "Task \"" + t.name + "\" added"};
        if (t.type == DiffType::Deleted) out.group = {Verdict::destructive, "Task \"" + t.name + "\" removed"};
        if (out.group.kind == Verdict::destructive) break;
    }
    if (out.group.kind != Verdict::destructive) out.group = first_object(diff.objects, group_object_rules());
    for (const auto& t : diff.tasks) {
        const ir::Task* ot = find_task(old_group, t.name);
        const ir::Task* nt = find_task(new_group, t.name);
        if (!ot || !nt) continue;
        Verdict v = task_verdict(t);
        if (v.kind != Verdict::destructive) {
            // Combined meta (job, then group, then task) reaches the task's environment.
            if (std::string m = first_meta_change(combined_meta(old_job, old_group, *ot), combined_meta(new_job, new_group, *nt));
                !m.empty())
                v = {Verdict::destructive, m};
        }
        out.tasks[t.name] = v;
    }
    if (out.group.kind == Verdict::destructive) {
        out.overall = out.group;
    } else {
        for (const auto& [name, v] : out.tasks)
            if (v.kind == Verdict::destructive) {
                out.overall = {Verdict::destructive, "Task \"" + name + "\": " + v.reason};
                break;
            }
    }
    if (out.overall.kind == Verdict::none && spec_changed) out.overall.kind = Verdict::inplace;
    return out;
}

}  // namespace hjob::runtime::rules
