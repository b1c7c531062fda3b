// Constraint targets and operators (see constraint.hpp). Semantics follow Nomad's
// scheduler/feasible.go checkConstraint: equality needs both sides set, `!=` holds when the
// left side is missing, ordering compares integers, then floats, then strings.
#include "runtime/scheduler/constraint.hpp"

#include <algorithm>
#include <charconv>

#include "runtime/scheduler/version.hpp"

namespace hjob::runtime::sched {
namespace {

std::vector<std::string_view> split_set(std::string_view s) {
    std::vector<std::string_view> out;
    while (true) {
        const auto comma = s.find(',');
        std::string_view part = s.substr(0, comma);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        out.push_back(part);
        if (comma == std::string_view::npos) return out;
        s.remove_prefix(comma + 1);
    }
}

template <class T>
bool parse_number(const std::string& s, T& out) {
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc() && p == end && !s.empty();
}

bool check_order(const std::string& op, const std::string& l, const std::string& r) {
    auto cmp = [&](auto a, auto b) {
        if (op == "<") return a < b;
        if (op == "<=") return a <= b;
        if (op == ">") return a > b;
        return a >= b;
    };
    long long li = 0, ri = 0;
    if (parse_number(l, li) && parse_number(r, ri)) return cmp(li, ri);
    double lf = 0, rf = 0;
    if (parse_number(l, lf) && parse_number(r, rf)) return cmp(lf, rf);
    return cmp(l, r);
}

bool check_set(const std::string& l, const std::string& r, bool any) {
    const auto have = split_set(l);
    for (std::string_view want : split_set(r)) {
        const bool found = std::find(have.begin(), have.end(), want) != have.end();
        if (any && found) return true;
        if (!any && !found) return false;
    }
    return !any;
}

}  // namespace

Target parse_target(std::string_view text) {
    if (!text.starts_with("${") || !text.ends_with("}")) return {Target::literal, std::string(text)};
    const std::string_view inner = text.substr(2, text.size() - 3);
    if (inner.starts_with("attr.")) return {Target::attr, std::string(inner.substr(5))};
    if (inner.starts_with("meta.")) return {Target::meta, std::string(inner.substr(5))};
    if (inner.starts_with("node.meta.")) return {Target::meta, std::string(inner.substr(10))};
    if (inner == "node.datacenter") return {Target::datacenter, {}};
    if (inner == "node.unique.name") return {Target::unique_name, {}};
    if (inner == "node.unique.id") return {Target::unique_id, {}};
    if (inner == "node.class") return {Target::node_class, {}};
    if (inner == "node.pool") return {Target::pool, {}};
    return {Target::unknown, std::string(inner)};
}

const std::string* resolve(const Target& t, const Node& node) {
    switch (t.kind) {
    case Target::literal: return &t.key;
    case Target::attr: {
        const auto it = node.attributes.find(t.key);
        return it == node.attributes.end() ? nullptr : &it->second;
    }
    case Target::meta: {
        const auto it = node.meta.find(t.key);
        return it == node.meta.end() ? nullptr : &it->second;
    }
    case Target::datacenter: return &node.datacenter;
    case Target::unique_name: return &node.name;
    case Target::unique_id: return &node.id;
    case Target::node_class: return &node.node_class;
    case Target::pool: return &node.node_pool;
    case Target::unknown: return nullptr;
    }
    return nullptr;
}

CheckedConstraint compile_constraint(const ir::Constraint& c) {
    return compile_constraint(c.attribute, c.operand, c.value);
}

CheckedConstraint compile_constraint(const std::string& attribute, const std::string& op, const std::string& value) {
    CheckedConstraint out;
    out.left = parse_target(attribute);
    out.right = parse_target(value);
    out.op = op.empty() ? "=" : op;
    out.text = attribute + " " + out.op;
    if (!value.empty()) out.text += " " + value;
    if (out.op == "regexp") {
        try {
            out.re = std::make_shared<std::regex>(value, std::regex::ECMAScript | std::regex::optimize);
        } catch (const std::regex_error&) {
            out.bad = true;
        }
    } else if (out.op == "version" || out.op == "semver") {
        if (auto vc = VersionConstraint::parse(value, out.op == "semver"))
            out.version = std::make_shared<VersionConstraint>(std::move(*vc));
        else
            out.bad = true;
    }
    return out;
}

bool check_operator(const CheckedConstraint& c, const std::string* l, const std::string* r) {
    const std::string& op = c.op;
    if (op == "is_set") return l != nullptr;
    if (op == "is_not_set") return l == nullptr;
    if (op == "!=" || op == "not") return !(l && r && *l == *r) && (l || r);
    if (c.bad || !l || !r) return false;
    if (op == "=" || op == "==" || op == "is") return *l == *r;
    if (op == "<" || op == "<=" || op == ">" || op == ">=") return check_order(op, *l, *r);
    if (op == "regexp") return std::regex_search(*l, *c.re);
    if (op == "version" || op == "semver") {
        const auto v = parse_version(*l, c.version->strict());
        return v && c.version->check(*v);
    }
    if (op == "set_contains" || op == "set_contains_all") return check_set(*l, *r, false);
    if (op == "set_contains_any") return check_set(*l, *r, true);
    return false;  // an operator the compiler let through but we do not know: never satisfied
}

bool satisfied(const CheckedConstraint& c, const Node& node) {
    if (c.dynamic()) return true;
    return check_operator(c, resolve(c.left, node), resolve(c.right, node));
}

}  // namespace hjob::runtime::sched
