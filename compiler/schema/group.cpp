// The `group` stanza and its small companions: ephemeral_disk, consul, disconnect
// (digest §2.2, §2.19, §2.25).
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute ephemeral_disk_attrs[] = {
    attr("size", number, "Disk space in MB for the allocation's directory (at least 10).").def("300"),
    attr("sticky", boolean, "Prefer the same node and keep the data across updates.").def("false"),
    attr("migrate", boolean, "Copy the data to the new node when the allocation moves.").def("false"),
};
constexpr Block ephemeral_disk =
    block("ephemeral_disk", "The allocation's local disk.", ephemeral_disk_attrs);

constexpr Attribute consul_attrs[] = {
    attr("namespace", string, "Consul namespace (Enterprise)."),
    attr("cluster", string, "Name of the Consul cluster in the agent's configuration.").def("default"),
    attr("partition", string, "Consul admin partition (Enterprise)."),
};
constexpr Block consul = block("consul", "Which Consul cluster and namespace the services use.", consul_attrs);

constexpr Attribute disconnect_attrs[] = {
    attr("lost_after", duration, "How long a disconnected node's allocations count as unknown, not lost."),
    attr("stop_on_client_after", duration, "Stop the allocations on a node disconnected this long."),
    attr("replace", boolean, "Replace allocations of a disconnected node.").def("true"),
    attr("reconcile", string, "Which allocation wins when the node comes back.")
        .def("best_score")
        .one_of("best_score|longest_running|keep_original|keep_replacement"),
};
constexpr Block disconnect =
    block("disconnect", "What happens to allocations when their node disconnects.", disconnect_attrs);

constexpr Attribute group_attrs[] = {
    attr("count", number, "Number of allocations; defaults to scaling.min, else 1."),
    attr("shutdown_delay", duration, "Delay between deregistering the group's services and killing tasks."),
    attr("max_run_duration", duration, "Longest time an allocation may run (batch and sysbatch)."),
    attr("stop_after_client_disconnect", duration, "Ignored since Nomad 1.10: use disconnect.").old(),
    attr("max_client_disconnect", duration, "Ignored since Nomad 1.10: use disconnect.lost_after.").old(),
    attr("prevent_reschedule_on_lost", boolean, "Ignored since Nomad 1.10: use disconnect.replace.").old(),
};
constexpr const Block* group_blocks[] = {
    &task,    &constraint, &affinity, &spread,  &network,        &service,    &volume,  &restart, &reschedule,
    &update,  &migrate,    &ephemeral_disk, &disconnect, &consul, &scaling, &vault,   &secret,  &meta,
};
constexpr Block group =
    block("group", "A set of tasks placed together on one node.", group_attrs, group_blocks).labelled("name").many();

}  // namespace hjob::schema::blocks
