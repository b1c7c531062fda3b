// The template lexer (lex.hpp).
#include "lex.hpp"

#include <cctype>

namespace hjob::runtime::tmpl {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool word(char c) { return std::isalnum((unsigned char)c) || c == '_'; }

class Lexer {
public:
    Lexer(std::string_view src, std::string_view left, std::string_view right) : s_(src), l_(left), r_(right) {}

    Lexed run() {
        std::size_t pos = 0;
        while (pos <= s_.size() && out_.error.empty()) {
            std::size_t open = s_.find(l_, pos);
            std::string_view text = s_.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos);
            if (open == std::string_view::npos) {
                add_text(text, pos);
                break;
            }
            std::size_t p = open + l_.size();
            bool trim_left = p + 1 < s_.size() && s_[p] == '-' && space(s_[p + 1]);
            if (trim_left) {
                while (!text.empty() && space(text.back())) text.remove_suffix(1);
                ++p;
            }
            add_text(text, pos);
            pos = action(open, p);
        }
        return std::move(out_);
    }

private:
    std::string_view s_, l_, r_;
    Lexed out_;

    void add_text(std::string_view text, std::size_t at) {
        if (!text.empty()) out_.tokens.push_back({Tok::text, std::string(text), at});
    }
    std::size_t fail(const std::string& msg, std::size_t at) {
        out_.error = msg;
        out_.error_offset = at;
        return s_.size() + 1;
    }
    bool at_right(std::size_t p) const { return s_.compare(p, r_.size(), r_) == 0; }
    // A right trim marker: white space, '-', the right delimiter.
    bool at_trim_right(std::size_t p) const {
        return p > 0 && space(s_[p - 1]) && p < s_.size() && s_[p] == '-' && at_right(p + 1);
    }
    // After a right delimiter at `p` (trimmed or not), the position where text resumes.
    std::size_t close(std::size_t p, bool trim) {
        p += r_.size();
        if (trim)
            while (p < s_.size() && space(s_[p])) ++p;
        return p;
    }

    // One action from its left delimiter at `open`; `p` is after the delimiter and trim marker.
    std::size_t action(std::size_t open, std::size_t p) {
        std::size_t q = p;
        while (q < s_.size() && space(s_[q])) ++q;
        if (s_.compare(q, 2, "/*") == 0) return comment(open, q);
        out_.tokens.push_back({Tok::left, "", open});
        while (true) {
            bool spaced = false;
            while (p < s_.size() && space(s_[p]) && !at_trim_right(p + 1)) {
                ++p;
                spaced = true;
            }
            if (p < s_.size() && space(s_[p]) && at_trim_right(p + 1)) {
                out_.tokens.push_back({Tok::right, "", p + 1});
                return close(p + 2, true);
            }
            if (p >= s_.size()) return fail("unclosed action: no " + std::string(r_) + " before the end", open);
            if (at_right(p)) {
                out_.tokens.push_back({Tok::right, "", p});
                return close(p, false);
            }
            std::size_t next = token(p, spaced);
            if (next > s_.size()) return next;
            p = next;
        }
    }

    std::size_t comment(std::size_t open, std::size_t q) {
        std::size_t end = s_.find("*/", q + 2);
        if (end == std::string_view::npos) return fail("unclosed comment", open);
        std::size_t p = end + 2;
        if (p + 1 < s_.size() && space(s_[p]) && at_trim_right(p + 1)) return close(p + 2, true);
        if (at_right(p)) return close(p, false);
        return fail("comment ends before the closing delimiter", end);
    }

    std::size_t push(Tok kind, std::string text, std::size_t at, bool spaced, std::size_t next) {
        out_.tokens.push_back({kind, std::move(text), at, spaced});
        return next;
    }

