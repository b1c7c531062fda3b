// The vault hook, after Nomad's vault_hook: before the first start it issues a token limited to
// the stanza's policies and hands it to the task (secrets/vault_token, mode 0600, unless
// disable_file; VAULT_TOKEN unless env = false; VAULT_ADDR, the agent's secrets API); while the
// task runs it renews the token at half its TTL, recording a failed renewal as a task event;
// when the task stops for good it revokes the token. Restarts keep the same token, as Nomad does,
// and so does a task that an earlier agent started (its secrets/vault_token, while still valid).
#include "hook_vault.hpp"

#include <filesystem>
#include <fstream>

#include "runtime/secrets/task_token.hpp"
#include "runtime/state/secrets_store.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::agent {

namespace {

namespace fs = std::filesystem;

class VaultHook : public TaskHook {
public:
    std::string name() const override { return "vault"; }

    std::optional<std::string> prestart(TaskContext& ctx) override {
        if (!ctx.task.vault) return std::nullopt;
        if (auto err = open(ctx)) return err;
        // No renewal runs between restarts: a token that expired meanwhile is replaced.
        if (token_ && !secrets_->tokens().lookup(token_->id())) token_.reset();
        if (!token_) adopt(ctx);  // the task ran under an earlier agent: keep its token, as Nomad does
        if (!token_) {
            const std::string who = ctx.job.id + "/" + ctx.group.name + "/" + ctx.task.name;
            auto t = secrets::TaskToken::issue(*secrets_, ctx.task.vault->policies, secrets::task_token_ttl(), who,
                                               clock_.now());
            if (!t) return "cannot create the task's token: " + t.error;
            token_ = *t;
        }
        return hand_over(ctx);
    }

    Update poll(TaskContext& ctx) override {
        if (!ctx.task.vault || open(ctx)) return {};
        if (!token_) adopt(ctx);  // a task re-adopted from an earlier agent: no prestart ran
        if (!token_ || !token_->due(clock_.now())) return {};
        const auto renewed = token_->renew(*secrets_, clock_.now());
        if (!renewed && !failing_)
            ctx.event("Vault Token Renewal Failed", "the task's Vault token could not be renewed: " + renewed.error);
        else if (renewed && failing_)
            ctx.event("Vault Token Renewed", "the task's Vault token is renewed again");
        failing_ = !renewed;
        return {};
    }

    void poststop(TaskContext& ctx) override {
        if (!token_ || open(ctx)) return;
        token_->revoke(*secrets_);
        token_.reset();
    }

private:
    // The secrets layer on the agent's connection, opened on first use.
    std::optional<std::string> open(TaskContext& ctx) {
        if (secrets_) return std::nullopt;
        tables_ = std::make_unique<state::SqliteSecretStore>(ctx.services.store.db());
        const std::string dir = ctx.services.data_dir.empty() ? ctx.services.store.dir() : ctx.services.data_dir;
        auto s = secrets::Secrets::open(dir, *tables_, *tables_, *tables_, clock_);
        if (!s) return s.error;
        secrets_ = std::move(*s.value);
        return std::nullopt;
    }

    std::optional<std::string> hand_over(TaskContext& ctx) {
        const ir::Vault& v = *ctx.task.vault;
        if (!v.disable_file) {
            const fs::path dir = fs::path(ctx.task_dir) / "secrets";
            std::error_code ec;
            fs::create_directories(dir, ec);
            if (auto s = secrets::write_token_file(dir / "vault_token", token_->id()); !s) return s.error;
        }
        if (v.env) ctx.env.set("VAULT_TOKEN", token_->id());
        if (!ctx.services.vault_addr.empty()) ctx.env.set("VAULT_ADDR", ctx.services.vault_addr);
        return std::nullopt;
    }

    void adopt(TaskContext& ctx) {
        std::ifstream in(fs::path(ctx.task_dir) / "secrets" / "vault_token");
        std::string id;
        if (!in || !std::getline(in, id) || id.empty()) return;
        if (const auto info = secrets_->tokens().lookup(id))
            token_ = secrets::TaskToken::adopt(id, secrets::task_token_ttl(), info->ttl_remaining, clock_.now());
    }

    secrets::SystemClock clock_;
    std::unique_ptr<state::SqliteSecretStore> tables_;
    std::unique_ptr<secrets::Secrets> secrets_;  // after tables_, which it refers to
    std::optional<secrets::TaskToken> token_;
    bool failing_ = false;
};

}  // namespace

std::unique_ptr<TaskHook> make_vault_hook(const TaskContext&) { return std::make_unique<VaultHook>(); }

std::string start_vault_api(std::unique_ptr<secrets::ApiServer>& server, const std::string& data_dir,
                            const std::function<void(const std::string&)>& log) {
    server = std::make_unique<secrets::ApiServer>(data_dir, "127.0.0.1", 0,
                                                  [log](const std::string& line) { log("secrets api: " + line); });
    if (auto s = server->start(); !s) {
        log("agent: the secrets API could not start: " + s.error);
        server.reset();
        return "";
    }
    log("agent: secrets API on " + server->url());
    return server->url();
}

}  // namespace hjob::runtime::agent
