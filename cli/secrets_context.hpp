// What hjob secret|policy|token share: the state opened with the secrets layer on it, the
// duration flags, and the token to act on (argument or $VAULT_TOKEN).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "runtime/secrets/secrets.hpp"
#include "runtime/state/secrets_store.hpp"
#include "state_options.hpp"

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

/// Opens the state of `opt`, takes the state lock for `operation`, then opens the secrets
/// layer (creating the key file on first use). Readers lock too: opening the layer settles
/// an interrupted rekey, which must never run beside a rekey in progress (it would remove
/// the pending key that the rekey is about to commit to). Readers wait up to
/// reader_lock_wait; writers as --lock-timeout says. Throws StateError or LockError.
std::unique_ptr<SecretsContext> open_secrets(const StateOptions& opt, const std::string& operation);

/// How long a reading secrets command waits for the state lock: writers hold it for one
/// short transaction, so a reader should wait rather than fail.
inline constexpr const char* reader_lock_wait = "10s";

/// `opt` for a reading command: the lock wait is reader_lock_wait.
inline StateOptions reading(StateOptions opt) {
    opt.lock_timeout = reader_lock_wait;
    return opt;
}

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

/// The token argument, else $VAULT_TOKEN; throws StateError when neither is set.
std::string token_argument(const std::string& arg);

}  // namespace hjob::cli
