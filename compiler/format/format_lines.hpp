// Internal to the formatter: hclwrite's model of a file as lines of tokens, each line split
// into a "lead" cell, an optional "assign" cell (from the `=` of a one-line attribute) and
// an optional "comment" cell (a trailing comment). The passes only change spaces_before.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "grammar/tokens.hpp"

namespace hjob::format::detail {

using syntax::TokenType;

struct WriterToken {
    TokenType type;
    std::string_view bytes;
    std::size_t spaces_before;  ///< spaces written before the token
};

/// A half-open range of token indices; empty means the cell is absent.
struct Cell {
    std::size_t begin = 0, end = 0;
    bool present() const { return begin < end; }
    std::size_t size() const { return end - begin; }
};

struct FormatLine {
    Cell lead, assign, comment;
};

using Tokens = std::vector<WriterToken>;

/// Splits tokens into lines at newlines (and at line comments, which end in one) and moves
/// trailing comments and balanced `= value` tails into their cells (hclwrite's linesForFormat).
std::vector<FormatLine> lines_for_format(const Tokens& tokens);

/// +1 for an opening bracket or template sequence, -1 for a closing one, else 0.
int bracket_change(TokenType type);

/// hclwrite's spaceAfterToken: whether `subject`, preceded by `before` (type Nil at the
/// start of a cell), is followed by one space before `after`.
bool space_after_token(const WriterToken& subject, const WriterToken& before, const WriterToken& after);

/// Grapheme clusters in `text` (UAX #29, as go-textseg counts them); an invalid UTF-8 byte
/// counts as one.
std::size_t grapheme_count(std::string_view text);

/// Display width of a cell as hclwrite's Tokens.Columns counts it: spaces plus characters.
std::size_t columns(const Tokens& tokens, Cell cell);

/// Pass 1: the leading spaces of each line from the bracket nesting (formatIndent).
void format_indent(Tokens& tokens, const std::vector<FormatLine>& lines);
/// Pass 2: the spaces between tokens within each cell (formatSpaces).
void format_spaces(Tokens& tokens, const std::vector<FormatLine>& lines);
/// Pass 3: aligns the assign cells, then the comment cells, of consecutive lines (formatCells).
void format_cells(Tokens& tokens, const std::vector<FormatLine>& lines);

}  // namespace hjob::format::detail
