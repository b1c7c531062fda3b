// Template structure, after hclsyntax's templateParser: the flat parts of a template become
// a Template (or a TemplateWrap for a lone interpolation), with %{ if } as Conditional and
// %{ for } as TemplateJoin. Also the flush-heredoc indentation rule.
#include <climits>

#include "build.hpp"
#include "unicode.hpp"

namespace hjob::syntax::detail {

using Kind = TemplatePart::Kind;

void ParseState::directive(Kind kind) {
    TemplatePart part;
    part.kind = kind;
    if (kind == Kind::if_) part.expr = pop();
    if (kind == Kind::for_) {
        part.expr = pop();
        part.key_var = fors_.back().key_var;
        part.value_var = fors_.back().value_var;
        fors_.pop_back();
    }
    static constexpr std::string_view names[] = {"", "", "if", "else", "endif", "for", "endfor"};
    last_directive = names[static_cast<int>(kind)];
    pending_directive_ = part;
}

void ParseState::directive_close(std::uint32_t close_end, bool strip) {
    TemplatePart part = pending_directive_;
    part.range = {opens_.back().begin, close_end};
    opens_.pop_back();
    parts_.push_back(part);
    templates_.back().ltrim_next = strip;
}

Expr* ParseState::placeholder(Range r) {
    auto* lit = make<LiteralValueExpr>(ExprKind::LiteralValue, r);
    lit->type = LiteralType::null;
    return lit;
}

Expr* ParseState::finish_parts(const TemplateFrame& t, std::size_t from, Range all, Range closer) {
    if (parts_.size() == from) {
        // "" is a template of one empty string, placed just after the first token (the closer).
        TemplatePart empty;
        empty.expr = string_literal({}, {closer.end, closer.end});
        parts_.push_back(empty);
    }
    if (parts_.size() == from + 1 && parts_[from].kind == Kind::interp) {
        auto* wrap = make<TemplateWrapExpr>(ExprKind::TemplateWrap, all);
        wrap->wrapped = parts_[from].expr;
        return wrap;
    }
    auto* tmpl = make<TemplateExpr>(ExprKind::Template, all);
    tmpl->heredoc = !t.quoted;
    bool plain = true;
    for (std::size_t i = from; i < parts_.size() && plain; ++i)
        plain = parts_[i].kind == Kind::literal || parts_[i].kind == Kind::interp;
    if (plain) {
        const std::size_t n = parts_.size() - from;
        auto** items = static_cast<Expr**>(alloc(sizeof(Expr*) * n, alignof(Expr*)));
        for (std::size_t i = 0; i < n; ++i) items[i] = parts_[from + i].expr;
        tmpl->parts = {items, n};
        return tmpl;
    }
    std::vector<Expr*> root;
    std::size_t i = from;
    while (i < parts_.size()) root.push_back(structure_item(i, parts_.size(), closer, 0));
    tmpl->parts = copy(root.data(), root.size());
    return tmpl;
}

Expr* ParseState::structure_item(std::size_t& i, std::size_t end, Range closer, int depth) {
    const TemplatePart& p = parts_[i];
    switch (p.kind) {
        case Kind::literal:
        case Kind::interp: ++i; return p.expr;
        case Kind::if_: return structure_if(i, end, closer, depth + 1);
        case Kind::for_: return structure_for(i, end, closer, depth + 1);
        default: break;
    }
    ++i;
    static constexpr std::string_view names[] = {"", "", "", "else", "endif", "", "endfor"};
    message_arg[0] = std::string(names[static_cast<int>(p.kind)]);
    report(error_message<errors::template_unbalanced>, p.range);
    return placeholder(p.range);
}

// The parts up to the directive that ends a clause; `at_end` when the template ended first.
std::vector<Expr*> ParseState::structure_list(std::size_t& i, std::size_t end, Range closer, int depth, Kind& stop,
                                              Range& stop_range, bool& at_end) {
    if (depth > static_cast<int>(max_nesting_depth)) {
        message_arg[0] = std::to_string(max_nesting_depth);
        fail(error_message<errors::nesting_too_deep>, parts_[i - 1].range);
    }
    std::vector<Expr*> list;
    at_end = false;
    while (i < end) {
        const Kind k = parts_[i].kind;
        if (k == Kind::else_ || k == Kind::endif || k == Kind::endfor) {
            stop = k;
            stop_range = parts_[i++].range;
            return list;
        }
        list.push_back(structure_item(i, end, closer, depth));
    }
    at_end = true;
    stop_range = closer;
    return list;
}

namespace {

Range span_range(const std::vector<Expr*>& list) { return {list.front()->range.begin, list.back()->range.end}; }

}  // namespace

Expr* ParseState::structure_if(std::size_t& i, std::size_t end, Range closer, int depth) {
    const TemplatePart open = parts_[i++];
    Kind stop{};
    Range stop_range;
    bool at_end = false;
    std::vector<Expr*> then_list = structure_list(i, end, closer, depth, stop, stop_range, at_end);
    std::vector<Expr*> else_list;
    if (!at_end && stop == Kind::else_) {
        else_list = structure_list(i, end, closer, depth, stop, stop_range, at_end);
        if (!at_end && stop == Kind::else_) {
            message_arg[0] = describe(open.range);
            report(error_message<errors::template_second_else>, stop_range);
            return placeholder(stop_range);
        }
    }
    if (at_end) {
        message_arg[0] = describe(open.range);
        report(error_message<errors::template_unclosed_if>, closer);
        return placeholder(closer);
    }
    if (stop != Kind::endif) {
        message_arg[0] = "endfor";
        message_arg[1] = describe(open.range);
        report(error_message<errors::template_if_mismatch>, stop_range);
        return placeholder(stop_range);
    }
    if (then_list.empty()) then_list.push_back(string_literal({}, {open.range.end, open.range.end}));
    if (else_list.empty()) else_list.push_back(string_literal({}, {stop_range.begin, stop_range.begin}));
    auto* t = make<TemplateExpr>(ExprKind::Template, span_range(then_list));
    t->parts = copy(then_list.data(), then_list.size());
    auto* f = make<TemplateExpr>(ExprKind::Template, span_range(else_list));
    f->parts = copy(else_list.data(), else_list.size());
    auto* c = make<ConditionalExpr>(ExprKind::Conditional, {open.range.begin, stop_range.end});
    c->condition = open.expr;
    c->true_result = t;
    c->false_result = f;
    return c;
}

Expr* ParseState::structure_for(std::size_t& i, std::size_t end, Range closer, int depth) {
    const TemplatePart open = parts_[i++];
    Kind stop{};
    Range stop_range;
    bool at_end = false;
    std::vector<Expr*> content = structure_list(i, end, closer, depth, stop, stop_range, at_end);
    if (at_end) {
        message_arg[0] = describe(open.range);
        report(error_message<errors::template_unclosed_for>, closer);
        return placeholder(closer);
    }
    if (stop == Kind::else_) {
        report(error_message<errors::template_for_else>, stop_range);
        return placeholder(stop_range);
    }
    if (stop != Kind::endfor) {
        message_arg[0] = "endif";
        message_arg[1] = describe(open.range);
        report(error_message<errors::template_for_mismatch>, stop_range);
        return placeholder(stop_range);
    }
    if (content.empty()) content.push_back(string_literal({}, {open.range.end, open.range.end}));
    auto* body = make<TemplateExpr>(ExprKind::Template, span_range(content));
    body->parts = copy(content.data(), content.size());
    const Range all{open.range.begin, stop_range.end};
    auto* f = make<ForExpr>(ExprKind::For, all);
    f->key_var = open.key_var;
    f->value_var = open.value_var;
    f->collection = open.expr;
    f->value_expr = body;
    f->open = open.range;
    f->close = stop_range;
    auto* join = make<TemplateJoinExpr>(ExprKind::TemplateJoin, all);
    join->tuple = f;
    return join;
}

namespace {

// Leading whitespace of `s` in characters ("\r\n" counting one) and in bytes.
std::size_t leading_space_chars(std::string_view s, std::size_t& bytes) {
    const std::string_view rest = unicode::trim_left_space(s);
    bytes = s.size() - rest.size();
    std::size_t chars = 0;
    for (std::size_t i = 0; i < bytes; ++chars) {
        const std::size_t n = s[i] == '\r' && i + 1 < bytes && s[i + 1] == '\n' ? 2 : unicode::sequence_length(s.data() + i, s.data() + bytes);
        i += n == 0 ? 1 : n;
    }
    return chars;
}

}  // namespace

// flushHeredocTemplateParts: remove the smallest indentation of the non-blank lines.
void ParseState::flush_heredoc(std::size_t from) {
    std::size_t min_spaces = SIZE_MAX;
    bool line_start = true;
    std::vector<LiteralValueExpr*> adjust;
    for (std::size_t i = from; i < parts_.size(); ++i) {
        const TemplatePart& p = parts_[i];
        auto* lit = p.kind == Kind::literal ? static_cast<LiteralValueExpr*>(p.expr) : nullptr;
        if (line_start) {
            line_start = false;
            std::size_t spaces = 0;
            if (lit != nullptr) {
                std::size_t bytes = 0;
                spaces = leading_space_chars(lit->text, bytes);
                if (bytes == lit->text.size() && lit->text.ends_with('\n'))
                    spaces = SIZE_MAX;  // a blank line does not count
                else
                    adjust.push_back(lit);
            }
            min_spaces = std::min(min_spaces, spaces);
        }
        if (lit != nullptr && lit->text.ends_with('\n')) line_start = true;
    }
    for (LiteralValueExpr* lit : adjust) {
        std::size_t bytes = 0;
        std::size_t removed = 0;
        for (std::size_t n = 0; n < min_spaces && bytes < lit->text.size(); ++n) {
            const std::size_t len = lit->text[bytes] == '\r' && bytes + 1 < lit->text.size() && lit->text[bytes + 1] == '\n'
                                        ? 2 : unicode::sequence_length(lit->text.data() + bytes, lit->text.data() + lit->text.size());
            bytes += len == 0 ? 1 : len;
            removed = bytes;
        }
        lit->text.remove_prefix(removed);
        lit->range.begin += static_cast<std::uint32_t>(removed);
    }
}

}  // namespace hjob::syntax::detail
