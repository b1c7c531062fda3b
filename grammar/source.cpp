// Line table and character-column computation for SourceFile.
#include "source.hpp"

#include <algorithm>

namespace hjob {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {}

std::string_view SourceFile::slice(Range r) const {
    const auto size = static_cast<std::uint32_t>(text_.size());
    const auto b = std::min(r.begin, size);
    const auto e = std::clamp(r.end, b, size);
    return std::string_view(text_).substr(b, e - b);
}

// A line ends at "\n"; a "\r\n" pair counts as one terminator (the "\r" belongs to no column).
void SourceFile::build_lines() const {
    if (!line_starts_.empty()) return;
    line_starts_.push_back(0);
    const char* data = text_.data();
    const std::size_t size = text_.size();
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
}

std::uint32_t SourceFile::line_count() const {
    build_lines();
    return static_cast<std::uint32_t>(line_starts_.size());
}

Position SourceFile::position(std::uint32_t offset) const {
    build_lines();
    offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line_index = static_cast<std::uint32_t>(it - line_starts_.begin() - 1);
    std::uint32_t start = line_starts_[line_index];
    // A byte order mark is no column: HCL strips it before it counts (line 1 starts after it).
    if (line_index == 0 && text_.starts_with("\xEF\xBB\xBF")) start = std::min<std::uint32_t>(offset, 3);
    const auto col = count_columns(std::string_view(text_).substr(start, offset - start));
    return Position{line_index + 1, col + 1, offset};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
    build_lines();
    if (line == 0 || line > line_starts_.size()) return {};
    const std::uint32_t b = line_starts_[line - 1];
    std::uint32_t e = line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<std::uint32_t>(text_.size());
    if (e > b && text_[e - 1] == '\r') --e;
    return std::string_view(text_).substr(b, e - b);
}

namespace {

// Code points that extend the previous grapheme cluster rather than start a new one.
bool extends_cluster(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F) ||
           c == 0x200D || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x1F3FB && c <= 0x1F3FF);
}

}  // namespace

std::uint32_t count_columns(std::string_view s) {
    std::uint32_t cols = 0;
    bool after_zwj = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
        char32_t c = b0;
        if (len == 0 || i + len > s.size()) {
            len = 1;  // an invalid byte is a column of its own
        } else if (len > 1) {
            c = b0 & (0x7F >> len);
            for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        if (b0 == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            // "\r\n" is one grapheme cluster
        } else if (!(extends_cluster(c) || after_zwj) || cols == 0) {
            ++cols;
        }
        after_zwj = c == 0x200D;
        i += len;
    }
    return cols;
}

}  // namespace hjob
