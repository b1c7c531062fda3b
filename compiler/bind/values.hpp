// Value conversions the binder needs beyond cty's: Go durations, and cty values as the Go
// data jobspec2 makes of them (for driver config, scaling policy and other open maps).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "stdlib/value.hpp"

namespace hjob::bind {

/// Go's time.ParseDuration: "300ms", "-1.5h", "2h45m", units ns us µs ms s m h; a lone "0".
/// On failure returns nullopt and sets `error` to Go's message (`time: invalid duration "x"`).
std::optional<std::int64_t> parse_go_duration(std::string_view text, std::string* error = nullptr);

/// Go's time.Duration.String(): "1h30m0s", "300ms", "0s".
std::string format_go_duration(std::int64_t ns);

/// jobspec2's interfaceFromCtyValue as JSON: whole numbers as integers, others as doubles,
/// collections and objects as arrays and objects; null for null and unknown values.
nlohmann::json to_go_json(const cty::Value& v);

/// Go's %q for a plain string (what HCL puts in its messages).
std::string go_quote(std::string_view s);

}  // namespace hjob::bind
