// Timestamps as go-cty's datetime functions and go-cty-yaml see them: RFC 3339 parsing with
// go-cty's error wording, Go's time.ParseDuration, civil-calendar arithmetic. No external
// library: proleptic Gregorian calendar, fixed UTC offsets, no leap seconds (as Go).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hjob::cty::fn {

/// An instant with the UTC offset it was written in.
struct Timestamp {
    std::int64_t unix = 0;      ///< seconds since 1970-01-01T00:00:00Z
    std::int32_t nanos = 0;     ///< 0..999999999
    std::int32_t offset = 0;    ///< seconds east of UTC

    /// The wall-clock fields in the timestamp's own offset.
    struct Civil {
        std::int64_t year;
        int month, day, hour, minute, second, weekday;  // weekday 0 = Sunday
    };
    Civil civil() const;
};

/// time.Parse(time.RFC3339, s), errors worded as go-cty's parseTimestamp words them.
std::optional<Timestamp> parse_rfc3339(std::string_view s, std::string& error);
/// t.Format(time.RFC3339): "2006-01-02T15:04:05Z07:00" (no fractional seconds).
std::string format_rfc3339(const Timestamp& t);
/// The offset as Go formats "-0700" (colon false) or "-07:00" (colon true).
std::string format_offset(std::int32_t offset, bool colon);

/// time.ParseDuration: nanoseconds, or Go's error text.
std::optional<std::int64_t> parse_duration(std::string_view s, std::string& error);
/// t + d nanoseconds, keeping t's offset; nullopt when the year leaves Go's range.
std::optional<Timestamp> add_duration(const Timestamp& t, std::int64_t d);

/// go-cty-yaml's parseTimestamp: the subset of yaml.org/type/timestamp that Go's time
/// package reads (YYYY-M-D, optionally [Tt ]h:m:s[.frac] with Z/±hh:mm, or a space and no zone).
std::optional<Timestamp> parse_yaml_timestamp(std::string_view s);

}  // namespace hjob::cty::fn
