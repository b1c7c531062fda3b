// The formatter's third pass: vertical alignment. Consecutive lines with an assign cell
// get their `=` in one column; then consecutive lines with a trailing comment get their
// comments in one column (hclwrite's formatCells).
#include "format_lines.hpp"

#include <algorithm>

namespace hjob::format::detail {

std::size_t columns(const Tokens& tokens, Cell cell) {
    std::size_t n = 0;
    for (std::size_t i = cell.begin; i < cell.end; ++i) n += tokens[i].spaces_before + grapheme_count(tokens[i].bytes);
    return n;
}

namespace {

// Runs `align` over each maximal run of consecutive lines for which `in_chain` holds.
// A blank line, a comment-only line or any other line breaks the run.
template <class InChain, class Align>
void for_each_chain(const std::vector<FormatLine>& lines, InChain in_chain, Align align) {
    std::size_t i = 0;
    while (i < lines.size()) {
        if (!in_chain(lines[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < lines.size() && in_chain(lines[end])) ++end;
        align(i, end);
        i = end;
    }
}

}  // namespace

void format_cells(Tokens& tokens, const std::vector<FormatLine>& lines) {
    // The assign cells first: moving an `=` moves the comment after it too.
    for_each_chain(
        lines, [](const FormatLine& l) { return l.assign.present(); },
        [&](std::size_t begin, std::size_t end) {
            std::size_t widest = 0;
            for (std::size_t i = begin; i < end; ++i) widest = std::max(widest, columns(tokens, lines[i].lead));
            for (std::size_t i = begin; i < end; ++i)
                tokens[lines[i].assign.begin].spaces_before = widest - columns(tokens, lines[i].lead) + 1;
        });
    for_each_chain(
        lines, [](const FormatLine& l) { return l.comment.present(); },
        [&](std::size_t begin, std::size_t end) {
            auto width = [&](const FormatLine& l) { return columns(tokens, l.lead) + columns(tokens, l.assign); };
            std::size_t widest = 0;
            for (std::size_t i = begin; i < end; ++i) widest = std::max(widest, width(lines[i]));
            for (std::size_t i = begin; i < end; ++i)
                tokens[lines[i].comment.begin].spaces_before = widest - width(lines[i]) + 1;
        });
}

}  // namespace hjob::format::detail
