// Time for token expiry and version timestamps, behind an interface so tests never sleep.
#pragma once

#include <chrono>
#include <cstdint>

namespace hjob::secrets {

/// Seconds since the Unix epoch; a second is fine enough for TTLs and KV created times.
using UnixSeconds = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    virtual UnixSeconds now() const = 0;
};

class SystemClock final : public Clock {
public:
    UnixSeconds now() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

/// A clock that moves only when a test advances it.
class FakeClock final : public Clock {
public:
    explicit FakeClock(UnixSeconds start = 1'700'000'000) : now_(start) {}
    UnixSeconds now() const override { return now_; }
    void advance(UnixSeconds seconds) { now_ += seconds; }

private:
    UnixSeconds now_;
};

}  // namespace hjob::secrets
