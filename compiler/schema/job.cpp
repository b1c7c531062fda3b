// The top level of a job file and the `job` stanza (digest §1.2, §2.1). jobspec2 also accepts
// `vault`, `secret` and `task` inside `job`; they are pushed down into groups and tasks.
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute validation_attrs[] = {
    attr("condition", any, "A bool expression over the variable; false fails validation.").req(),
    attr("error_message", string, "The message shown when the condition is false.").req(),
};
constexpr Block variable_validation =
    block("validation", "A rule the variable's value must satisfy.", validation_attrs).many();

constexpr Attribute variable_attrs[] = {
    attr("type", any, "Type constraint: string, number, bool, list(T), map(T), object({...}), any."),
    attr("default", any, "The value used when none is given."),
    attr("description", string, "What the variable is for."),
    attr("sensitive", boolean, "Hide the value in output.").def("false"),
    attr("nullable", boolean, "Whether null is an acceptable value.").def("true"),
};
constexpr const Block* variable_blocks[] = {&variable_validation};
constexpr Block variable =
    block("variable", "An input variable, set with -var, -var-file or NOMAD_VAR_<name>.", variable_attrs,
          variable_blocks)
        .labelled("name")
        .many();
constexpr Block variables =
    block("variables", "Input variables declared as arguments; each value is the default.").many().body(
        BodyKind::opaque);
constexpr Block locals = block("locals", "Named values computed once and referenced as local.<name>.")
                             .many()
                             .body(BodyKind::opaque);

constexpr Attribute ui_link_attrs[] = {
    attr("label", string, "Text of the link.").req(),
    attr("url", string, "Target of the link.").req(),
};
constexpr Block ui_link = block("link", "A link shown on the job's page in the web UI.", ui_link_attrs).many();
constexpr Attribute ui_attrs[] = {
    attr("description", string, "Markdown shown on the job's page in the web UI (at most 1000 characters)."),
};
constexpr const Block* ui_blocks[] = {&ui_link};
constexpr Block ui = block("ui", "How the web UI presents the job.", ui_attrs, ui_blocks);

constexpr Attribute mr_strategy_attrs[] = {
    attr("max_parallel", number, "Regions deployed at once.").def("0"),
    attr("on_failure", string, "What a failed region does to the others.").one_of("|fail_all|fail_local"),
};
constexpr Block mr_strategy = block("strategy", "How regions are rolled out.", mr_strategy_attrs);
constexpr Attribute mr_region_attrs[] = {
    attr("count", number, "Default count of every group in this region.").def("1"),
    attr("datacenters", string_list, "Datacenters of this region."),
    attr("node_pool", string, "Node pool in this region."),
};
constexpr const Block* mr_region_blocks[] = {&meta};
constexpr Block mr_region =
    block("region", "One region of a multiregion job.", mr_region_attrs, mr_region_blocks).labelled("name").many();
constexpr const Block* multiregion_blocks[] = {&mr_strategy, &mr_region};
constexpr Block multiregion =
    block("multiregion", "Deploy the job to several regions (Enterprise).", {}, multiregion_blocks);

constexpr Attribute job_attrs[] = {
    attr("id", string, "The job ID; defaults to the block's label."),
    attr("name", string, "Display name; defaults to the ID."),
    attr("type", string, "The scheduler: service, batch, system or sysbatch.")
        .def("service")
        .one_of("service|batch|system|sysbatch"),
    attr("region", string, "Region the job is registered in.").def("global"),
    attr("namespace", string, "Namespace of the job.").def("default"),
    attr("datacenters", string_list, "Datacenters allowed to run the job; globs allowed.").def("[\"*\"]"),
    attr("node_pool", string, "Node pool whose nodes run the job.").def("default"),
    attr("priority", number, "Scheduling priority, 1 to 100.").def("50"),
    attr("all_at_once", boolean, "Place all allocations in one scheduling pass.").def("false"),
    attr("vault_token", string, "Removed in Nomad 1.10 with Vault's token workflow.").old(),
    attr("consul_token", string, "Removed in Nomad 1.10 with Consul's token workflow.").old(),
};
constexpr const Block* job_blocks[] = {
    &group,  &task,    &constraint, &affinity,    &spread,        &update,      &migrate, &reschedule,
    &meta,   &periodic, &parameterized, &multiregion, &ui,          &vault,       &secret,
};
constexpr Block job =
    block("job", "The job: the unit submitted to Nomad.", job_attrs, job_blocks).labelled("name");

constexpr const Block* root_blocks[] = {&variable, &variables, &locals, &job};
constexpr Block file_root = block("", "A job file.", {}, root_blocks);

}  // namespace hjob::schema::blocks
