// Recovery with the rescanner: where hclsyntax's parser ends up after a syntax error
// (recoverAfterBodyItem, recover(end)), so that hjob resumes and reports as it does.
#include "rescan.hpp"

namespace hjob::syntax::rescan {

namespace {

std::uint32_t skip_item(Scanner& scanner, std::uint32_t not_before) {
    std::vector<Tok> open;
    auto closes = [&](Tok opener) {
        while (!open.empty() && open.back() != opener) open.pop_back();
        if (!open.empty()) open.pop_back();
    };
    for (;;) {
        const Token t = scanner.next();
        switch (t.kind) {
            case Tok::eof: return t.end;
            case Tok::newline: if (open.empty() && t.begin >= not_before) return t.end; break;
            case Tok::open_brace: case Tok::open_brack: case Tok::open_paren: case Tok::open_quote:
            case Tok::open_heredoc: case Tok::interp: case Tok::control:
                open.push_back(t.kind);
                break;
            case Tok::close_brace: closes(Tok::open_brace); break;
            case Tok::close_brack: closes(Tok::open_brack); break;
            case Tok::close_paren: closes(Tok::open_paren); break;
            case Tok::close_quote: closes(Tok::open_quote); break;
            case Tok::close_heredoc: closes(Tok::open_heredoc); break;
            case Tok::seq_end:
                while (!open.empty() && open.back() != Tok::interp && open.back() != Tok::control) open.pop_back();
                if (!open.empty()) open.pop_back();
                break;
            default: break;
        }
    }
}

}  // namespace

std::uint32_t skip_body_item(std::string_view text, std::uint32_t item, std::uint32_t not_before) {
    Scanner scanner(text, item);
    return skip_item(scanner, not_before);
}

std::uint32_t skip_after_token(std::string_view text, std::uint32_t at) {
    Scanner scanner(text, at);
    if (scanner.next().kind == Tok::eof) return at;
    return skip_item(scanner, 0);
}

namespace {

Tok opener_of(Tok closer) {
    switch (closer) {
        case Tok::close_paren: return Tok::open_paren;
        case Tok::close_brack: return Tok::open_brack;
        case Tok::close_brace: return Tok::open_brace;
        case Tok::close_quote: return Tok::open_quote;
        case Tok::close_heredoc: return Tok::open_heredoc;
        default: return Tok::interp;  // seq_end closes interpolations and directives
    }
}

}  // namespace

std::uint32_t recover_chain(std::string_view text, std::uint32_t start, std::uint32_t at, bool consumed,
                            const std::vector<Tok>& closers) {
    Scanner scanner(text, start);
    Token t = scanner.next();
    while (t.kind != Tok::eof && t.begin < at) t = scanner.next();
    if (consumed && t.kind != Tok::eof) t = scanner.next();
    for (const Tok closer : closers) {
        const Tok opener = opener_of(closer);
        int nest = 0;
        for (;; t = scanner.next()) {
            if (t.kind == Tok::eof) return t.begin;
            const Tok k = t.kind == Tok::control ? Tok::interp : t.kind;
            if (k == opener) ++nest;
            if (k == closer && nest-- == 0) break;
        }
        t = scanner.next();
    }
    // recoverAfterBodyItem, from the token after the last closer
    std::vector<Tok> open;
    for (;; t = scanner.next()) {
        switch (t.kind) {
            case Tok::eof: return t.begin;
            case Tok::newline: if (open.empty()) return t.end; break;
            case Tok::open_brace: case Tok::open_brack: case Tok::open_paren: case Tok::open_quote:
            case Tok::open_heredoc: case Tok::interp: case Tok::control:
                open.push_back(t.kind);
                break;
            case Tok::close_brace: case Tok::close_brack: case Tok::close_paren: case Tok::close_quote:
            case Tok::close_heredoc: case Tok::seq_end: {
                const Tok o = opener_of(t.kind);
                auto matches = [&](Tok x) { return x == o || (o == Tok::interp && x == Tok::control); };
                while (!open.empty() && !matches(open.back())) open.pop_back();
                if (!open.empty()) open.pop_back();
                break;
            }
            default: break;
        }
    }
}

std::uint32_t matching_bracket(std::string_view text, std::uint32_t start, std::uint32_t at) {
    Scanner scanner(text, start);
    Token t = scanner.next();
    while (t.kind != Tok::eof && t.begin < at) t = scanner.next();  // up to the token read instead of "]"
    int nest = 0;
    for (;;) {
        const Token t = scanner.next();
        if (t.kind == Tok::eof) return t.begin;
        if (t.kind == Tok::open_brack) ++nest;
        if (t.kind == Tok::close_brack && nest-- == 0) return t.begin;
    }
}

std::uint32_t token_end(std::string_view text, std::uint32_t at) {
    Scanner scanner(text, at);
    const Token t = scanner.next();
    return t.begin == at ? t.end : at;
}

}  // namespace hjob::syntax::rescan
