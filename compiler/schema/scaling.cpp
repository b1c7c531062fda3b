// Horizontal autoscaling of a group: `scaling` with its opaque `policy` for the Nomad
// Autoscaler (digest §2.25).
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Block scaling_policy =
    block("policy", "Autoscaler policy: checks, strategies and targets, passed through as written.")
        .body(BodyKind::opaque);

constexpr Attribute scaling_attrs[] = {
    attr("min", number, "Lowest count the autoscaler may set; defaults to the group's count."),
    attr("max", number, "Highest count the autoscaler may set.").parse_req(),
    attr("enabled", boolean, "Whether the autoscaler acts on the policy.").def("true"),
    attr("type", string, "Policy type; only \"horizontal\" at group level.").def("horizontal").one_of("horizontal"),
};
constexpr const Block* scaling_blocks[] = {&scaling_policy};
constexpr Block scaling = block("scaling", "Horizontal autoscaling of the group's count.", scaling_attrs, scaling_blocks);

}  // namespace hjob::schema::blocks
