// A token scanner that mirrors hclsyntax's (Ragel) scanner, used only off the fast path:
// to report invalid tokens the way HCL's lexer does (before any parse error), and to skip
// the rest of a broken body item during recovery. Iterative, so nesting cannot overflow.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "errors.hpp"

namespace hjob::syntax::rescan {

enum class Tok : std::uint8_t {
    eof, newline, open_brace, close_brace, open_brack, close_brack, open_paren, close_paren,
    open_quote, close_quote, open_heredoc, close_heredoc, interp, control, seq_end, literal, other,
    // tokens HCL's lexer reports as errors
    bitwise_and, bitwise_or, bitwise_xor, bitwise_not, backtick, apostrophe, semicolon,
    invalid, bad_utf8, quoted_newline,
};

struct Token {
    Tok kind;
    std::uint32_t begin, end;
};

/// Produces hclsyntax's token stream (comments dropped; a line comment that ends with a
/// newline is reported as a newline, as the parser's peeker sees it) from a position in
/// the normal (non-template) mode.
class Scanner {
public:
    Scanner(std::string_view text, std::uint32_t start);
    Token next();

private:
    enum class Mode : std::uint8_t { main, string, heredoc };
    struct Heredoc {
        std::string_view marker;
        bool start_of_line;
    };

    Token scan_main();
    Token scan_string();
    Token scan_heredoc();
    Token scan_heredoc_literal(std::uint32_t p);
    Token close_brace(std::uint32_t len);
    Token open_template(Tok kind, std::uint32_t len);
    Token fail();
    Token make(Tok kind, std::uint32_t len);
    bool block_comment_end(std::uint32_t from, std::uint32_t& end);
    std::uint32_t eol_length(std::uint32_t at) const;

    std::string_view text_;
    std::uint32_t pos_;
    Mode mode_ = Mode::main;
    std::vector<Mode> callers_;
    std::vector<Heredoc> heredocs_;
    int braces_ = 0;
    std::vector<int> ret_braces_;
    bool pending_newline_ = false;
    std::uint32_t no_comment_end_from_ = UINT32_MAX;  // no "*/" at or after this offset
};

/// HCL's lexical diagnostics for `file` (checkInvalidTokens), in source order, at most `limit`.
Diagnostics lexical_diagnostics(const SourceFile& file, std::size_t limit);

/// Where parsing resumes after a broken body item that starts at `item`: just after the
/// first newline outside any bracket, string or heredoc (hclsyntax's recoverAfterBodyItem),
/// or the end of the text. Newlines before `not_before` do not count.
std::uint32_t skip_body_item(std::string_view text, std::uint32_t item, std::uint32_t not_before = 0);
/// The same, after reading and discarding the token at `at` (hclsyntax read it before it recovered).
std::uint32_t skip_after_token(std::string_view text, std::uint32_t at);

/// Where hclsyntax stops after an error inside an expression: scanning from `start` (a
/// point in the normal mode before the error), it skips to the bad token at `at` (past it
/// when `consumed`), then to each of `closers` in turn (recover(end): the first unmatched
/// closer of that kind), then to the end of the body item.
std::uint32_t recover_chain(std::string_view text, std::uint32_t start, std::uint32_t at, bool consumed,
                            const std::vector<Tok>& closers);

/// Where hclsyntax's recover(TokenCBrack) stops when it starts after the token at `at`:
/// the first unmatched `]`, or the end of the text. Scanning starts at `start`, a point in
/// the normal mode before `at`, so that strings and heredocs are seen as such.
std::uint32_t matching_bracket(std::string_view text, std::uint32_t start, std::uint32_t at);

/// The end of the token starting at `at` (for a diagnostic's subject range).
std::uint32_t token_end(std::string_view text, std::uint32_t at);

}  // namespace hjob::syntax::rescan
