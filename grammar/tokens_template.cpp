// The token lexer inside string templates: quoted strings ("...") and heredoc bodies.
// Literal text is split exactly where hclsyntax splits it, including the quirks of its
// Ragel rules for a lone `$` or `%` (see step_heredoc), because hclwrite's output and
// hjob's differential tests depend on the token boundaries.
#include "tokens_scanner.hpp"

namespace hjob::syntax::detail {

namespace {

bool is_go_space(std::string_view s, std::size_t p, std::size_t& len) {
    const auto c = static_cast<unsigned char>(s[p]);
    len = 1;
    if (c == ' ' || (c >= '\t' && c <= '\r')) return true;
    const std::size_t n = utf8_length(s, p);
    if (n < 2) return false;
    len = n;
    const char32_t u = utf8_decode(s, p, n);
    return u == 0x85 || u == 0xA0 || u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 ||
           u == 0x2029 || u == 0x202F || u == 0x205F || u == 0x3000;
}

// Go's bytes.TrimSpace, which hclsyntax uses to recognise a heredoc's closing marker.
std::string_view trim_space(std::string_view s) {
    std::size_t len = 0;
    while (!s.empty() && is_go_space(s, 0, len)) s.remove_prefix(len);
    while (!s.empty()) {
        std::size_t start = s.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        if (!is_go_space(s, start, len) || start + len != s.size()) break;
        s.remove_suffix(len);
    }
    return s;
}

}  // namespace

// "$${" and "%%{" (with an optional '~') are literal text; returns their end, or 0.
std::size_t Scanner::escaped_sequence_end() const {
    const char c = s_[p_];
    if (at(p_ + 1) != c || at(p_ + 2) != '{') return 0;
    return at(p_ + 3) == '~' ? p_ + 4 : p_ + 3;
}

// Run of literal characters: valid UTF-8, no newline, none of the stop characters.
std::size_t Scanner::literal_run_end(std::size_t q, bool quoted) const {
    while (q < s_.size()) {
        const char c = s_[q];
        if (c == '$' || c == '%' || c == '\r' || c == '\n') break;
        if (quoted && c == '"') break;
        if (quoted && c == '\\') {
            // an escape takes any character but a newline, so "\$" never starts a sequence
            if (!has(q + 1) || at(q + 1) == '\r' || at(q + 1) == '\n') break;
            const std::size_t n = utf8_length(s_, q + 1);
            if (n == 0) break;
            q += 1 + n;
            continue;
        }
        const std::size_t n = utf8_length(s_, q);
        if (n == 0) break;
        q += n;
    }
    return q;
}

bool Scanner::step_quoted() {
    const char c = s_[p_];
    if ((c == '$' || c == '%') && at(p_ + 1) == '{') {
        begin_sequence(c == '$' ? TokenType::TemplateInterp : TokenType::TemplateControl);
    } else if (c == '$' || c == '%') {
        // A lone '$' or '%' needs one byte of lookahead; at the very end it is invalid.
        if (const std::size_t end = escaped_sequence_end()) emit(TokenType::QuotedLit, p_, end);
        else emit(has(p_ + 1) ? TokenType::QuotedLit : TokenType::Invalid, p_, p_ + 1);
    } else if (c == '"') {
        emit(TokenType::CQuote, p_, p_ + 1);
        ret();
    } else if (c == '\r' || c == '\n') {
        std::size_t q = p_ + 1;
        while (at(q) == '\r' || at(q) == '\n') ++q;
        emit(TokenType::QuotedNewline, p_, q);
    } else if (const std::size_t end = literal_run_end(p_, true); end > p_) {
        emit(TokenType::QuotedLit, p_, end);
    } else {
        emit(utf8_length(s_, p_) == 0 ? TokenType::BadUTF8 : TokenType::Invalid, p_, p_ + 1);
    }
    return true;
}

// Heredoc literals end at a newline (the newline included), before `${`/`%{`, or before a
// lone `$`/`%`. hclsyntax's rule for a lone `$X` (X not '{') holds X back with an fhold in
// the middle of a longest-match scan, which gives: "$" alone, except that "$X" is kept
// whole when a newline ("\n", or the "\r" of "\r\n") follows X. At end of input a lone `$`
// matches no rule, and neither does a "\r" without "\n": Ragel stops there.
bool Scanner::step_heredoc() {
    const char c = s_[p_];
    if ((c == '$' || c == '%') && at(p_ + 1) == '{') {
        begin_sequence(c == '$' ? TokenType::TemplateInterp : TokenType::TemplateControl);
        return true;
    }
    std::size_t end = p_;
    if (c == '$' || c == '%') {
        end = escaped_sequence_end();
        if (end == 0) {
            if (!has(p_ + 1)) return false;
            const char after = at(p_ + 2);
            if (after == '\n') return heredoc_line_end(p_, p_ + 2), true;
            return heredoc_midline(after == '\r' ? p_ + 2 : p_ + 1), true;
        }
    } else {
        end = literal_run_end(p_, false);
    }
    if (at(end) == '\n') return heredoc_line_end(p_, end + 1), true;
    if (at(end) == '\r' && at(end + 1) == '\n') return heredoc_line_end(p_, end + 2), true;
    if (end > p_) return heredoc_midline(end), true;
    if (utf8_length(s_, p_) == 0) return emit(TokenType::BadUTF8, p_, p_ + 1), true;
    return false;
}

void Scanner::heredoc_midline(std::size_t end) {
    if (!heredocs_.empty()) heredocs_.back().start_of_line = false;
    emit(TokenType::StringLit, p_, end);
}

// A heredoc line that ends in a newline is the closing marker when it started a line and
// is the marker once trimmed; the marker and its newline are then two tokens, so that the
// newline still ends the attribute.
void Scanner::heredoc_line_end(std::size_t begin, std::size_t end) {
    if (heredocs_.empty()) return emit(TokenType::StringLit, begin, end);
    Heredoc& top = heredocs_.back();
    if (top.start_of_line && trim_space(s_.substr(begin, end - begin)) == top.marker) {
        std::size_t marker_end = end - 1;
        if (marker_end > begin && s_[marker_end - 1] == '\r') --marker_end;
        emit(TokenType::CHeredoc, begin, marker_end);
        emit(TokenType::Newline, marker_end, end);
        heredocs_.pop_back();
        ret();
        return;
    }
    top.start_of_line = true;
    emit(TokenType::StringLit, begin, end);
}

}  // namespace hjob::syntax::detail
