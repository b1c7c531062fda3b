// Templates: the subset of Go's text/template (and consul-template's functions) that Nomad's
// `template` stanza needs on one machine. Text with {{ }} actions (custom delimiters, {{- -}}
// trimming, comments), pipelines, variables, if/else if/else, range, with; functions env,
// service, services, secret, printf and the usual string and comparison helpers. Consul's KV
// (`key`, `keyOrDefault`, `ls`, `tree`) does not exist here and is refused with a message.
// Pipeline: lex.cpp (tokens) -> parse.cpp (tree, ast.hpp) -> exec.cpp (output) with funcs*.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/catalog/catalog.hpp"

namespace hjob::runtime::tmpl {

/// Where a template's data comes from; an unset function makes its template function fail.
struct Sources {
    std::function<std::optional<std::string>(const std::string& name)> env;
    /// The instances of one service (every instance of every service for ""), any health.
    std::function<std::vector<catalog::Instance>(const std::string& service)> service;
    /// A KV v2 secret ("secret/data/app") as the API answers it, or nullopt if unreadable.
    std::function<std::optional<nlohmann::json>(const std::string& path)> secret;
};

struct Options {
    std::string left = "{{", right = "}}";
    bool error_on_missing_key = false;  ///< a missing map key is an error instead of "<no value>"
};

struct Rendered {
    bool ok = false;
    std::string text;
    std::string error;              ///< "line:col: message" when !ok
    std::set<std::string> services;  ///< services read ("*" for `services`), to know when to re-render
    std::set<std::string> secrets;   ///< secret paths read
};

/// Limits, each with a test feeding a hostile template: a template is job input, and a render
/// runs on the agent's thread.
constexpr int kMaxDepth = 100;                     ///< nested blocks and parentheses
constexpr std::size_t kMaxOutput = 4u << 20;       ///< 4 MiB of output
constexpr std::size_t kMaxSteps = 1'000'000;       ///< evaluation steps (commands, iterations)

/// Renders `text`. Never throws; errors carry the line and column (in characters) of the action.
Rendered render(std::string_view text, const Sources& sources, const Options& options = {});

/// "line:col" of a byte offset in `text`, the column counted in characters.
std::string position(std::string_view text, std::size_t offset);

}  // namespace hjob::runtime::tmpl
