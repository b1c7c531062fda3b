// Placement rules: `constraint`, `affinity`, `spread` (digest §2.13-2.15). Constraint and
// affinity accept operator-named shortcut arguments (`version = ">= 1.2"`), as jobspec2 does.
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr std::string_view operators =
    "=|==|is|!=|not|<|<=|>|>=|regexp|version|semver|set_contains|set_contains_all|set_contains_any|is_set|"
    "is_not_set|distinct_hosts|distinct_property";

constexpr Attribute constraint_attrs[] = {
    attr("attribute", string, "Left side: a node attribute such as ${attr.kernel.name}, or a literal."),
    attr("operator", string, "Comparison operator.").def("=").one_of(operators),
    attr("value", string, "Right side of the comparison."),
    attr("version", string, "Shortcut for operator = \"version\" with this value."),
    attr("semver", string, "Shortcut for operator = \"semver\" with this value."),
    attr("regexp", string, "Shortcut for operator = \"regexp\" with this value."),
    attr("set_contains", string, "Shortcut for operator = \"set_contains\" with this value."),
    attr("set_contains_all", string, "Accepted but ignored by jobspec2: use operator.").old(),
    attr("set_contains_any", string, "Accepted but ignored by jobspec2: use operator.").old(),
    attr("is_set", string, "Accepted but ignored by jobspec2: use operator.").old(),
    attr("is_not_set", string, "Accepted but ignored by jobspec2: use operator.").old(),
    attr("distinct_hosts", boolean, "Shortcut: place each allocation on a different node."),
    attr("distinct_property", string, "Shortcut: spread allocations over the values of this attribute."),
};
constexpr Block constraint = block("constraint", "A rule nodes must satisfy.", constraint_attrs).many();

constexpr Attribute affinity_attrs[] = {
    attr("attribute", string, "Left side: a node attribute such as ${node.datacenter}."),
    attr("operator", string, "Comparison operator.")
        .def("=")
        .one_of("=|==|is|!=|not|<|<=|>|>=|regexp|version|semver|set_contains|set_contains_all|set_contains_any"),
    attr("value", string, "Right side of the comparison."),
    attr("weight", number, "Preference from -100 to 100, not 0.").def("50"),
    attr("version", string, "Shortcut for operator = \"version\" with this value."),
    attr("semver", string, "Shortcut for operator = \"semver\" with this value."),
    attr("regexp", string, "Shortcut for operator = \"regexp\" with this value."),
    attr("set_contains", string, "Shortcut for operator = \"set_contains\" with this value."),
    attr("set_contains_all", string, "Shortcut for operator = \"set_contains_all\" with this value."),
    attr("set_contains_any", string, "Shortcut for operator = \"set_contains_any\" with this value."),
};
constexpr Block affinity = block("affinity", "A preference for nodes (not system jobs).", affinity_attrs).many();

constexpr Attribute spread_target_attrs[] = {
    attr("percent", number, "Share of the allocations for this value.").def("0"),
};
constexpr Block spread_target =
    block("target", "Desired share of one attribute value.", spread_target_attrs).labelled("value").many();

constexpr Attribute spread_attrs[] = {
    attr("attribute", string, "Node attribute the allocations are spread over.").req(),
    attr("weight", number, "Importance from 1 to 100.").def("50"),
};
constexpr const Block* spread_blocks[] = {&spread_target};
constexpr Block spread =
    block("spread", "Spread allocations over the values of an attribute (not system jobs).", spread_attrs,
          spread_blocks)
        .many();

}  // namespace hjob::schema::blocks
