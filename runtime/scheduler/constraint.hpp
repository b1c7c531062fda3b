// Constraint and affinity checks against one node, with every operator Nomad has: the
// targets ("${attr.kernel.name}", "${meta.rack}", "${node.datacenter}", literals) are parsed
// once per constraint, regular expressions and version constraints compiled once, so checking
// a group against 10,000 nodes evaluates each constraint once per node and nothing more.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <string_view>

#include "compiler/ir.hpp"
#include "runtime/model.hpp"

namespace hjob::runtime::sched {

/// Where a constraint's value comes from.
struct Target {
    enum Kind { literal, attr, meta, datacenter, unique_name, unique_id, node_class, pool, unknown };
    Kind kind = literal;
    std::string key;  ///< the attribute/meta key, or the literal text
};

Target parse_target(std::string_view text);
/// The value on `node`; nullptr when the node does not have it.
const std::string* resolve(const Target& t, const Node& node);

class VersionConstraint;

/// One constraint ready to check: Nomad's LTarget/Operand/RTarget, compiled.
struct CheckedConstraint {
    Target left, right;
    std::string op;
    std::string text;  ///< Nomad's String(): "${attr.kernel.name} = linux", as failures show it
    std::shared_ptr<std::regex> re;
    std::shared_ptr<VersionConstraint> version;
    bool bad = false;  ///< an invalid regexp or version: never satisfied

    /// distinct_hosts and distinct_property depend on placements, not on the node alone.
    bool dynamic() const { return op == "distinct_hosts" || op == "distinct_property"; }
};

CheckedConstraint compile_constraint(const ir::Constraint& c);
CheckedConstraint compile_constraint(const std::string& attribute, const std::string& op, const std::string& value);

/// Whether `node` satisfies a static constraint (dynamic ones answer true).
bool satisfied(const CheckedConstraint& c, const Node& node);

/// The operator applied to resolved values (nullptr: not set on the node).
bool check_operator(const CheckedConstraint& c, const std::string* l, const std::string* r);

}  // namespace hjob::runtime::sched
