// render(): lex, parse, execute, and errors as "line:col: message" (template.hpp).
#include "exec.hpp"
#include "lex.hpp"
#include "parse.hpp"
#include "template.hpp"

namespace hjob::runtime::tmpl {

std::string position(std::string_view text, std::size_t offset) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;  // count characters, not UTF-8 continuation bytes
        }
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

Rendered render(std::string_view text, const Sources& sources, const Options& options) {
    Rendered r;
    if (options.left.empty() || options.right.empty()) {
        r.error = "1:1: the delimiters must not be empty";
        return r;
    }
    Lexed lexed = lex(text, options.left, options.right);
    if (!lexed.error.empty()) {
        r.error = position(text, lexed.error_offset) + ": " + lexed.error;
        return r;
    }
    Parsed parsed = parse(lexed.tokens, func_problem);
    if (!parsed.error.empty()) {
        r.error = position(text, parsed.error_offset) + ": " + parsed.error;
        return r;
    }
    try {
        Exec(sources, options, r).run(parsed.nodes);
        r.ok = true;
    } catch (const ExecError& e) {
        r.error = position(text, e.offset) + ": " + e.msg;
        r.text.clear();
    } catch (const std::exception& e) {
        r.error = "1:1: " + std::string(e.what());
        r.text.clear();
    }
    return r;
}

}  // namespace hjob::runtime::tmpl
