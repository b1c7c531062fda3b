// The template lexer: text and actions, with the delimiters, trim markers and comments removed,
// and each action split into tokens. Go's text/template lexer, simplified: numbers are scanned
// loosely and parsed later, keywords are identifiers the parser recognises.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::runtime::tmpl {

enum class Tok { text, left, right, ident, field, variable, dot, string, number, boolean, nil, pipe, lparen, rparen,
                 declare, assign, comma };

struct Token {
    Tok kind;
    std::string text;     ///< the text, the unquoted string, the name (without '.' for fields)
    std::size_t offset;   ///< byte offset in the template
    bool spaced = false;  ///< preceded by white space (".a .b" are two operands, ".a.b" one)
};

struct Lexed {
    std::vector<Token> tokens;
    std::string error;  ///< set on an unclosed action, comment or string, or a bad character
    std::size_t error_offset = 0;
};

Lexed lex(std::string_view src, std::string_view left, std::string_view right);

}  // namespace hjob::runtime::tmpl
