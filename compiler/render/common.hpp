// Helpers shared by the renderers: where a diagnostic's range is in line/column terms (clamped,
// never reversed), counts by severity, and the escaping that XML and one-line formats need.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/diagnostic.hpp"

namespace hjob::render::detail {

/// A range resolved to positions: start <= end, both within the file.
struct Span {
    const SourceFile* file = nullptr;
    Position start;
    Position end;
};

/// The positions of `where`; nullopt when it names no file. A reversed range is read as empty
/// at its begin; offsets past the end of the text clamp to it.
std::optional<Span> locate(const SourceRange& where);

/// "file:line:col", what gcc and the GNU standards put first on a line.
std::string locus(const Span& s);

struct Counts {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t notes = 0;
};
Counts count(const Diagnostics& ds);

/// `text` with each invalid UTF-8 byte replaced by U+FFFD, so that JSON and XML stay valid.
std::string valid_utf8(std::string_view text);

/// `text` on one line: newlines and tabs become spaces, "\r" goes, runs of spaces stay.
std::string one_line(std::string_view text);

/// "summary; detail" on one line (HCL's compact form), or the summary alone.
std::string summary_and_detail(const Diagnostic& d);

/// Text for an XML attribute or element: &<>"' escaped, characters XML 1.0 forbids (C0
/// controls other than tab, newline and carriage return; invalid UTF-8) replaced by U+FFFD.
std::string xml_escape(std::string_view text);

/// Number of Unicode code points in `text` (invalid bytes count one each): SARIF's
/// "unicodeCodePoints" columns.
std::size_t code_points(std::string_view text);

/// The diagnostics of one file, for the formats that group by file.
struct FileGroup {
    const SourceFile* file;  ///< null for the diagnostics that name no file
    std::vector<const Diagnostic*> diagnostics;
};

/// Every checked file in order (also those without diagnostics), then any other file that a
/// diagnostic names, then, when there are some, the diagnostics that name no file.
std::vector<FileGroup> group_by_file(const Diagnostics& ds, std::span<const SourceFile* const> files);

/// The gnu line of `d` without its range: "file:line:col: error: summary; detail [code]", its
/// notes appended as "; note: file:line:col: message".
std::string gnu_text(const Diagnostic& d);

/// Calls `each(line)` for every line of `text` ("\n" separated; no trailing empty line).
template <class F>
void for_each_line(std::string_view text, F each) {
    while (!text.empty()) {
        const auto nl = text.find('\n');
        each(text.substr(0, nl));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
}

}  // namespace hjob::render::detail
