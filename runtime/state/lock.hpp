// The state lock: one writer at a time per data directory. A lock file held with flock(2)
// (released by the kernel when its holder dies, so a kill -9 never leaves the state locked)
// plus an info file naming the holder, which a waiting command prints when it gives up and
// which `hjob force-unlock ID` removes. Readers (plan, status) never take it: SQLite's WAL
// gives them a consistent snapshot.
#pragma once

#include <optional>
#include <string>

#include "runtime/model.hpp"
#include "sqlite.hpp"

namespace hjob::runtime::state {

/// Who holds (or held) the lock, as the info file records it.
struct LockInfo {
    std::string id;         ///< a UUID: what force-unlock takes
    long pid = 0;
    std::string who;        ///< user@host
    std::string operation;  ///< "apply", "stop", "node register", ...
    UnixNanos created = 0;
};

/// Thrown when the lock could not be taken in time; what() is the whole report.
class LockError : public StateError {
public:
    LockError(const std::string& what, std::optional<LockInfo> holder) : StateError(what), holder(std::move(holder)) {}
    std::optional<LockInfo> holder;
};

class StateLock {
public:
    /// Takes the lock of `dir` for `operation`, waiting up to `timeout_ns` (0: one try).
    /// Throws LockError naming the holder and since when; StateError when the lock file
    /// cannot be created.
    static StateLock acquire(const std::string& dir, const std::string& operation, std::int64_t timeout_ns);
    StateLock(StateLock&& o) noexcept;
    StateLock(const StateLock&) = delete;
    StateLock& operator=(const StateLock&) = delete;
    ~StateLock();

    const LockInfo& info() const { return info_; }
    /// The holder of an earlier lock whose process died without releasing it, if any.
    const std::optional<LockInfo>& stale() const { return stale_; }

private:
    StateLock(std::string dir, int fd) : dir_(std::move(dir)), fd_(fd) {}
    std::string dir_;
    int fd_ = -1;
    LockInfo info_;
    std::optional<LockInfo> stale_;
};

/// The info file of `dir`'s lock, if present.
std::optional<LockInfo> read_lock_info(const std::string& dir);

/// `hjob force-unlock ID`: removes the lock of `dir` when its id is `id`. Throws StateError
/// when the state is not locked or the id does not match (it names the current one).
LockInfo force_unlock(const std::string& dir, const std::string& id);

/// Whether process `pid` exists on this machine.
bool process_alive(long pid);

}  // namespace hjob::runtime::state
