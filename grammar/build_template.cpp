// Tree building for templates: literal parts (decoded, stripped by `~`, and trimmed by the
// flush-heredoc rule) and interpolations, collected flat as hclsyntax's parseTemplateParts
// does; build_directives.cpp then nests if/for directives.
#include <string>

#include "build.hpp"
#include "lex.hpp"
#include "unicode.hpp"

namespace hjob::syntax::detail {

LiteralValueExpr* ParseState::string_literal(std::string_view text, Range r) {
    auto* lit = make<LiteralValueExpr>(ExprKind::LiteralValue, r);
    lit->type = LiteralType::string;
    lit->text = text;
    return lit;
}

void ParseState::template_open(std::uint32_t begin, std::uint32_t content, bool quoted, bool flush) {
    templates_.push_back({static_cast<std::uint32_t>(parts_.size()), begin, content, quoted, flush});
}

void ParseState::template_literal(Range token, bool line_end) {
    TemplateFrame& t = templates_.back();
    std::string_view value = view(token);
    if (t.quoted) {
        value = decode_quoted(token);
    } else if (value.starts_with("$${") || value.starts_with("%%{")) {
        value.remove_prefix(1);
    }
    if (t.ltrim_next) value = unicode::trim_left_space(value);
    t.ltrim_next = false;
    TemplatePart part;
    part.kind = TemplatePart::Kind::literal;
    part.line_end = line_end;
    part.range = token;
    part.expr = string_literal(value, token);
    parts_.push_back(part);
}

void ParseState::heredoc_open(Range r) {
    std::string_view marker;
    lex::heredoc_open_end(base + r.begin, end, marker);
    heredocs.push_back({marker, true});
    template_open(r.begin, r.end, false, base[r.begin + 2] == '-');
}

void ParseState::heredoc_literal(Range token) {
    template_literal(token, literal_line_end);
    heredocs.back().start_of_line = literal_line_end;
}

void ParseState::heredoc_close(Range r) {
    heredocs.pop_back();
    template_close(r.begin, r.end);
}

// `${~` and `%{~` strip the whitespace that ends the literal just before them.
void ParseState::sequence_open(std::uint32_t begin, bool strip) {
    TemplateFrame& t = templates_.back();
    if (strip && parts_.size() > t.parts_mark && parts_.back().kind == TemplatePart::Kind::literal) {
        auto* lit = static_cast<LiteralValueExpr*>(parts_.back().expr);
        lit->text = unicode::trim_right_space(lit->text);
    }
    t.ltrim_next = false;
    if (!t.quoted) heredocs.back().start_of_line = false;
    opens_.push_back({begin, 0, t.quoted ? OpenKind::quoted_sequence : OpenKind::heredoc_sequence});
}

void ParseState::interpolation_close(std::uint32_t close_end, bool strip) {
    TemplatePart part;
    part.kind = TemplatePart::Kind::interp;
    part.range = {opens_.back().begin, close_end};
    part.expr = pop();
    opens_.pop_back();
    parts_.push_back(part);
    templates_.back().ltrim_next = strip;
}

void ParseState::template_close(std::uint32_t close_begin, std::uint32_t close_end) {
    const TemplateFrame t = templates_.back();
    templates_.pop_back();
    const Range all{t.begin, close_end};
    if (t.flush) flush_heredoc(t.parts_mark);
    Expr* result = finish_parts(t, t.parts_mark, all, {close_begin, close_end});
    parts_.resize(t.parts_mark);
    push(result);
}

}  // namespace hjob::syntax::detail
