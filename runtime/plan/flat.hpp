// Building blocks of the diff: an object flattened to named primitive values (Nomad's
// flatmap), and the generic object, list and set comparisons that every stanza's diff uses.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/ir.hpp"
#include "runtime/plan/diff.hpp"

namespace hjob::runtime::diffing {

/// "30s", "1m30s", "2h", "250ms", "0s": a duration for people (Nomad prints nanoseconds).
std::string human_duration(ir::Duration ns);

/// An object's primitive fields in insertion order; names are Nomad's Go field names.
struct Flat {
    std::vector<std::pair<std::string, std::string>> fields;

    Flat& add(const std::string& name, const std::string& v) { return fields.emplace_back(name, v), *this; }
    Flat& add(const std::string& name, const char* v) { return add(name, std::string(v)); }
    Flat& add(const std::string& name, bool v) { return add(name, std::string(v ? "true" : "false")); }
    Flat& add(const std::string& name, int v) { return add(name, std::to_string(v)); }
    Flat& add(const std::string& name, std::int64_t v) { return add(name, std::to_string(v)); }
    Flat& add(const std::string& name, std::uint64_t v) { return add(name, std::to_string(v)); }
    Flat& dur(const std::string& name, ir::Duration v) { return add(name, human_duration(v)); }
    Flat& dur(const std::string& name, const std::optional<ir::Duration>& v) {
        return v ? dur(name, *v) : add(name, std::string());
    }
    Flat& add(const std::string& name, const std::optional<int>& v) {
        return v ? add(name, *v) : add(name, std::string());
    }
    /// `Meta[key]` for each entry.
    Flat& map(const std::string& name, const ir::StringMap& m);
    /// Nomad's flatmap of a JSON value: `args[0]`, `labels[0][team]`, `image`.
    Flat& json(const std::string& prefix, const nlohmann::json& j);
};

/// The diff of two flattened objects (either may be null: Added / Deleted) with the diffs of
/// their nested objects (None ones are dropped). Fields are sorted by name; unchanged fields
/// are listed as None (contextual: the renderer shows them only inside a changed object).
/// Type None when nothing differs.
ObjectDiff make_object(const std::string& name, const Flat* before, const Flat* after,
                       std::vector<ObjectDiff> children = {});

/// make_object over `flat(*b)` and `flat(*a)` (either pointer may be null).
template <class T, class F>
ObjectDiff object_of(const std::string& name, const T* b, const T* a, F flat, std::vector<ObjectDiff> children = {}) {
    std::optional<Flat> fb, fa;
    if (b) fb = flat(*b);
    if (a) fa = flat(*a);
    return make_object(name, fb ? &*fb : nullptr, fa ? &*fa : nullptr, std::move(children));
}

/// Field diffs only (for jobs, groups and tasks, which have their own diff types).
std::vector<FieldDiff> diff_fields(const Flat* before, const Flat* after);

/// A set of strings as an object named `name` whose fields are all named `name`.
ObjectDiff diff_set(const std::string& name, const ir::Strings* before, const ir::Strings* after);

/// Adds `d` to `out` unless it is None.
void keep(std::vector<ObjectDiff>& out, ObjectDiff d);

/// Compares two lists whose items match by `key`; `one` diffs a matched pair (nullptr for a
/// missing side) and the non-None results are appended to `out`.
template <class T, class Key, class One>
void diff_list(std::vector<ObjectDiff>& out, const std::vector<T>* before, const std::vector<T>* after, Key key, One one) {
    static const std::vector<T> none;
    const auto& b = before ? *before : none;
    const auto& a = after ? *after : none;
    std::vector<bool> used(a.size(), false);
    for (const T& x : b) {
        const T* match = nullptr;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!used[i] && key(a[i]) == key(x)) {
                used[i] = true;
                match = &a[i];
                break;
            }
        keep(out, one(&x, match));
    }
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!used[i]) keep(out, one(nullptr, &a[i]));
}

/// Sets the roll-up type of a job/group/task-like node from its parts.
DiffType roll_up(bool before, bool after, const std::vector<FieldDiff>& fields, const std::vector<ObjectDiff>& objects);

/// Sorts objects by name (stable, so repeated objects keep their order).
void sort_objects(std::vector<ObjectDiff>& objects);

}  // namespace hjob::runtime::diffing
