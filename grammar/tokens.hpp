// The grammar layer's token view: the exact token sequence hclsyntax.LexConfig produces
// (comments and newlines included), for token-level tools such as the formatter and the
// language server. The parser does not use it; it has its own PEGTL grammar.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "source.hpp"

namespace hjob::syntax {

/// hclsyntax's TokenType values, named alike: token_type_name(TokenType::OQuote) is
/// "TokenOQuote". The bracket, operator and template tokens keep hclsyntax's meaning.
enum class TokenType : std::uint8_t {
    OBrace, CBrace, OBrack, CBrack, OParen, CParen, OQuote, CQuote, OHeredoc, CHeredoc,
    Star, Slash, Plus, Minus, Percent,
    Equal, EqualOp, NotEqual, LessThan, LessThanEq, GreaterThan, GreaterThanEq,
    And, Or, Bang, Dot, Comma, Ellipsis, FatArrow, Question, Colon,
    TemplateInterp, TemplateControl, TemplateSeqEnd,
    QuotedLit,  ///< literal text of a quoted string; may contain backslash escapes
    StringLit,  ///< literal text of a heredoc line (backslashes are not escapes there)
    NumberLit, Ident,
    Comment,  ///< `#` and `//` comments include their terminating newline; `/* */` does not
    Newline, Eof,  // "TokenEOF" (EOF is a C macro)
    // Recognised only so that diagnostics can name them; never valid HCL.
    BitwiseAnd, BitwiseOr, BitwiseNot, BitwiseXor, StarStar, Apostrophe, Backtick, Semicolon,
    Tabs, Invalid, BadUTF8, QuotedNewline,
    Nil,  ///< a placeholder for "no token"; the lexer never produces it
};

/// hclsyntax's name of a token type, e.g. "TokenOQuote", "TokenEOF".
std::string_view token_type_name(TokenType type);

struct Token {
    TokenType type;
    Range range;  ///< bytes in the SourceFile's text (a leading UTF-8 BOM is skipped, not a token)
};

/// Lexes a whole file as hclsyntax.LexConfig does and returns every token, ending with one
/// EOF token. Never fails: bad input becomes Invalid, BadUTF8 or QuotedNewline tokens, and
/// `diagnostics` receives hclsyntax's lexical diagnostics for them (checkInvalidTokens).
std::vector<Token> lex_tokens(const SourceFile& file, Diagnostics& diagnostics);

/// The same token sequence, without diagnostics.
std::vector<Token> lex_tokens(const SourceFile& file);

}  // namespace hjob::syntax
