// `resources` with `device` and `numa` (digest §2.4). Connect's sidecar_task has its own
// resources block without devices.
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute device_attrs[] = {
    attr("count", number, "Number of devices requested.").def("1"),
};
constexpr const Block* device_blocks[] = {&constraint, &affinity};
constexpr Block device =
    block("device", "Devices requested by the task (<vendor>/<type>/<name>).", device_attrs, device_blocks)
        .labelled("name")
        .many();

constexpr Attribute numa_attrs[] = {
    attr("affinity", string, "How strictly cores come from one NUMA node.").def("none").one_of("none|prefer|require"),
    attr("devices", string_list, "Requested devices that must share the NUMA node."),
};
constexpr Block numa = block("numa", "NUMA placement of the reserved cores.", numa_attrs);

constexpr Attribute resources_attrs[] = {
    attr("cpu", number, "CPU in MHz (at least 1); 0 when cores is set.").def("100"),
    attr("cores", number, "Whole CPU cores reserved for the task.").def("0"),
    attr("memory", number, "Memory in MB (at least 10).").def("300"),
    attr("memory_max", number, "Memory limit in MB when oversubscription is on; 0 means memory.").def("0"),
    attr("secrets", number, "Size in MB of the secrets/ tmpfs."),
    attr("disk", number, "Not allowed on tasks: use the group's ephemeral_disk.").old(),
    attr("iops", number, "Deprecated since Nomad 0.9 and ignored.").old(),
};
constexpr const Block* resources_blocks[] = {&device, &numa, &task_network};
constexpr Block resources =
    block("resources", "What the task needs from its node.", resources_attrs, resources_blocks);

constexpr Attribute sidecar_resources_attrs[] = {
    attr("cpu", number, "CPU in MHz.").def("100"),
    attr("cores", number, "Whole CPU cores reserved.").def("0"),
    attr("memory", number, "Memory in MB.").def("300"),
    attr("memory_max", number, "Memory limit in MB.").def("0"),
};
constexpr Block sidecar_resources = block("resources", "What the sidecar task needs.", sidecar_resources_attrs);

}  // namespace hjob::schema::blocks
