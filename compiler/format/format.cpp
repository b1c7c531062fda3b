// The formatter's driver: lex, turn the byte gaps between tokens into space counts, run
// hclwrite's three passes, and write the tokens back out.
#include "format.hpp"

#include "format_lines.hpp"

namespace hjob::format {

namespace {

// hclwrite takes the gap before each token as that many spaces (tabs included), and the
// passes overwrite every gap but the one before EOF: so trailing blanks at the very end
// of a file without a final newline survive as spaces, as does a lone BOM.
detail::Tokens writer_tokens(const SourceFile& file) {
    const auto tokens = syntax::lex_tokens(file);
    detail::Tokens out;
    out.reserve(tokens.size());
    std::uint32_t last_end = 0;
    for (const auto& t : tokens) {
        out.push_back({t.type, file.slice(t.range), t.range.begin - last_end});
        last_end = t.range.end;
    }
    return out;
}

std::string write_tokens(const detail::Tokens& tokens, std::size_t size_hint) {
    std::string out;
    out.reserve(size_hint + size_hint / 8);
    for (const auto& t : tokens) {
        out.append(t.spaces_before, ' ');
        out.append(t.bytes);
    }
    return out;
}

}  // namespace

std::string format_source(const SourceFile& file) {
    auto tokens = writer_tokens(file);
    const auto lines = detail::lines_for_format(tokens);
    detail::format_indent(tokens, lines);
    detail::format_spaces(tokens, lines);
    detail::format_cells(tokens, lines);
    return write_tokens(tokens, file.text().size());
}

std::string format_text(std::string_view text) { return format_source(SourceFile("<text>", std::string(text))); }

}  // namespace hjob::format
