// The token lexer's punctuation in main mode: operators, brackets and the braces that
// close template sequences, plus the characters hclsyntax recognises only to reject them.
#include "tokens_scanner.hpp"

namespace hjob::syntax::detail {

namespace {

// Single-character tokens (hclsyntax's SelfToken) other than those with longer forms.
TokenType self_token(char c) {
    switch (c) {
    case '[': return TokenType::OBrack;
    case ']': return TokenType::CBrack;
    case '(': return TokenType::OParen;
    case ')': return TokenType::CParen;
    case ',': return TokenType::Comma;
    case '*': return TokenType::Star;
    case '%': return TokenType::Percent;
    case '+': return TokenType::Plus;
    case '-': return TokenType::Minus;
    case '?': return TokenType::Question;
    case ':': return TokenType::Colon;
    case '^': return TokenType::BitwiseXor;
    case ';': return TokenType::Semicolon;
    case '`': return TokenType::Backtick;
    case '\'': return TokenType::Apostrophe;
    default: return TokenType::Invalid;  // '$', '@', '\\', control characters, a lone '\r'
    }
}

}  // namespace

bool Scanner::scan_operator(char c) {
    const char next = at(p_ + 1);
    auto pick = [&](char second, TokenType two, TokenType one) {
        if (next == second) return emit(two, p_, p_ + 2);
        emit(one, p_, p_ + 1);
    };
    switch (c) {
    case '\n': emit(TokenType::Newline, p_, p_ + 1); break;
    case '\r':
        if (next == '\n') emit(TokenType::Newline, p_, p_ + 2);
        else emit(TokenType::Invalid, p_, p_ + 1);
        break;
    case '#': scan_comment(); break;
    case '/':
        if (next == '/' || next == '*') scan_comment();
        else emit(TokenType::Slash, p_, p_ + 1);
        break;
    case '=':
        if (next == '>') emit(TokenType::FatArrow, p_, p_ + 2);
        else pick('=', TokenType::EqualOp, TokenType::Equal);
        break;
    case '!': pick('=', TokenType::NotEqual, TokenType::Bang); break;
    case '>': pick('=', TokenType::GreaterThanEq, TokenType::GreaterThan); break;
    case '<':
        if (next == '<' && scan_heredoc_opener()) break;
        pick('=', TokenType::LessThanEq, TokenType::LessThan);
        break;
    case '&': pick('&', TokenType::And, TokenType::BitwiseAnd); break;
    case '|': pick('|', TokenType::Or, TokenType::BitwiseOr); break;
    case '.':
        if (next == '.' && at(p_ + 2) == '.') emit(TokenType::Ellipsis, p_, p_ + 3);
        else emit(TokenType::Dot, p_, p_ + 1);
        break;
    case '~':
        if (next == '}') close_brace(2, true);
        else emit(TokenType::BitwiseNot, p_, p_ + 1);
        break;
    case '{':
        emit(TokenType::OBrace, p_, p_ + 1);
        ++braces_;
        break;
    case '}': close_brace(1, false); break;
    case '"':
        emit(TokenType::OQuote, p_, p_ + 1);
        call(Mode::quoted);
        break;
    default: emit(self_token(c), p_, p_ + 1); break;
    }
    return true;
}

// A `}` (or `~}`) ends a template sequence when the brace depth is back where the `${` or
// `%{` left it; otherwise it closes an ordinary brace. hclsyntax emits TemplateSeqEnd for a
// stray `~}` too, so that the parser, not the lexer, reports it.
void Scanner::close_brace(std::size_t length, bool tilde) {
    const bool ends_sequence = !ret_braces_.empty() && ret_braces_.back() == braces_;
    emit(ends_sequence || tilde ? TokenType::TemplateSeqEnd : TokenType::CBrace, p_, p_ + length);
    --braces_;
    if (ends_sequence) {
        ret_braces_.pop_back();
        ret();
    }
}

// `${` or `%{` (with an optional `~`) inside a template: lex an expression in main mode
// until the matching `}`.
void Scanner::begin_sequence(TokenType type) {
    const std::size_t length = at(p_ + 2) == '~' ? 3 : 2;
    emit(type, p_, p_ + length);
    ++braces_;
    ret_braces_.push_back(braces_);
    if (!heredocs_.empty()) heredocs_.back().start_of_line = false;
    call(Mode::main);
}

}  // namespace hjob::syntax::detail
