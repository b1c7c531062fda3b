// Resource rules (structs Resources.Validate): cpu or cores, memory and memory_max, secrets,
// numa, and no disk at task level.
#include "reporter.hpp"

namespace hjob::validate::detail {

void check_resources(Reporter& r, const ir::Group&, const ir::Task& t, const std::string& path) {
    const ir::Resources& res = t.resources;
    const std::string rp = path + "/resources";
    if (res.cores > 0 && r.written(rp + "/cpu"))
        r.error("cpu-and-cores", rp + "/cpu", "Task can only ask for 'cpu' or 'cores' resource, not both.",
                "cores reserves whole cores; remove cpu or cores.");
    else if (res.cores < 0)
        r.error("cores", rp + "/cores", "Invalid cores", "cores may not be negative.");
    else if (res.cores == 0 && res.cpu < 1)
        r.error("cpu", r.pick({rp + "/cpu", rp}), "Minimum CPU value is 1; got " + std::to_string(res.cpu),
                "Set cpu (MHz) to at least 1, or reserve whole cores with cores.");
    if (res.memory_mb < 10)
        r.error("memory", r.pick({rp + "/memory_mb", rp}), "Minimum MemoryMB value is 10; got " + std::to_string(res.memory_mb),
                "Set memory (MB) to at least 10.");
    if (res.memory_max_mb != 0 && res.memory_max_mb != -1 && res.memory_max_mb < res.memory_mb)
        r.error("memory-max", rp + "/memory_max_mb",
                "MemoryMaxMB value (" + std::to_string(res.memory_max_mb) + ") should be larger than MemoryMB value (" +
                    std::to_string(res.memory_mb) + ")",
                "memory_max is the limit the task may burst to; it must be at least memory, or 0 (no oversubscription) or -1 (no limit).");
    if (res.secrets_mb && (*res.secrets_mb < 0 || *res.secrets_mb > res.memory_mb))
        r.error("secrets", rp + "/secrets_mb", "Invalid secrets size",
                "Secrets (" + std::to_string(*res.secrets_mb) + " MB) must be between 0 and the task's memory (" +
                    std::to_string(res.memory_mb) + " MB).");
    if (res.numa && res.cores == 0 && res.numa->affinity != "none")
        r.error("numa", rp + "/numa", "NUMA affinity requires cores", "numa affinity " + q(res.numa->affinity) + " needs cores to be set.");
}

}  // namespace hjob::validate::detail
