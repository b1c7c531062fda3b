// Identifiers and fingerprints the state hands out: random UUIDs (nodes, allocations,
// deployments, locks, the state itself), sha256 hex digests, user@host, the wall clock.
#pragma once

#include <string>
#include <string_view>

#include "runtime/model.hpp"

namespace hjob::runtime::state {

/// A random (version 4) UUID from /dev/urandom, "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".
std::string new_uuid();

/// The lower-case hex sha256 of `data`.
std::string sha256_hex(std::string_view data);

/// "user@host" of this process, for the submitter of a version and the holder of a lock.
std::string user_at_host();

/// Nanoseconds since the epoch.
UnixNanos now_nanos();

/// A time as RFC 3339 in UTC with seconds, "2026-11-29T13:49:43Z".
std::string format_time(UnixNanos t);

}  // namespace hjob::runtime::state
