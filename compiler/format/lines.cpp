// The formatter's line model and its first pass: splitting tokens into lines and cells
// (hclwrite's linesForFormat) and indenting each line by its bracket nesting (formatIndent).
#include "format_lines.hpp"

namespace hjob::format::detail {

int bracket_change(TokenType type) {
    switch (type) {
    case TokenType::OBrace: case TokenType::OBrack: case TokenType::OParen:
    case TokenType::TemplateControl: case TokenType::TemplateInterp: return 1;
    case TokenType::CBrace: case TokenType::CBrack: case TokenType::CParen:
    case TokenType::TemplateSeqEnd: return -1;
    default: return 0;
    }
}

namespace {

// Line comments (# and //) consume their newline, so they end a line too.
bool ends_line(const WriterToken& t) {
    if (t.type == TokenType::Newline) return true;
    return t.type == TokenType::Comment && !t.bytes.empty() && t.bytes.back() == '\n';
}

// A trailing comment gets a cell of its own; then, from the first `=` after the line's
// first token, the rest becomes the assign cell, but only when its brackets balance (an
// unbalanced tail opens a multi-line expression and is not aligned).
void split_cells(const Tokens& tokens, FormatLine& line) {
    Cell& lead = line.lead;
    if (lead.size() > 1 && tokens[lead.end - 1].type == TokenType::Comment) {
        line.comment = Cell{lead.end - 1, lead.end};
        lead.end -= 1;
    }
    for (std::size_t i = lead.begin + 1; i < lead.end; ++i) {
        if (tokens[i].type != TokenType::Equal) continue;
        int net = 0;
        for (std::size_t k = i; k < lead.end; ++k) net += bracket_change(tokens[k].type);
        if (net == 0) {
            line.assign = Cell{i, lead.end};
            lead.end = i;
        }
        break;
    }
}

}  // namespace

std::vector<FormatLine> lines_for_format(const Tokens& tokens) {
    std::vector<FormatLine> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].type == TokenType::Eof) break;
        if (ends_line(tokens[i])) {
            lines.push_back(FormatLine{Cell{start, i + 1}, {}, {}});
            start = i + 1;
        }
    }
    std::size_t end = start;
    while (end < tokens.size() && tokens[end].type != TokenType::Eof) ++end;
    lines.push_back(FormatLine{Cell{start, end}, {}, {}});
    for (auto& line : lines)
        if (line.lead.present()) split_cells(tokens, line);
    return lines;
}

namespace {

// Net bracket change of a line: the lead up to and including a heredoc opener (the heredoc
// body is text), plus the whole assign cell.
int line_brackets(const Tokens& tokens, const FormatLine& line) {
    int net = 0;
    for (std::size_t i = line.lead.begin; i < line.lead.end; ++i) {
        net += bracket_change(tokens[i].type);
        if (tokens[i].type == TokenType::OHeredoc) break;
    }
    for (std::size_t i = line.assign.begin; i < line.assign.end; ++i) net += bracket_change(tokens[i].type);
    return net;
}

// Closing `closed` brackets pops whole indent levels, and only part of the innermost one
// when fewer brackets close than it opened; this keeps lopsided lines from drifting.
void close_levels(std::vector<int>& indents, int closed) {
    while (closed > 0 && !indents.empty()) {
        int& top = indents.back();
        if (closed >= top) {
            closed -= top;
            indents.pop_back();
        } else {
            top -= closed;
            closed = 0;
        }
    }
}

}  // namespace

void format_indent(Tokens& tokens, const std::vector<FormatLine>& lines) {
    std::vector<int> indents;  // brackets opened by each line that raised the indent
    for (const auto& line : lines) {
        if (!line.lead.present()) continue;
        WriterToken& first = tokens[line.lead.begin];
        if (first.type == TokenType::Newline) {
            first.spaces_before = 0;  // never indent an empty line
            continue;
        }
        const int net = line_brackets(tokens, line);
        if (net < 0) close_levels(indents, -net);
        first.spaces_before = 2 * indents.size();
        if (net > 0) indents.push_back(net);
    }
}

}  // namespace hjob::format::detail
