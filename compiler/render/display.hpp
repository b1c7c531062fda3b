// How a source line looks in a terminal: tabs expanded, control characters and broken bytes
// made visible, wide characters counted as two columns. The caret line is measured in these
// display columns so it sits under the right characters with or without colour.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::render::detail {

/// Tab stops every 8 columns, as terminals and gcc's caret lines have them.
inline constexpr std::size_t tab_width = 8;

/// Terminal columns taken by code point `c`: 0 for combining marks and joiners, 2 for East
/// Asian wide and fullwidth characters and emoji, 1 otherwise.
std::size_t char_width(char32_t c);

/// One source line prepared for display.
struct DisplayLine {
    std::string text;                  ///< what to print (valid UTF-8, no tabs, no controls)
    std::vector<std::size_t> columns;  ///< display column (0-based) at each byte of the line, plus one past the end
    std::vector<std::size_t> offsets;  ///< byte offset in `text` at each byte of the line, plus one past the end
};

/// Prepares `line` (without its terminator): tabs become spaces up to the next stop, C0
/// controls their Unicode control pictures, invalid bytes U+FFFD.
DisplayLine display_line(std::string_view line);

/// Display width of `text` (for wrapping detail paragraphs).
std::size_t display_width(std::string_view text);

}  // namespace hjob::render::detail
