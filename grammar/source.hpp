// Source text and positions: the lowest layer. Every node and diagnostic points into a
// SourceFile by byte offsets; line and column are computed on demand from a line table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hjob {

/// A half-open byte range [begin, end) within one source file.
struct Range {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    friend bool operator==(const Range&, const Range&) = default;
};

/// A position as HCL reports it: 1-based line, 1-based column counted in characters
/// (grapheme clusters, as HCL counts them), 0-based byte offset.
struct Position {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    std::uint32_t byte = 0;
};

/// One file's name and text, with a line table built on first use.
/// Ranges and string_views of the syntax tree point into `text`, so it must outlive them.
class SourceFile {
public:
    SourceFile(std::string name, std::string text);

    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }
    std::string_view slice(Range r) const;

    /// Line, column (in characters) and byte of a byte offset; offsets past the end clamp to it.
    Position position(std::uint32_t offset) const;
    /// The text of the 1-based line `line`, without its line terminator.
    std::string_view line_text(std::uint32_t line) const;
    std::uint32_t line_count() const;

private:
    void build_lines() const;

    std::string name_;
    std::string text_;
    mutable std::vector<std::uint32_t> line_starts_;
};

/// Counts characters as HCL columns do: grapheme clusters, approximated as code points
/// that are not combining marks, variation selectors or zero-width joiners. Invalid UTF-8
/// bytes count one each.
std::uint32_t count_columns(std::string_view text);

/// A range together with the file it belongs to; what diagnostics carry.
struct SourceRange {
    const SourceFile* file = nullptr;
    Range range;
};

}  // namespace hjob
