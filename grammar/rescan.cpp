// hclsyntax's scanner (scan_tokens.rl) re-expressed as a loop with an explicit mode stack.
#include "rescan.hpp"

#include "lex.hpp"
#include "unicode.hpp"

namespace hjob::syntax::rescan {

Scanner::Scanner(std::string_view text, std::uint32_t start) : text_(text), pos_(start) {}

Token Scanner::make(Tok kind, std::uint32_t len) {
    Token t{kind, pos_, pos_ + len};
    pos_ += len;
    return t;
}

// Ragel stops when no pattern matches: the rest of the input becomes one invalid token.
Token Scanner::fail() {
    const auto size = static_cast<std::uint32_t>(text_.size());
    Token t{Tok::invalid, pos_, size};
    pos_ = size;
    mode_ = Mode::main;
    callers_.clear();
    return t;
}

std::uint32_t Scanner::eol_length(std::uint32_t at) const {
    if (at < text_.size() && text_[at] == '\n') return 1;
    if (at + 1 < text_.size() && text_[at] == '\r' && text_[at + 1] == '\n') return 2;
    return 0;
}

Token Scanner::next() {
    if (pending_newline_) {
        pending_newline_ = false;
        return make(Tok::newline, eol_length(pos_));
    }
    switch (mode_) {
        case Mode::string: return scan_string();
        case Mode::heredoc: return scan_heredoc();
        default: return scan_main();
    }
}

Token Scanner::open_template(Tok kind, std::uint32_t len) {
    if (pos_ + len < text_.size() && text_[pos_ + len] == '~') ++len;
    ++braces_;
    ret_braces_.push_back(braces_);
    if (mode_ == Mode::heredoc) heredocs_.back().start_of_line = false;
    callers_.push_back(mode_);
    mode_ = Mode::main;
    return make(kind, len);
}

Token Scanner::close_brace(std::uint32_t len) {
    const bool returns = !ret_braces_.empty() && ret_braces_.back() == braces_;
    --braces_;
    if (returns) {
        ret_braces_.pop_back();
        mode_ = callers_.empty() ? Mode::main : callers_.back();
        if (!callers_.empty()) callers_.pop_back();
        return make(Tok::seq_end, len);
    }
    return make(len == 2 ? Tok::seq_end : Tok::close_brace, len);  // "~}" is always a sequence end
}

bool Scanner::block_comment_end(std::uint32_t from, std::uint32_t& end) {
    if (from >= no_comment_end_from_) return false;
    const auto at = text_.find("*/", from);
    if (at == std::string_view::npos) {
        no_comment_end_from_ = from;  // later "/*" cannot be closed either: stays linear
        return false;
    }
    end = static_cast<std::uint32_t>(at + 2);
    return true;
}

Token Scanner::scan_main() {
    const auto size = static_cast<std::uint32_t>(text_.size());
    for (;;) {
        while (pos_ < size && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
        if (pos_ >= size) return Token{Tok::eof, size, size};
        const char c = text_[pos_];
        const char d = pos_ + 1 < size ? text_[pos_ + 1] : '\0';
        if (c == '#' || (c == '/' && d == '/')) {
            const auto nl = text_.find('\n', pos_);
            if (nl == std::string_view::npos) {
                pos_ = size;
                continue;
            }
            return make(Tok::newline, static_cast<std::uint32_t>(nl + 1) - pos_);
        }
        std::uint32_t end = 0;
        if (c == '/' && d == '*' && block_comment_end(pos_ + 2, end)) {
            pos_ = end;
            continue;
        }
        break;
    }
    const char* p = text_.data() + pos_;
    const char* e = text_.data() + size;
    const char c = *p;
    const char d = p + 1 < e ? p[1] : '\0';
    if (lex::is_digit(c)) return make(Tok::other, static_cast<std::uint32_t>(lex::number_end(p, e) - p));
    if (const char* q = unicode::ident_end(p, e); q != p) return make(Tok::other, static_cast<std::uint32_t>(q - p));
    if (const auto n = eol_length(pos_)) return make(Tok::newline, n);
    const std::string_view rest(p, static_cast<std::size_t>(e - p));
    for (const char* op : {"==", "!=", ">=", "<=", "&&", "||", "=>"})
        if (rest.starts_with(op)) return make(Tok::other, 2);
    if (rest.starts_with("...")) return make(Tok::other, 3);
    if (c == '~' && d == '}') return close_brace(2);
    if (std::string_view marker; c == '<' && lex::heredoc_open_end(p, e, marker) != p) {
        const auto len = static_cast<std::uint32_t>(lex::heredoc_open_end(p, e, marker) - p);
        heredocs_.push_back({marker, true});
        callers_.push_back(Mode::main);
        mode_ = Mode::heredoc;
        return make(Tok::open_heredoc, len);
    }
    switch (c) {
        case '{': ++braces_; return make(Tok::open_brace, 1);
        case '}': return close_brace(1);
        case '"': callers_.push_back(Mode::main); mode_ = Mode::string; return make(Tok::open_quote, 1);
        case '[': return make(Tok::open_brack, 1);
        case ']': return make(Tok::close_brack, 1);
        case '(': return make(Tok::open_paren, 1);
        case ')': return make(Tok::close_paren, 1);
        case '.': case ',': case '*': case '/': case '%': case '+': case '-': case '=': case '<': case '>':
        case '!': case '?': case ':':
            return make(Tok::other, 1);
        case '&': return make(Tok::bitwise_and, 1);
        case '|': return make(Tok::bitwise_or, 1);
        case '^': return make(Tok::bitwise_xor, 1);
        case '~': return make(Tok::bitwise_not, 1);
        case ';': return make(Tok::semicolon, 1);
        case '`': return make(Tok::backtick, 1);
        case '\'': return make(Tok::apostrophe, 1);
        default: break;
    }
    const auto n = static_cast<std::uint32_t>(unicode::sequence_length(p, e));
    return n == 0 ? make(Tok::bad_utf8, 1) : make(Tok::invalid, n);
}

Token Scanner::scan_string() {
    const auto size = static_cast<std::uint32_t>(text_.size());
    if (pos_ >= size) return Token{Tok::eof, size, size};
    const char* p = text_.data() + pos_;
    const char* e = text_.data() + size;
    const char c = *p;
    const char d = p + 1 < e ? p[1] : '\0';
    if (c == '"') {
        mode_ = callers_.back();
        callers_.pop_back();
        return make(Tok::close_quote, 1);
    }
    if ((c == '$' || c == '%') && d == '{') return open_template(c == '$' ? Tok::interp : Tok::control, 2);
    if (c == '\r' || c == '\n') {
        const char* q = p;
        while (q < e && (*q == '\r' || *q == '\n')) ++q;
        return make(Tok::quoted_newline, static_cast<std::uint32_t>(q - p));
    }
    if (const char* q = lex::quoted_literal_end(p, e); q != p) return make(Tok::literal, static_cast<std::uint32_t>(q - p));
    if (c == '$' || c == '%') return fail();
    if (c == '\\') return make(Tok::invalid, 1);
    return make(Tok::bad_utf8, 1);
}

Token Scanner::scan_heredoc() {
    const auto size = static_cast<std::uint32_t>(text_.size());
    if (pos_ >= size) return Token{Tok::eof, size, size};
    const char c = text_[pos_];
    const char d = pos_ + 1 < size ? text_[pos_ + 1] : '\0';
    if ((c == '$' || c == '%') && d == '{') return open_template(c == '$' ? Tok::interp : Tok::control, 2);
    return scan_heredoc_literal(pos_);
}

// A heredoc literal token; a line-ending one may be the closing marker.
Token Scanner::scan_heredoc_literal(std::uint32_t p) {
    const char* b = text_.data() + p;
    const char* e = text_.data() + text_.size();
    const lex::HeredocToken t = lex::heredoc_token(b, e);
    if (t.end == b) return *b == '$' || *b == '%' || *b == '\r' ? fail() : make(Tok::bad_utf8, 1);
    const auto len = static_cast<std::uint32_t>(t.end - b);
    auto& doc = heredocs_.back();
    if (!t.line_end) {
        doc.start_of_line = false;
        return make(Tok::literal, len);
    }
    if (doc.start_of_line && lex::closes_heredoc(b, t, doc.marker)) {
        heredocs_.pop_back();
        mode_ = callers_.back();
        callers_.pop_back();
        pending_newline_ = true;
        return make(Tok::close_heredoc, len - static_cast<std::uint32_t>(t.eol));
    }
    doc.start_of_line = true;
    return make(Tok::literal, len);
}

}  // namespace hjob::syntax::rescan
