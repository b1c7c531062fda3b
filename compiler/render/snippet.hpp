// The source excerpt of the human format: numbered source lines with a caret/tilde underline
// of a range (several lines when the range spans them) and gcc-style fix-it lines below.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace hjob::render::detail {

/// ANSI colouring of the human format, or nothing when off.
enum class Paint { bold, error, warning, note, caret, fixit };

struct Painter {
    bool on = false;
    /// `text` wrapped in the escape codes of `p` (or unchanged when off).
    std::string operator()(Paint p, std::string_view text) const;
};

/// Ranges longer than this many lines show their first and last lines around a "..." line.
inline constexpr std::uint32_t max_snippet_lines = 6;

/// Lines wider than this many display columns are shown as a window around the range.
inline constexpr std::size_t max_line_width = 160;

/// Writes the excerpt of `subject`. Each fix that replaces text on a single shown line by a
/// one-line text is drawn under that line; `shown[i]` becomes true for those fixes.
void write_snippet(std::ostream& out, const Span& subject, std::span<const DiagnosticFix> fixes,
                   std::vector<bool>& shown, const Painter& paint);

}  // namespace hjob::render::detail
