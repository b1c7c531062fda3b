// What hjob secret|policy|token share: the state opened with the secrets layer on it, the
// duration flags, and the token to act on (argument or $VAULT_TOKEN).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "runtime/secrets/secrets.hpp"
#include "runtime/state/secrets_store.hpp"
#include "state_options.hpp"

namespace CLI {
class App;
}

namespace hjob::cli {

/// The store, the SQLite secrets tables over it and the secrets layer; not movable, since
/// the layers refer to each other.
struct SecretsContext {
    explicit SecretsContext(runtime::state::Store s) : store(std::move(s)), tables(store.db()) {}
    SecretsContext(const SecretsContext&) = delete;
    SecretsContext& operator=(const SecretsContext&) = delete;

    runtime::state::Store store;
    std::optional<runtime::state::StateLock> lock;  // held until the command ends
    runtime::state::SqliteSecretStore tables;
    secrets::SystemClock clock;
    std::unique_ptr<secrets::Secrets> layer;
};

/// Opens the state of `opt` and the secrets layer on it (creating the key file on first use).
/// A writer takes the state lock for `operation` (waiting as --lock-timeout says) and settles
/// an interrupted rekey under it; a reader takes no lock: Secrets::open is safe beside a
/// rekey, and SQLite's WAL gives it a consistent snapshot. Throws StateError or LockError.
std::unique_ptr<SecretsContext> open_secrets(const StateOptions& opt, const std::string& operation, bool writer);

/// Turns a failed secrets Result into a StateError (printed as "hjob CMD: error: ...", exit 1).
template <class T>
const T& need(const secrets::Result<T>& r) {
    if (!r) throw runtime::state::StateError(r.error);
    return *r;
}

/// A duration flag ("1h", "90s") in whole seconds; throws StateError naming `flag` when bad.
secrets::UnixSeconds parse_seconds(const std::string& flag, const std::string& text);

/// `seconds` as Vault prints a duration: "1h0m0s", "45s".
std::string format_seconds(secrets::UnixSeconds seconds);

/// A Unix time as RFC 3339 UTC.
std::string format_unix(secrets::UnixSeconds t);

/// Adds `serve` to the `hjob secret` command (cli/secret_serve.cpp).
void add_secret_serve(CLI::App* secret);

/// The token argument, else $VAULT_TOKEN; throws StateError when neither is set.
std::string token_argument(const std::string& arg);

}  // namespace hjob::cli
