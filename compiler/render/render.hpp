// Diagnostic rendering: the one step between the Diagnostics that every layer appends and what a
// person, an editor or a CI system reads. One file per format; none of them knows the CLI.
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "compiler/render/diagnostic_text.hpp"  // severity_name
#include "grammar/diagnostic.hpp"

namespace hjob::render {

enum class Format { human, gnu, json, sarif, github, checkstyle, junit };

/// "human", "gnu", ... as `--format` spells them.
std::string_view format_name(Format f);
/// The format named `name`; nullopt for an unknown name.
std::optional<Format> parse_format(std::string_view name);

/// The project's home, for SARIF's tool.driver.informationUri. One constant, so that the day
/// the project has a published home only this line changes.
inline constexpr std::string_view default_information_uri = "https://github.com/hjob/hjob";

struct Options {
    bool color = false;       ///< human only: ANSI colour (the caller decides: tty, NO_COLOR, --color)
    std::size_t width = 80;   ///< human only: the column at which detail paragraphs wrap
    std::string tool_version = "0.1.0";
    std::string information_uri{default_information_uri};
    /// SARIF: the directory that %SRCROOT% stands for (absolute); artifact URIs are relative to
    /// it. Empty: the current directory.
    std::string source_root;
};

/// What a renderer reads: the diagnostics of a run, in the order to print them, and every file
/// that was checked (also the clean ones: checkstyle and junit list them; snippets need text).
/// A diagnostic's subject.file may be null (a problem with no place in a file).
struct Input {
    const Diagnostics& diagnostics;
    std::span<const SourceFile* const> files;
};

/// Writes `in` to `out` in `format`. Never throws for odd diagnostics (empty or reversed
/// ranges, ranges past the end, invalid UTF-8): they are clamped and shown as well as possible.
void render(Format format, const Input& in, std::ostream& out, const Options& options = {});

void render_human(const Input& in, std::ostream& out, const Options& options);
void render_gnu(const Input& in, std::ostream& out, const Options& options);
void render_json(const Input& in, std::ostream& out, const Options& options);
void render_sarif(const Input& in, std::ostream& out, const Options& options);
void render_github(const Input& in, std::ostream& out, const Options& options);
void render_checkstyle(const Input& in, std::ostream& out, const Options& options);
void render_junit(const Input& in, std::ostream& out, const Options& options);

}  // namespace hjob::render
