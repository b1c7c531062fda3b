// cty's convert.Unify: the one type a set of types can all convert to (conditionals, list
// and map construction), with cty's preference order for primitives.
#include <algorithm>
#include <deque>

#include "value_convert_impl.hpp"

namespace hjob::cty {

namespace {

bool converts(const Type& in, const Type& out, bool unsafe) { return in == out || can_convert(in, out, unsafe); }

bool all_convert(const std::vector<Type>& types, const Type& to, bool unsafe) {
    return std::all_of(types.begin(), types.end(), [&](const Type& t) { return converts(t, to, unsafe); });
}

// cty's compareTypes: < 0 when a is the more general ("supertype") of the two.
int compare_types(const Type& a0, const Type& b0) {
    if (a0.is_dynamic() || b0.is_dynamic()) return a0.is_dynamic() == b0.is_dynamic() ? 0 : (a0.is_dynamic() ? 1 : -1);
    if (a0.is_primitive() && b0.is_primitive() && (a0.kind() == Kind::string || b0.kind() == Kind::string)) {
        if (a0.kind() != Kind::string) return 1;
        return b0.kind() != Kind::string ? -1 : 0;
    }
    if (a0.kind() == b0.kind() && a0.is_collection()) return compare_types(a0.element(), b0.element());
    Type a = a0, b = b0;
    int swap = 1;
    if ((a.is_tuple() && b.is_list()) || (a.is_object() && b.is_map()) || (a.is_set() && b.is_tuple()) || (a.is_set() && b.is_list())) {
        std::swap(a, b);
        swap = -1;
    }
    if (b.is_set() && (a.is_tuple() || a.is_list())) return -swap;
    if (a.is_list() && b.is_tuple()) return -swap;
    if (a.is_map() && b.is_object()) return -swap;
    std::vector<std::pair<const Type*, const Type*>> pairs;
    if (a.is_object() && b.is_object()) {
        if (a.attributes().size() != b.attributes().size()) return 0;
        for (const auto& [name, t] : a.attributes()) {
            const Type* other = b.attribute(name);
            if (other == nullptr) return 0;
            pairs.emplace_back(&t, other);
        }
    } else if (a.is_tuple() && b.is_tuple()) {
        if (a.elements().size() != b.elements().size()) return 0;
        for (std::size_t i = 0; i < a.elements().size(); ++i) pairs.emplace_back(&a.elements()[i], &b.elements()[i]);
    } else {
        return 0;
    }
    bool a_super = false, b_super = false;
    for (const auto& [x, y] : pairs) {
        const int c = compare_types(*x, *y);
        a_super = a_super || c < 0;
        b_super = b_super || c > 0;
    }
    if (a_super == b_super) return 0;
    return a_super ? -swap : swap;
}

// cty's sortTypes: a topological order, most general first, ties in input order.
std::vector<std::size_t> sort_types(const std::vector<Type>& types) {
    const std::size_t n = types.size();
    std::vector<std::vector<std::size_t>> edges(n);
    std::vector<int> in_degree(n, 0);
    for (std::size_t i = 0; i + 1 < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const int c = compare_types(types[i], types[j]);
            if (c < 0) edges[i].push_back(j);
            if (c > 0) edges[j].push_back(i);
        }
    for (const auto& outs : edges)
        for (std::size_t j : outs) ++in_degree[j];
    std::deque<std::size_t> queue;
    for (std::size_t i = 0; i < n; ++i)
        if (in_degree[i] == 0) queue.push_back(i);
    std::vector<std::size_t> order;
    while (!queue.empty()) {
        const std::size_t i = queue.front();
        queue.pop_front();
        order.push_back(i);
        for (std::size_t j : edges[i])
            if (--in_degree[j] == 0) queue.push_back(j);
    }
    return order;
}

std::optional<Type> to_collection(Kind kind, const std::vector<Type>& elems, const std::vector<Type>& types, bool unsafe) {
    const auto ety = unify(elems, unsafe);
    if (!ety) return std::nullopt;
    const Type t = kind == Kind::list ? Type::list(*ety) : kind == Kind::map ? Type::map(*ety) : Type::set(*ety);
    return all_convert(types, t, unsafe) ? std::optional<Type>(t) : std::nullopt;
}

std::vector<Type> element_types(const std::vector<Type>& types) {
    std::vector<Type> out;
    for (const auto& t : types) {
        if (t.is_object()) for (const auto& a : t.attributes()) out.push_back(a.second);
        else if (t.is_tuple()) out.insert(out.end(), t.elements().begin(), t.elements().end());
        else out.push_back(t.element());
    }
    return out;
}

/// Objects (or tuples) with the same attribute names (or length) unify attribute by
/// attribute; otherwise, or when that fails to convert, as a map (or list).
std::optional<Type> structural(const std::vector<Type>& types, bool unsafe) {
    const bool objects = types.front().is_object();
    const Kind fallback = objects ? Kind::map : Kind::list;
    const auto& first = types.front();
    for (const auto& t : types) {
        const bool same = objects ? t.attributes().size() == first.attributes().size() &&
                                        std::equal(t.attributes().begin(), t.attributes().end(), first.attributes().begin(),
                                                   [](const auto& x, const auto& y) { return x.first == y.first; })
                                  : t.elements().size() == first.elements().size();
        if (!same) return to_collection(fallback, element_types(types), types, unsafe);
    }
    const std::size_t n = objects ? first.attributes().size() : first.elements().size();
    std::vector<Type> unified;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<Type> across;
        for (const auto& t : types) across.push_back(objects ? t.attributes()[i].second : t.elements()[i]);
        auto u = unify(across, unsafe);
        if (!u) return std::nullopt;
        unified.push_back(*u);
    }
    Type result = Type::tuple(unified);
    if (objects) {
        AttributeTypes attrs;
        for (std::size_t i = 0; i < n; ++i) attrs.emplace_back(first.attributes()[i].first, unified[i]);
        result = Type::object(std::move(attrs));
    }
    if (all_convert(types, result, unsafe)) return result;
    return to_collection(fallback, element_types(types), types, unsafe);
}

/// Maps with objects (lists with tuples): the structural ones as a collection first.
std::optional<Type> mixed(Kind kind, const std::vector<Type>& types, bool unsafe) {
    std::vector<Type> structs;
    for (const auto& t : types)
        if (t.is_object() || t.is_tuple()) structs.push_back(t);
    const auto as_coll = to_collection(kind, element_types(structs), structs, unsafe);
    if (!as_coll) return std::nullopt;
    std::vector<Type> replaced;
    for (const auto& t : types) replaced.push_back(t.is_object() || t.is_tuple() ? *as_coll : t);
    auto r = unify(replaced, unsafe);
    return r && r->kind() == kind ? r : std::nullopt;
}

}  // namespace

