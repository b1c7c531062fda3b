// Fast readers for the small JSON columns the state writes itself (node attributes and meta,
// driver lists, port lists): a plan reads every node, and nlohmann's DOM costs ~50 µs per
// node there. Each reader accepts exactly the flat shape it names and returns nullopt on
// anything else, so callers fall back to nlohmann for unexpected text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::runtime::state {

/// {"k":"v",...} with string values only.
std::optional<std::map<std::string, std::string>> parse_string_map(std::string_view text);
/// ["a","b",...]
std::optional<std::vector<std::string>> parse_string_list(std::string_view text);
/// [1,2,...] of non-negative integers
std::optional<std::vector<int>> parse_int_list(std::string_view text);

}  // namespace hjob::runtime::state
