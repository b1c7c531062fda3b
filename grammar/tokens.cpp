// The token lexer's entry point and its main mode: what hclsyntax's scanner does outside
// string templates (identifiers, numbers, operators, comments, newlines, braces).
// Rules are tried as Ragel's longest-match scanner would pick them.
#include "tokens.hpp"

#include "tokens_scanner.hpp"

namespace hjob::syntax {

namespace detail {

std::size_t utf8_length(std::string_view s, std::size_t p) {
    const auto b = static_cast<unsigned char>(s[p]);
    std::size_t n = b < 0x80 ? 1 : b < 0xC0 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 0;
    if (n == 0 || p + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[p + k]);
        if (c < 0x80 || c > 0xBF) return 0;
    }
    return n;
}

char32_t utf8_decode(std::string_view s, std::size_t p, std::size_t length) {
    const auto b = static_cast<unsigned char>(s[p]);
    if (length == 1) return b;
    char32_t c = b & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(s[p + k]) & 0x3F);
    // Overlong forms, surrogates and values past U+10FFFF pass AnyUTF8 but are no letters.
    const bool valid = (length == 2 && c >= 0x80) || (length == 3 && c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) ||
                       (length == 4 && c >= 0x10000 && c <= 0x10FFFF);
    return valid ? c : 0xFFFD;
}

std::vector<Token> Scanner::run() {
    out_.reserve(s_.size() / 4 + 16);
    while (p_ < s_.size()) {
        const bool matched = mode_ == Mode::main ? step_main() : mode_ == Mode::quoted ? step_quoted() : step_heredoc();
        if (!matched) {
            emit(TokenType::Invalid, p_, s_.size());
            p_ = s_.size();
        }
    }
    emit(TokenType::Eof, s_.size(), s_.size());
    return std::move(out_);
}

void Scanner::emit(TokenType type, std::size_t begin, std::size_t end) {
    out_.push_back(Token{type, Range{static_cast<std::uint32_t>(base_ + begin), static_cast<std::uint32_t>(base_ + end)}});
    p_ = end;
}

void Scanner::call(Mode next) {
    stack_.push_back(mode_);
    mode_ = next;
}

void Scanner::ret() {
    // Every return pairs with an earlier call by construction; the guard only keeps a
    // broken invariant from reading past the stack.
    if (stack_.empty()) return;
    mode_ = stack_.back();
    stack_.pop_back();
}

std::size_t Scanner::ident_end(std::size_t q) const {
    while (q < s_.size()) {
        const auto c = static_cast<unsigned char>(s_[q]);
        if (c < 0x80) {
            if (!(is_id_continue(c) || c == '-')) break;
            ++q;
            continue;
        }
        const std::size_t n = utf8_length(s_, q);
        if (n == 0 || !is_id_continue(utf8_decode(s_, q, n))) break;
        q += n;
    }
    return q;
}

bool Scanner::step_main() {
    const char c = s_[p_];
    if (c == ' ' || c == '\t') {
        std::size_t q = p_ + 1;
        while (q < s_.size() && (s_[q] == ' ' || s_[q] == '\t')) ++q;
        p_ = q;  // spaces are not tokens; hclwrite recovers them from the byte gaps
        return true;
    }
    if (c >= '0' && c <= '9') return scan_number(), true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return scan_ident(), true;
    if (static_cast<unsigned char>(c) >= 0x80) return scan_non_ascii(), true;
    return scan_operator(c);
}

// NumberLit = digit (NumberLitContinue* ending in anything but '.'), where a continuation is
// a digit, '.', or an exponent [eE][+-]?digit. So "1..2" is one literal and "1." is two tokens.
void Scanner::scan_number() {
    std::size_t q = p_ + 1, end = q;
    while (q < s_.size()) {
        const char c = s_[q];
        if (c >= '0' && c <= '9') {
            end = ++q;
        } else if (c == '.') {
            ++q;
        } else if (c == 'e' || c == 'E') {
            std::size_t r = q + 1;
            if (at(r) == '+' || at(r) == '-') ++r;
            if (!(at(r) >= '0' && at(r) <= '9')) break;
            end = q = r + 1;
        } else {
            break;
        }
    }
    emit(TokenType::NumberLit, p_, end);
}

void Scanner::scan_ident() { emit(TokenType::Ident, p_, ident_end(p_ + 1)); }

void Scanner::scan_non_ascii() {
    const std::size_t n = utf8_length(s_, p_);
    if (n == 0) return emit(TokenType::BadUTF8, p_, p_ + 1);
    if (is_id_start(utf8_decode(s_, p_, n))) return emit(TokenType::Ident, p_, ident_end(p_ + n));
    emit(TokenType::Invalid, p_, p_ + n);
}

// `#` and `//` run to the first "\n" and include it; `/*` runs to the first "*/". An
// unterminated `/*` is no comment at all: it lexes as Slash, Star, ...
void Scanner::scan_comment() {
    if (s_[p_] == '/' && at(p_ + 1) == '*') {
        const auto close = s_.find("*/", p_ + 2);
        if (close == std::string_view::npos) return emit(TokenType::Slash, p_, p_ + 1);
        return emit(TokenType::Comment, p_, close + 2);
    }
    const auto nl = s_.find('\n', p_);
    emit(TokenType::Comment, p_, nl == std::string_view::npos ? s_.size() : nl + 1);
}

// BeginHeredocTmpl = '<<' '-'? Ident Newline. The marker is the identifier alone.
bool Scanner::scan_heredoc_opener() {
    std::size_t q = p_ + 2;
    if (at(q) == '-') ++q;
    if (!has(q)) return false;
    const std::size_t n = utf8_length(s_, q);
    if (n == 0 || !(s_[q] == '_' || is_id_start(utf8_decode(s_, q, n)))) return false;
    const std::size_t id_end = ident_end(q + n);
    std::size_t end = id_end;
    if (at(end) == '\r') ++end;
    if (at(end) != '\n') return false;
    emit(TokenType::OHeredoc, p_, end + 1);
    heredocs_.push_back(Heredoc{s_.substr(q, id_end - q), true});
    call(Mode::heredoc);
    return true;
}

}  // namespace detail

std::vector<Token> lex_tokens(const SourceFile& file) {
    std::string_view text = file.text();
    std::size_t bom = 0;
    if (text.starts_with("\xEF\xBB\xBF")) bom = 3;  // hclsyntax strips a UTF-8 BOM first
    return detail::Scanner(text.substr(bom), bom).run();
}

}  // namespace hjob::syntax
