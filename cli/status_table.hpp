// Text layouts shared by status, history and node: column-aligned tables and Nomad's
// "Key = Value" blocks, short ids and times.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "runtime/model.hpp"

namespace hjob::cli {

/// Rows (the first is the header) with columns padded to their widest cell, two spaces apart.
std::string format_table(const std::vector<std::vector<std::string>>& rows);

/// Nomad's aligned "Key  = Value" lines.
std::string format_pairs(const std::vector<std::pair<std::string, std::string>>& pairs);

/// The first 8 characters of a UUID, as Nomad shows ids.
std::string short_id(const std::string& id);

/// A time as "2026-11-29T13:49:43Z", or "-" for 0.
std::string show_time(runtime::UnixNanos t);

}  // namespace hjob::cli
