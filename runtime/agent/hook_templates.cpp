// The templates hook (hook_templates.hpp). Data comes from the agent's services: `env` from the
// task's environment, `service` from the catalog, `secret` from the local Vault-compatible API
// with the task's own token (VAULT_TOKEN or secrets/vault_token), as consul-template reads
// Vault over HTTP; so a template sees exactly what the task's policies grant.
// poll() is cheap when idle: one modify-index read per second for templates that read services,
// a re-render every two seconds for those that read secrets, nothing for the others.
#include "hook_templates.hpp"

#include <chrono>
#include <fstream>

#include "runtime/artifact/http_get.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/drivers/driver.hpp"
#include "runtime/template/change_script.hpp"
#include "runtime/template/template_set.hpp"

namespace hjob::runtime::agent {

namespace {

using Clock = std::chrono::steady_clock;

std::string read_token(const std::string& task_dir, const std::map<std::string, std::string>& env) {
    std::ifstream in(task_dir + "/secrets/vault_token");
    std::string token;
    if (in && std::getline(in, token) && !token.empty()) return token;
    auto it = env.find("VAULT_TOKEN");
    return it == env.end() ? "" : it->second;
}

tmpl::Sources make_sources(TaskContext& ctx) {
    tmpl::Sources s;
    auto env = ctx.env.env();
    s.env = [env](const std::string& name) -> std::optional<std::string> {
        auto it = env.find(name);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    if (catalog::Catalog* cat = ctx.services.catalog)
        s.service = [cat](const std::string& name) { return cat->list(name); };
    if (!ctx.services.vault_addr.empty()) {
        std::string addr = ctx.services.vault_addr, dir = ctx.task_dir;
        s.secret = [addr, dir, env](const std::string& path) -> std::optional<nlohmann::json> {
            std::string body, error;
            unsigned status = artifact::http_get_text(addr + "/v1/" + path, {{"X-Vault-Token", read_token(dir, env)}}, body, error);
            if (status != 200) return std::nullopt;
            auto j = nlohmann::json::parse(body, nullptr, false);
            return j.is_discarded() ? std::nullopt : std::optional<nlohmann::json>(std::move(j));
        };
    }
    return s;
}

class TemplatesHook : public TaskHook {
public:
    std::string name() const override { return "templates"; }

    std::optional<std::string> prestart(TaskContext& ctx) override {
        if (ctx.task.templates.empty()) return std::nullopt;
        if (std::string err = start(ctx); !err.empty()) return err;
        for (const auto& [k, v] : set_->env()) ctx.env.set(k, v);
        return std::nullopt;
    }

    Update poll(TaskContext& ctx) override {
        if (!set_ && !ctx.task.templates.empty() && !adopted_) {
            // A task adopted by a restarted agent had no prestart in this runner: render now
            // (same text, same files) so that later changes are noticed.
            adopted_ = true;
            if (std::string err = start(ctx); !err.empty()) ctx.event("Template Failure", err);
            return {};
        }
        if (!set_) return {};
        auto now = Clock::now();
        bool services = false, secrets = false;
        if (ctx.services.catalog && set_->reads_services() && now - last_catalog_ >= std::chrono::milliseconds(kTemplateCatalogPollMs)) {
            last_catalog_ = now;
            Index idx = ctx.services.catalog->modify_index();
            services = idx != catalog_index_;
            catalog_index_ = idx;
        }
        if (set_->reads_secrets() && now - last_secret_ >= std::chrono::milliseconds(kTemplateSecretPollMs)) {
            last_secret_ = now;
            secrets = true;
        }
        if (!services && !secrets) return {};
        tmpl::Refresh r = set_->refresh(services, secrets);
        if (!r.error.empty() && r.error != last_error_) ctx.event("Template Failure", r.error);
        last_error_ = r.error;
        return decide(ctx, r);
    }

private:
    std::unique_ptr<tmpl::TemplateSet> set_;
    bool adopted_ = false;
    Index catalog_index_ = 0;
    Clock::time_point last_catalog_, last_secret_;
    std::string last_error_;

    std::string start(TaskContext& ctx) {
        std::vector<ir::Template> specs = ctx.task.templates;
        for (auto& t : specs) {
            t.source = ctx.env.interpolate(t.source);
            t.destination = ctx.env.interpolate(t.destination);
        }
        set_ = std::make_unique<tmpl::TemplateSet>(std::move(specs), ctx.task_dir, make_sources(ctx));
        std::string err = set_->render_all();
        catalog_index_ = ctx.services.catalog && set_->reads_services() ? ctx.services.catalog->modify_index() : 0;
        last_catalog_ = last_secret_ = Clock::now();
        return err;
    }

    // Nomad's order: a restart wins over a signal, which wins over scripts and noop.
    Update decide(TaskContext& ctx, const tmpl::Refresh& r) {
        Update u;
        for (const tmpl::Change& c : r.changed) {
            if (c.env || c.change_mode == "restart") {
                u.action = Update::Action::restart;
                u.reason = "Template with change_mode restart re-rendered (" + c.destination + ")";
                return u;
            }
        }
        for (const tmpl::Change& c : r.changed) {
            if (c.change_mode == "signal" && u.action == Update::Action::none) {
                u.action = Update::Action::signal;
                u.signal = drivers::signal_number(c.change_signal.empty() ? "SIGHUP" : c.change_signal);
                u.reason = "Template re-rendered (" + c.destination + ")";
            } else if (c.change_mode == "script" && c.change_script) {
                std::string err = tmpl::run_change_script(*c.change_script, ctx.task_dir, ctx.env.env());
                ctx.event("Template Re-rendered", err.empty() ? "change script of " + c.destination + " ran" : err);
                if (!err.empty() && c.change_script->fail_on_error) {
                    u.action = Update::Action::restart;
                    u.reason = err;
                    return u;
                }
            } else if (c.change_mode == "noop") {
                ctx.event("Template Re-rendered", c.destination + " re-rendered (change_mode noop)");
            }
        }
        return u;
    }
};

}  // namespace

std::unique_ptr<TaskHook> make_templates_hook(const TaskContext&) { return std::make_unique<TemplatesHook>(); }

}  // namespace hjob::runtime::agent
