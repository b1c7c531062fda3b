// Internal to the token lexer: the scanner state machine shared by tokens.cpp (the main
// mode) and tokens_template.cpp (quoted strings and heredocs). It mirrors hclsyntax's
// Ragel scanner (scan_tokens.rl): three modes, a call stack of modes instead of Ragel's
// fcall/fret, a brace counter deciding when `}` ends an interpolation, and a heredoc stack.
// Everything is iterative, so hostile nesting costs memory, never stack depth.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "tokens.hpp"

namespace hjob::syntax::detail {

/// Length of the UTF-8 sequence at `s[p]` as hclsyntax's AnyUTF8 accepts it (lead byte
/// C0-F7 and continuation bytes, no check for overlongs or surrogates); 0 when broken.
std::size_t utf8_length(std::string_view s, std::size_t p);

/// The code point of a sequence utf8_length() accepted; U+FFFD when it is not a valid
/// encoding (overlong, surrogate, past U+10FFFF).
char32_t utf8_decode(std::string_view s, std::size_t p, std::size_t length);

/// Unicode 9.0 ID_Start / ID_Continue as hclsyntax 2.14 has them (tokens_unicode.cpp).
bool is_id_start(char32_t code_point);
bool is_id_continue(char32_t code_point);

enum class Mode : unsigned char { main, quoted, heredoc };

class Scanner {
public:
    /// `text` is the file without its BOM; `base` the BOM's length, added to every offset.
    Scanner(std::string_view text, std::size_t base) : s_(text), base_(base) {}

    std::vector<Token> run();

private:
    struct Heredoc {
        std::string_view marker;
        bool start_of_line;
    };

    // One token (or skipped run of spaces) from p_; false when no rule matches, which
    // Ragel treats as the end of scanning: the rest of the input is one Invalid token.
    bool step_main();
    bool step_quoted();
    bool step_heredoc();

    void scan_number();
    void scan_ident();
    bool scan_heredoc_opener();
    void scan_comment();
    void scan_non_ascii();
    bool scan_operator(char c);
    void close_brace(std::size_t length, bool tilde);
    void begin_sequence(TokenType type);
    std::size_t escaped_sequence_end() const;
    std::size_t literal_run_end(std::size_t from, bool quoted) const;
    void heredoc_midline(std::size_t end);
    void heredoc_line_end(std::size_t begin, std::size_t end);

    char at(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
    bool has(std::size_t i) const { return i < s_.size(); }
    std::size_t ident_end(std::size_t from) const;
    void emit(TokenType type, std::size_t begin, std::size_t end);
    void call(Mode next);
    void ret();

    std::string_view s_;
    std::size_t base_;
    std::size_t p_ = 0;
    Mode mode_ = Mode::main;
    std::vector<Mode> stack_;
    long braces_ = 0;
    std::vector<long> ret_braces_;
    std::vector<Heredoc> heredocs_;
    std::vector<Token> out_;
};

}  // namespace hjob::syntax::detail
