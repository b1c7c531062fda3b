// Task rules (structs Task.Validate, Template.Validate, TaskArtifact.Validate, LogConfig):
// a driver, a usable name, timeouts, logs that fit the disk, templates and artifacts that
// stay inside the allocation directory, template destinations unique per task.
#include <map>
#include <vector>

#include "reporter.hpp"

namespace hjob::validate::detail {

namespace {

/// Nomad's escapingfs.PathEscapesAllocViaRelative(prefix, path): `path` joined under
/// <alloc>/<prefix> (an absolute path counts as relative), cleaned, leaves <alloc>.
bool escapes_alloc_dir(const std::string& prefix, const std::string& path) {
    int depth = 0;
    std::string all = prefix + "/" + path;
    std::size_t start = 0;
    while (start <= all.size()) {
        const std::size_t end = std::min(all.find('/', start), all.size());
        const std::string seg = all.substr(start, end - start);
        if (seg == "..") {
            if (--depth < 0) return true;
        } else if (!seg.empty() && seg != ".") {
            ++depth;
        }
        start = end + 1;
    }
    return false;
}

void check_basics(Reporter& r, const ir::Job& job, const ir::Group& g, const ir::Task& t, const std::string& path) {
    if (t.driver.empty())
        r.error("missing-driver", path, "Missing task driver",
                "The argument \"driver\" is required, but no definition was found.");
    if (t.name.find('/') != std::string::npos || t.name.find('\\') != std::string::npos)
        r.error("task-name", path, "Task name cannot include slashes", "The task name " + q(t.name) + " is used as a directory name.");
    else if (t.name == "alloc")
        r.error("task-name", path, "Task name cannot be \"alloc\"", "\"alloc\" is the name of the shared allocation directory.");
    if (t.kill_timeout < 0)
        r.error("kill-timeout", path + "/kill_timeout", "KillTimeout must be a positive value", "kill_timeout may not be negative.");
    if (t.shutdown_delay < 0)
        r.error("shutdown-delay", path + "/shutdown_delay", "ShutdownDelay must be a positive value", "shutdown_delay may not be negative.");
    if (job.type == "service" && g.update && g.update->progress_deadline > 0 && t.kill_timeout > g.update->progress_deadline)
        r.warning("kill-timeout-over-progress-deadline", r.pick({path + "/kill_timeout", path}), "Kill timeout longer than the progress deadline",
                "KillTimeout (" + dur(t.kill_timeout) + ") longer than the group's ProgressDeadline (" +
                    dur(g.update->progress_deadline) + "): a deployment would fail before the task is killed.");
    if (t.dispatch_payload_file && escapes_alloc_dir("task/local", *t.dispatch_payload_file))
        r.error("path-escape", path + "/dispatch_payload_file", "Dispatch payload file escapes the allocation directory",
                "dispatch_payload file " + q(*t.dispatch_payload_file) + " escapes the allocation directory.");
}

void check_logs(Reporter& r, const ir::Group& g, const ir::Task& t, const std::string& path) {
    const std::string lp = path + "/logs";
    if (t.logs.max_files < 1)
        r.error("logs", r.pick({lp + "/max_files", lp}), "minimum number of files is 1; got " + std::to_string(t.logs.max_files),
                "logs.max_files must be at least 1.");
    if (t.logs.max_file_size_mb < 1)
        r.error("logs", r.pick({lp + "/max_file_size_mb", lp}),
                "minimum file size is 1MB; got " + std::to_string(t.logs.max_file_size_mb), "logs.max_file_size must be at least 1.");
    const long long storage = static_cast<long long>(t.logs.max_files) * t.logs.max_file_size_mb;
    if (t.logs.max_files >= 1 && t.logs.max_file_size_mb >= 1 && storage >= g.ephemeral_disk.size_mb)
        r.error("logs-disk", r.pick({lp, path.substr(0, path.rfind("/tasks/")) + "/ephemeral_disk", path}), "Log storage exceeds the ephemeral disk",
                "log storage (" + std::to_string(storage) + " MB) must be less than requested disk capacity (" +
                    std::to_string(g.ephemeral_disk.size_mb) + " MB)");
}

void check_template(Reporter& r, const ir::Template& tpl, const std::string& tp, std::size_t i) {
    const std::string n = std::to_string(i + 1);
    if (tpl.source.empty() && tpl.data.empty())
        r.error("template-source", tp, "Template has no content",
                "Template " + n + ": Must specify a source path or have an embedded template");
    if (tpl.destination.empty())
        r.error("template-destination", tp, "Template has no destination", "Template " + n + ": Must specify a destination for the template");
    else if (escapes_alloc_dir("task", tpl.destination))
        r.error("path-escape", tp + "/destination", "Template destination escapes the allocation directory",
                "Template " + n + ": destination " + q(tpl.destination) + " escapes allocation directory");
    const std::string& m = tpl.change_mode;
    if (m != "noop" && m != "restart" && m != "signal" && m != "script")
        r.error("template-change-mode", tp + "/change_mode", "Invalid template change_mode",
                "Template " + n + ": Invalid change mode " + q(m) + "; use \"noop\", \"restart\", \"signal\" or \"script\".");
    if (m == "signal" && tpl.change_signal.empty())
        r.error("template-change-signal", r.pick({tp + "/change_mode", tp}), "Missing template change_signal",
                "Template " + n + ": Must specify signal value when change mode is signal");
    if (m == "signal" && tpl.env)
        r.error("template-change-signal", r.pick({tp + "/env", tp}), "Signal change mode with an env template",
                "Template " + n + ": cannot use signals with env var templates");
    if (m == "script" && (!tpl.change_script || tpl.change_script->command.empty()))
        r.error("template-change-script", r.pick({tp + "/change_mode", tp}), "Missing template change_script",
                "Template " + n + ": must specify a change_script with a command when change mode is script");
    if (tpl.wait && tpl.wait->min && tpl.wait->max && *tpl.wait->min > *tpl.wait->max)
        r.error("template-wait", tp + "/wait", "Template wait min greater than max",
                "Template " + n + ": wait min (" + dur(*tpl.wait->min) + ") must be less than or equal to max (" +
                    dur(*tpl.wait->max) + ").");
}

void check_files(Reporter& r, const ir::Task& t, const std::string& path) {
    std::map<std::string, std::size_t> dests;
    for (std::size_t i = 0; i < t.templates.size(); ++i) {
        const std::string tp = path + "/templates/" + std::to_string(i);
        check_template(r, t.templates[i], tp, i);
        if (t.templates[i].destination.empty()) continue;
        const auto [it, fresh] = dests.emplace(t.templates[i].destination, i);
        if (!fresh)
            r.error("duplicate-template-destination", r.pick({tp + "/destination", tp}), "Duplicate template destination",
                    "Template " + std::to_string(i + 1) + " has same destination as " + std::to_string(it->second + 1) + " (" +
                        q(t.templates[i].destination) + ").");
    }
    for (std::size_t i = 0; i < t.artifacts.size(); ++i) {
        const ir::Artifact& a = t.artifacts[i];
        const std::string ap = path + "/artifacts/" + std::to_string(i);
        if (a.source.empty())
            r.error("artifact-source", ap, "Missing artifact source", "Artifact " + std::to_string(i + 1) + ": source must be specified");
        if (escapes_alloc_dir("task", a.destination))
            r.error("path-escape", r.pick({ap + "/destination", ap}), "Artifact destination escapes the allocation directory",
                    "Artifact " + std::to_string(i + 1) + ": destination " + q(a.destination) + " escapes allocation directory");
        if (a.mode != "any" && a.mode != "file" && a.mode != "dir")
            r.error("artifact-mode", ap + "/mode", "Invalid artifact mode",
                    "Artifact " + std::to_string(i + 1) + ": invalid mode " + q(a.mode) + "; use \"any\", \"file\" or \"dir\".");
    }
}

}  // namespace

void check_task(Reporter& r, const ir::Job& job, const ir::Group& g, const ir::Task& t, const std::string& path) {
    check_basics(r, job, g, t, path);
    check_logs(r, g, t, path);
    check_files(r, t, path);
}

}  // namespace hjob::validate::detail
