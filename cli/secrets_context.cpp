// Opening the secrets layer on the state, and the small formatting the three commands share.
#include "secrets_context.hpp"

#include <cstdlib>

#include "runtime/state/ids.hpp"
#include "stdlib/fn_time.hpp"

namespace hjob::cli {

namespace rs = runtime::state;

std::unique_ptr<SecretsContext> open_secrets(const StateOptions& opt, const std::string& operation, bool writer) {
    auto ctx = std::make_unique<SecretsContext>(open_store(opt));  // first: it creates the data directory
    if (writer) ctx->lock.emplace(lock_state(opt, operation));
    auto layer = secrets::Secrets::open(ctx->store.dir(), ctx->tables, ctx->tables, ctx->tables, ctx->clock);
    if (!layer) throw rs::StateError(layer.error);
    ctx->layer = std::move(*layer.value);
    if (writer)
        if (auto s = ctx->layer->settle(); !s) throw rs::StateError(s.error);
    return ctx;
}

secrets::UnixSeconds parse_seconds(const std::string& flag, const std::string& text) {
    std::string error;
    const auto ns = cty::fn::parse_duration(text, error);
    if (!ns || *ns < 0)
        throw rs::StateError(flag + " " + text + ": " + (error.empty() ? "negative" : error) +
                             " (expected a duration such as 30s, 10m, 1h)");
    return *ns / 1'000'000'000;
}

std::string format_seconds(secrets::UnixSeconds seconds) {
    const auto h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
    std::string out;
    if (h) out += std::to_string(h) + "h";
    if (h || m) out += std::to_string(m) + "m";
    return out + std::to_string(s) + "s";
}

std::string format_unix(secrets::UnixSeconds t) { return rs::format_time(t * 1'000'000'000); }

std::string token_argument(const std::string& arg) {
    if (!arg.empty()) return arg;
    if (const char* t = std::getenv("VAULT_TOKEN"); t && *t) return t;
    throw rs::StateError("no token: give it as the TOKEN argument or set VAULT_TOKEN");
}

}  // namespace hjob::cli
