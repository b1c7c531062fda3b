// What a task downloads and renders before it starts: `artifact` and `template` with
// change_script and wait (digest §2.16, §2.17).
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Block artifact_options = block("options", "go-getter options, such as checksum.").map_of(string);
constexpr Block artifact_headers = block("headers", "HTTP headers of the download.").map_of(string);

constexpr Attribute artifact_attrs[] = {
    attr("source", string, "go-getter URL of the artifact.").req(),
    attr("destination", string, "Where it goes, relative to the task directory.").def("local/"),
    attr("mode", string, "What the download is.").def("any").one_of("any|file|dir"),
    attr("insecure", boolean, "Skip TLS verification.").def("false"),
    attr("chown", boolean, "Give the files to the task's user.").def("false"),
};
constexpr const Block* artifact_blocks[] = {&artifact_options, &artifact_headers};
constexpr Block artifact =
    block("artifact", "A file or archive downloaded before the task starts.", artifact_attrs, artifact_blocks).many();

constexpr Attribute change_script_attrs[] = {
    attr("command", string, "Script run when the template changes.").parse_req(),
    attr("args", string_list, "Arguments of the script."),
    attr("timeout", duration, "Time the script may take.").def("5s"),
    attr("fail_on_error", boolean, "Kill the task when the script fails.").parse_req(),
};
constexpr Block change_script =
    block("change_script", "Script run in the task when change_mode is \"script\".", change_script_attrs);

constexpr Attribute template_wait_attrs[] = {
    attr("min", duration, "Quiescence before rendering.").parse_req(),
    attr("max", duration, "Longest wait before rendering anyway.").parse_req(),
};
constexpr Block template_wait = block("wait", "How long to wait for Consul and Vault to settle.", template_wait_attrs);

constexpr Attribute template_attrs[] = {
    attr("data", string, "The template text (consult-template syntax)."),
    attr("source", string, "Path of a template file, relative to the task directory."),
    attr("destination", string, "Where the rendered file goes, relative to the task directory.").req(),
    attr("change_mode", string, "What happens when the rendered file changes.")
        .def("restart")
        .one_of("noop|restart|signal|script"),
    attr("change_signal", string, "Signal sent when change_mode is \"signal\"."),
    attr("splay", duration, "Random delay before the change action.").def("5s"),
    attr("perms", string, "Octal permissions of the rendered file.").def("0644"),
    attr("uid", number, "Owner of the rendered file."),
    attr("gid", number, "Group of the rendered file."),
    attr("left_delimiter", string, "Opening delimiter of template actions.").def("{{"),
    attr("right_delimiter", string, "Closing delimiter of template actions.").def("}}"),
    attr("env", boolean, "Read the rendered KEY=value lines into the task's environment.").def("false"),
    attr("once", boolean, "Render once and stop watching.").def("false"),
    attr("error_on_missing_key", boolean, "Fail rendering when a map key is missing.").def("false"),
    attr("vault_grace", duration, "Deprecated and ignored.").old(),
};
constexpr const Block* template_blocks[] = {&change_script, &template_wait};
constexpr Block template_ =
    block("template", "A file rendered from Consul, Vault and Nomad data.", template_attrs, template_blocks).many();

}  // namespace hjob::schema::blocks
