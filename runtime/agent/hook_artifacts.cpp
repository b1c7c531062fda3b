// The artifacts hook (hook_artifacts.hpp). As Nomad, artifacts are fetched once per task runner:
// a restart finds them in place. Source, destination, options and headers are interpolated with
// the task's environment first (${NOMAD_*}, ${attr.*}, ${meta.*}).
#include "hook_artifacts.hpp"

#include "runtime/artifact/artifact.hpp"

namespace hjob::runtime::agent {

namespace {

class ArtifactsHook : public TaskHook {
public:
    std::string name() const override { return "artifacts"; }

    std::optional<std::string> prestart(TaskContext& ctx) override {
        if (done_ || ctx.task.artifacts.empty()) return std::nullopt;
        ctx.event("Downloading Artifacts", "Client is downloading artifacts");
        for (const ir::Artifact& spec : ctx.task.artifacts) {
            ir::Artifact a = spec;
            a.source = ctx.env.interpolate(a.source);
            a.destination = ctx.env.interpolate(a.destination);
            for (auto& [k, v] : a.options) v = ctx.env.interpolate(v);
            for (auto& [k, v] : a.headers) v = ctx.env.interpolate(v);
            auto got = artifact::fetch(a, ctx.task_dir);
            if (!got.ok) {
                std::string why = "failed to download artifact \"" + a.source + "\": " + got.error;
                ctx.event("Failed Artifact Download", why);
                return why;
            }
        }
        done_ = true;
        return std::nullopt;
    }

private:
    bool done_ = false;
};

}  // namespace

std::unique_ptr<TaskHook> make_artifacts_hook(const TaskContext&) { return std::make_unique<ArtifactsHook>(); }

}  // namespace hjob::runtime::agent