std::optional<Type> unify(const std::vector<Type>& types, bool unsafe, bool* all_dynamic) {
    if (all_dynamic != nullptr) *all_dynamic = false;
    if (types.empty()) return std::nullopt;
    std::size_t count[9] = {};
    for (const auto& t : types) ++count[static_cast<std::size_t>(t.kind())];
    const auto c = [&](Kind k) { return count[static_cast<std::size_t>(k)]; };
    const std::size_t n = types.size(), dyn = c(Kind::dynamic);
    const auto only = [&](Kind k) { return c(k) > 0 && c(k) + dyn == n; };
    const auto as_dynamic = [&]() {
        if (all_dynamic != nullptr) *all_dynamic = true;
        return std::optional<Type>(Type::dynamic());
    };
    if (only(Kind::map) || only(Kind::list) || only(Kind::set)) {
        if (dyn > 0) return as_dynamic();
        return to_collection(types.front().kind(), element_types(types), types, unsafe);
    }
    if (c(Kind::map) > 0 && c(Kind::map) + c(Kind::object) + dyn == n) {
        if (auto r = mixed(Kind::map, types, unsafe)) return r;
    } else if (c(Kind::list) > 0 && c(Kind::list) + c(Kind::tuple) + dyn == n) {
        if (auto r = mixed(Kind::list, types, unsafe)) return r;
    } else if (only(Kind::object) || only(Kind::tuple)) {
        if (dyn > 0) return as_dynamic();
        return structural(types, unsafe);
    } else if (c(Kind::object) > 0 && c(Kind::tuple) > 0) {
        return std::nullopt;
    }
    for (std::size_t want : sort_types(types))
        if (all_convert(types, types[want], unsafe)) return types[want];
    return std::nullopt;
}

}  // namespace hjob::cty
