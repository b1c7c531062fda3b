// HCL's lexical diagnostics (hclsyntax's checkInvalidTokens) over the rescanner's tokens:
// reported first, before any parse error, as the lexer reports them before the parser runs.
#include "rescan.hpp"

namespace hjob::syntax::rescan {

namespace {

Diagnostic lexical(const SourceFile& file, const Message& m, const Token& t) {
    Diagnostic d;
    d.code = std::string(m.code);
    d.summary = std::string(m.summary);
    d.detail = std::string(m.detail);
    d.subject = {&file, {t.begin, t.end}};
    return d;
}

}  // namespace

// checkInvalidTokens: each kind is reported a limited number of times, as HCL does.
Diagnostics lexical_diagnostics(const SourceFile& file, std::size_t limit) {
    const std::string_view text = file.text();
    const std::uint32_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    Scanner scanner(text, start);
    Diagnostics out;
    int bitwise = 0, backticks = 0, apostrophes = 0, semicolons = 0, bad_utf8 = 0;
    for (Token t = scanner.next(); t.kind != Tok::eof && out.size() < limit; t = scanner.next()) {
        switch (t.kind) {
            case Tok::bitwise_and: case Tok::bitwise_or: case Tok::bitwise_xor: case Tok::bitwise_not:
                if (bitwise++ < 4) {
                    const Message& m = t.kind == Tok::bitwise_and ? error_message<errors::bitwise_and>
                                       : t.kind == Tok::bitwise_or ? error_message<errors::bitwise_or>
                                       : t.kind == Tok::bitwise_not ? error_message<errors::bitwise_not>
                                                                    : error_message<errors::bitwise_xor>;
                    out.push_back(lexical(file, m, t));
                }
                break;
            case Tok::backtick:
                if (backticks % 2 == 0) out.push_back(lexical(file, error_message<errors::backtick>, t));
                if (backticks <= 2) ++backticks;
                break;
            case Tok::apostrophe:
                if (apostrophes % 2 == 0) out.push_back(lexical(file, error_message<errors::apostrophe>, t));
                if (apostrophes <= 2) ++apostrophes;
                break;
            case Tok::semicolon:
                if (semicolons++ < 1) out.push_back(lexical(file, error_message<errors::semicolon>, t));
                break;
            case Tok::bad_utf8:
                if (bad_utf8++ < 1) out.push_back(lexical(file, error_message<errors::bad_utf8>, t));
                break;
            case Tok::quoted_newline:
                out.push_back(lexical(file, error_message<errors::quoted_newline>, t));
                break;
            case Tok::invalid: {
                const std::string_view s = text.substr(t.begin, t.end - t.begin);
                const bool curly = s == "\u201C" || s == "\u201D";
                out.push_back(lexical(file, curly ? error_message<errors::curly_quote> : error_message<errors::invalid_character>, t));
                break;
            }
            default: break;
        }
    }
    return out;
}

}  // namespace hjob::syntax::rescan