    std::size_t token(std::size_t p, bool spaced) {
        char c = s_[p];
        switch (c) {
        case '|': return push(Tok::pipe, "|", p, spaced, p + 1);
        case '(': return push(Tok::lparen, "(", p, spaced, p + 1);
        case ')': return push(Tok::rparen, ")", p, spaced, p + 1);
        case ',': return push(Tok::comma, ",", p, spaced, p + 1);
        case '=': return push(Tok::assign, "=", p, spaced, p + 1);
        case ':':
            if (p + 1 < s_.size() && s_[p + 1] == '=') return push(Tok::declare, ":=", p, spaced, p + 2);
            return fail("expected :=", p);
        case '"': return quoted(p, spaced);
        case '`': {
            std::size_t end = s_.find('`', p + 1);
            if (end == std::string_view::npos) return fail("unterminated raw string", p);
            return push(Tok::string, std::string(s_.substr(p + 1, end - p - 1)), p, spaced, end + 1);
        }
        case '\'': return character(p, spaced);
        case '$': {
            std::size_t e = p + 1;
            while (e < s_.size() && word(s_[e])) ++e;
            return push(Tok::variable, std::string(s_.substr(p, e - p)), p, spaced, e);
        }
        case '.':
            if (p + 1 < s_.size() && word(s_[p + 1]) && !std::isdigit((unsigned char)s_[p + 1])) {
                std::size_t e = p + 1;
                while (e < s_.size() && word(s_[e])) ++e;
                return push(Tok::field, std::string(s_.substr(p + 1, e - p - 1)), p, spaced, e);
            }
            if (p + 1 < s_.size() && std::isdigit((unsigned char)s_[p + 1])) return number(p, spaced);
            return push(Tok::dot, ".", p, spaced, p + 1);
        default: break;
        }
        if (std::isdigit((unsigned char)c) || ((c == '-' || c == '+') && p + 1 < s_.size() && std::isdigit((unsigned char)s_[p + 1])))
            return number(p, spaced);
        if (word(c)) {
            std::size_t e = p;
            while (e < s_.size() && word(s_[e])) ++e;
            std::string w(s_.substr(p, e - p));
            Tok kind = w == "true" || w == "false" ? Tok::boolean : w == "nil" ? Tok::nil : Tok::ident;
            return push(kind, w, p, spaced, e);
        }
        return fail(std::string("unexpected character '") + c + "' in action", p);
    }

    std::size_t number(std::size_t p, bool spaced) {
        std::size_t e = p + 1;
        while (e < s_.size() && (word(s_[e]) || s_[e] == '.' ||
                                 ((s_[e] == '+' || s_[e] == '-') && (s_[e - 1] == 'e' || s_[e - 1] == 'E'))))
            ++e;
        return push(Tok::number, std::string(s_.substr(p, e - p)), p, spaced, e);
    }

    std::size_t quoted(std::size_t p, bool spaced) {
        std::string v;
        std::size_t i = p + 1;
        for (; i < s_.size() && s_[i] != '"'; ++i) {
            if (s_[i] == '\n') break;
            if (s_[i] != '\\') {
                v += s_[i];
                continue;
            }
            if (++i >= s_.size()) break;
            switch (s_[i]) {
            case 'n': v += '\n'; break;
            case 't': v += '\t'; break;
            case 'r': v += '\r'; break;
            case '\\': v += '\\'; break;
            case '"': v += '"'; break;
            case '\'': v += '\''; break;
            case 'x':
                if (i + 2 < s_.size() && std::isxdigit((unsigned char)s_[i + 1]) && std::isxdigit((unsigned char)s_[i + 2])) {
                    v += char(std::stoi(std::string(s_.substr(i + 1, 2)), nullptr, 16));
                    i += 2;
                    break;
                }
                [[fallthrough]];
            default: return fail(std::string("unknown escape \\") + s_[i] + " in string", i - 1);
            }
        }
        if (i >= s_.size() || s_[i] != '"') return fail("unterminated string", p);
        return push(Tok::string, v, p, spaced, i + 1);
    }

    std::size_t character(std::size_t p, bool spaced) {
        if (p + 2 < s_.size() && s_[p + 1] != '\\' && s_[p + 2] == '\'')
            return push(Tok::number, std::to_string(int((unsigned char)s_[p + 1])), p, spaced, p + 3);
        return fail("unsupported character constant", p);
    }
};

}  // namespace

Lexed lex(std::string_view src, std::string_view left, std::string_view right) { return Lexer(src, left, right).run(); }

}  // namespace hjob::runtime::tmpl
