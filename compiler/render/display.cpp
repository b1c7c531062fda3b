// Display columns of source lines (see display.hpp).
#include "display.hpp"

#include "grammar/unicode.hpp"

namespace hjob::render::detail {

namespace {

struct Interval {
    char32_t lo, hi;
};

bool in(char32_t c, const Interval* table, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (c >= table[i].lo && c <= table[i].hi) return true;
    return false;
}

// The same marks that SourceFile's column count folds into the previous character.
constexpr Interval zero_width[] = {
    {0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0x1F3FB, 0x1F3FF}, {0xE0100, 0xE01EF},
};

// East Asian Wide (W) and Fullwidth (F) blocks and the emoji planes, coarsely: enough for a
// caret to land under CJK text and emoji in the terminals people use.
constexpr Interval wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x2705, 0x2705},   {0x270A, 0x270B},   {0x274C, 0x274C},   {0x2753, 0x2755},   {0x2795, 0x2797},
    {0x2B1B, 0x2B1C},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F7E0, 0x1F7EB}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD},
};

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

std::size_t char_width(char32_t c) {
    if (c < 0x300) return 1;
    if (c == 0x200D || in(c, zero_width, std::size(zero_width))) return 0;
    return in(c, wide, std::size(wide)) ? 2 : 1;
}

DisplayLine display_line(std::string_view line) {
    DisplayLine out;
    out.text.reserve(line.size());
    out.columns.reserve(line.size() + 1);
    out.offsets.reserve(line.size() + 1);
    std::size_t col = 0;
    const char* p = line.data();
    const char* end = p + line.size();
    while (p < end) {
        const std::size_t n = unicode::sequence_length(p, end);
        out.columns.insert(out.columns.end(), n == 0 ? 1 : n, col);
        out.offsets.insert(out.offsets.end(), n == 0 ? 1 : n, out.text.size());
        char32_t c = n == 0 ? 0xFFFD : unicode::decode(p, n);
        if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;  // not encodable: show as broken
        if (c == '\t') {
            const std::size_t to = (col / tab_width + 1) * tab_width;
            out.text.append(to - col, ' ');
            col = to;
        } else if (c < 0x20 || c == 0x7F) {
            append_utf8(out.text, c == 0x7F ? 0x2421 : 0x2400 + c);  // ␀ ... ␟, ␡
            ++col;
        } else {
            append_utf8(out.text, c);
            col += char_width(c);
        }
        p += n == 0 ? 1 : n;
    }
    out.columns.push_back(col);
    out.offsets.push_back(out.text.size());
    return out;
}

std::size_t display_width(std::string_view text) { return display_line(text).columns.back(); }

}  // namespace hjob::render::detail
