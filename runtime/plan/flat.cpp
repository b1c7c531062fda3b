// Flattening and the generic comparisons of the diff (see flat.hpp).
#include "runtime/plan/flat.hpp"

#include <algorithm>
#include <map>

namespace hjob::runtime {

const char* to_string(DiffType t) {
    switch (t) {
    case DiffType::None: return "None";
    case DiffType::Added: return "Added";
    case DiffType::Deleted: return "Deleted";
    case DiffType::Edited: return "Edited";
    }
    return "None";
}

}  // namespace hjob::runtime

namespace hjob::runtime::diffing {

std::string human_duration(ir::Duration ns) {
    if (ns == 0) return "0s";
    std::string out;
    if (ns < 0) out = "-", ns = -ns;
    constexpr std::int64_t ms = 1'000'000, s = 1000 * ms, m = 60 * s, h = 60 * m;
    if (ns < s) {
        if (ns % ms == 0) return out + std::to_string(ns / ms) + "ms";
        if (ns % 1000 == 0) return out + std::to_string(ns / 1000) + "us";
        return out + std::to_string(ns) + "ns";
    }
    if (ns >= h) out += std::to_string(ns / h) + "h", ns %= h;
    if (ns >= m) out += std::to_string(ns / m) + "m", ns %= m;
    if (ns >= s) {
        out += std::to_string(ns / s);
        ns %= s;
        if (ns) {  // fractional seconds, trailing zeros trimmed: "1.5s"
            std::string frac = std::to_string(ns + 1'000'000'000).substr(1);
            while (frac.back() == '0') frac.pop_back();
            out += "." + frac;
        }
        out += "s";
    } else if (ns) {
        out += human_duration(ns);
    }
    return out;
}

Flat& Flat::map(const std::string& name, const ir::StringMap& m) {
    for (const auto& [k, v] : m) add(name + "[" + k + "]", v);
    return *this;
}

Flat& Flat::json(const std::string& prefix, const nlohmann::json& j) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it)
            json(prefix.empty() ? it.key() : prefix + "[" + it.key() + "]", it.value());
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) json(prefix + "[" + std::to_string(i) + "]", j[i]);
    } else if (j.is_string()) {
        add(prefix, j.get<std::string>());
    } else if (!j.is_null()) {
        add(prefix, j.dump());
    }
    return *this;
}

std::vector<FieldDiff> diff_fields(const Flat* before, const Flat* after) {
    std::map<std::string, std::pair<std::string, std::string>> all;
    if (before)
        for (const auto& [k, v] : before->fields) all[k].first = v;
    if (after)
        for (const auto& [k, v] : after->fields) all[k].second = v;
    std::vector<FieldDiff> out;
    for (auto& [name, vals] : all) {
        auto& [o, n] = vals;
        if (o.empty() && n.empty()) continue;
        FieldDiff f;
        f.name = name;
        f.type = o == n ? DiffType::None : o.empty() ? DiffType::Added : n.empty() ? DiffType::Deleted : DiffType::Edited;
        f.old_value = std::move(o);
        f.new_value = std::move(n);
        out.push_back(std::move(f));
    }
    return out;
}

DiffType roll_up(bool before, bool after, const std::vector<FieldDiff>& fields, const std::vector<ObjectDiff>& objects) {
    if (!before && after) return DiffType::Added;
    if (before && !after) return DiffType::Deleted;
    if (!before) return DiffType::None;
    const bool changed = std::any_of(fields.begin(), fields.end(), [](auto& f) { return f.type != DiffType::None; }) ||
                         std::any_of(objects.begin(), objects.end(), [](auto& o) { return o.type != DiffType::None; });
    return changed ? DiffType::Edited : DiffType::None;
}

void sort_objects(std::vector<ObjectDiff>& objects) {
    std::stable_sort(objects.begin(), objects.end(), [](const ObjectDiff& a, const ObjectDiff& b) { return a.name < b.name; });
}

ObjectDiff make_object(const std::string& name, const Flat* before, const Flat* after, std::vector<ObjectDiff> children) {
    ObjectDiff d;
    d.name = name;
    d.fields = diff_fields(before, after);
    for (auto& c : children) keep(d.objects, std::move(c));
    sort_objects(d.objects);
    d.type = roll_up(before != nullptr, after != nullptr, d.fields, d.objects);
    return d;
}

ObjectDiff diff_set(const std::string& name, const ir::Strings* before, const ir::Strings* after) {
    ObjectDiff d;
    d.name = name;
    static const ir::Strings none;
    const auto& b = before ? *before : none;
    const auto& a = after ? *after : none;
    for (const auto& v : b) {
        const bool kept = std::find(a.begin(), a.end(), v) != a.end();
        d.fields.push_back({kept ? DiffType::None : DiffType::Deleted, name, v, kept ? v : "", {}});
    }
    for (const auto& v : a)
        if (std::find(b.begin(), b.end(), v) == b.end()) d.fields.push_back({DiffType::Added, name, "", v, {}});
    std::stable_sort(d.fields.begin(), d.fields.end(), [](const FieldDiff& x, const FieldDiff& y) {
        return (x.old_value.empty() ? x.new_value : x.old_value) < (y.old_value.empty() ? y.new_value : y.old_value);
    });
    const bool changed = std::any_of(d.fields.begin(), d.fields.end(), [](auto& f) { return f.type != DiffType::None; });
    d.type = !changed ? DiffType::None : b.empty() ? DiffType::Added : a.empty() ? DiffType::Deleted : DiffType::Edited;
    return d;
}

void keep(std::vector<ObjectDiff>& out, ObjectDiff d) {
    if (d.type != DiffType::None) out.push_back(std::move(d));
}

}  // namespace hjob::runtime::diffing
