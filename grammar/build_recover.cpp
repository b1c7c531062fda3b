// Recovery bookkeeping: the stacks to restore when a body item fails, where parsing resumes,
// and what hclsyntax reports about a one-line block whose attribute failed.
#include <algorithm>

#include "build.hpp"
#include "rescan.hpp"

namespace hjob::syntax::detail {

ParseState::Mark ParseState::mark() const {
    return {attrs_.size(), blocks_.size(), labels_.size(), bodies_.size(), names_.size()};
}

// Expression and template stacks are empty wherever a body item starts.
void ParseState::rollback(const Mark& m) {
    exprs_.clear();
    steps_.clear();
    chains_.clear();
    opens_.clear();
    ops_.clear();
    calls_.clear();
    fors_.clear();
    items_.clear();
    parts_.clear();
    templates_.clear();
    splats_.clear();
    heredocs.clear();
    attrs_.resize(m.attrs);
    blocks_.resize(m.blocks);
    labels_.resize(m.labels);
    bodies_.resize(m.bodies);
    names_.resize(m.names);
}

std::uint32_t ParseState::skip_item(std::uint32_t item) {
    const auto size = static_cast<std::uint32_t>(end - base);
    if (too_many_errors) {
        if (!diagnostics.empty() && diagnostics.back().code != error_message<errors::too_many_errors>.code) {
            message_arg[0] = std::to_string(max_syntax_errors);
            diagnostics.push_back(diagnostic(error_message<errors::too_many_errors>, {item, item}));
        }
        return size;  // stop: the rest of the file is not parsed
    }
    if (failed_at >= size) return size;  // nothing left to resynchronise on
    return rescan::skip_body_item(file.text(), item);
}

std::uint32_t ParseState::expression_recovery() const {
    using rescan::Tok;
    const Message* m = failed_message;
    const auto is = [m](const Message& x) { return m == &x; };
    // Errors at which hclsyntax had already read the bad token.
    const bool consumed = is(error_message<errors::index_missing_bracket>) ||
                          is(error_message<errors::splat_missing_bracket>) ||
                          is(error_message<errors::call_missing_separator>) ||
                          is(error_message<errors::unbalanced_parentheses>);
    std::size_t n = opens_.size();
    if (is(error_message<errors::unbalanced_parentheses>) && n > 0) --n;  // that paren gives up without recovering
    std::vector<Tok> closers;
    for (std::size_t i = n; i-- > 0;) {
        switch (opens_[i].kind) {
            case OpenKind::paren: case OpenKind::call: closers.push_back(Tok::close_paren); break;
            case OpenKind::tuple: case OpenKind::index: closers.push_back(Tok::close_brack); break;
            case OpenKind::object: closers.push_back(Tok::close_brace); break;
            case OpenKind::quoted_sequence: closers.insert(closers.end(), {Tok::seq_end, Tok::close_quote}); break;
            case OpenKind::heredoc_sequence: closers.insert(closers.end(), {Tok::seq_end, Tok::close_heredoc}); break;
        }
    }
    return rescan::recover_chain(file.text(), body_begin() + 1, failed_at, consumed, closers);
}

void ParseState::single_body_failed() {
    const std::string_view text = file.text();
    std::uint32_t resume = 0;
    if (failed_message == &error_message<errors::item_required_here>)
        resume = rescan::skip_after_token(text, failed_at);  // hclsyntax had read the bad token
    else if (failed_message == &error_message<errors::oneline_argument_required> ||
             failed_message == &error_message<errors::item_needs_equals>)
        resume = rescan::skip_body_item(text, failed_at);
    else
        resume = expression_recovery();
    const char* next = skip(base + resume);
    const Message* m = nullptr;
    if (next != end && *next == ',') m = &error_message<errors::oneline_comma>;
    else if (newline_end(next) != next) m = &error_message<errors::oneline_newline>;
    if (m == nullptr) return;
    const std::uint32_t at = off(next);
    const std::size_t count = diagnostics.size();
    report(*m, {at, std::max(at + 1, rescan::token_end(text, at))});
    if (single_body_mark < count) std::rotate(diagnostics.begin() + static_cast<std::ptrdiff_t>(single_body_mark), diagnostics.end() - 1, diagnostics.end());
}

}  // namespace hjob::syntax::detail
