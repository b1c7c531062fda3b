// The formatter's second pass: one space or none between neighbouring tokens of a cell,
// by hclwrite's spaceAfterToken rules, kept in hclwrite's order because the first rule
// that applies wins.
#include "format_lines.hpp"

namespace hjob::format::detail {

namespace {

bool is_type(const WriterToken& t, std::initializer_list<TokenType> types) {
    for (auto type : types)
        if (t.type == type) return true;
    return false;
}

// A minus is a negation, and takes no space after it, when the token before it cannot
// end an expression.
bool space_after_minus(const WriterToken& before) {
    return !is_type(before, {TokenType::Nil, TokenType::OParen, TokenType::OBrace, TokenType::OBrack,
                             TokenType::Equal, TokenType::Colon, TokenType::Comma, TokenType::Question,
                             TokenType::Plus, TokenType::Star, TokenType::Slash, TokenType::Percent,
                             TokenType::Minus, TokenType::EqualOp, TokenType::NotEqual,
                             TokenType::GreaterThan, TokenType::GreaterThanEq, TokenType::LessThan,
                             TokenType::LessThanEq, TokenType::And, TokenType::Or, TokenType::Bang});
}

bool is_template_text(const WriterToken& subject, const WriterToken& after) {
    return is_type(subject, {TokenType::QuotedLit, TokenType::StringLit, TokenType::OQuote, TokenType::OHeredoc}) ||
           is_type(after, {TokenType::QuotedLit, TokenType::StringLit, TokenType::CQuote, TokenType::CHeredoc});
}

}  // namespace

bool space_after_token(const WriterToken& subject, const WriterToken& before, const WriterToken& after) {
    using T = TokenType;
    if (is_type(after, {T::Newline, T::Nil})) return false;
    if (subject.type == T::Ident && after.type == T::OParen) return false;  // f(x)
    if (subject.type == T::Dot || after.type == T::Dot) return false;
    if (is_type(after, {T::Comma, T::Ellipsis})) return false;
    if (subject.type == T::Comma) return true;
    if (is_template_text(subject, after)) return false;  // template text is never respaced
    // `for x in [a]`: "in" after an identifier is the keyword, not a value being indexed
    if (subject.type == T::Ident && subject.bytes == "in" && before.type == T::Ident) return true;
    if (after.type == T::OBrack && (is_type(subject, {T::Ident, T::NumberLit}) || bracket_change(subject.type) < 0))
        return false;
    if (subject.type == T::Bang) return false;
    if (subject.type == T::Minus) return space_after_minus(before);
    if (subject.type == T::OBrace || after.type == T::CBrace)
        return !(subject.type == T::OBrace && after.type == T::CBrace);  // `{ a = 1 }` but `{}`
    // `${ {a = 1} }`: a lone object in an interpolation keeps spaces at both ends
    if (is_type(subject, {T::TemplateInterp, T::TemplateControl}) && after.type == T::OBrace) return true;
    if (subject.type == T::CBrace && after.type == T::TemplateSeqEnd) return true;
    if (subject.type == T::TemplateSeqEnd && is_type(after, {T::TemplateInterp, T::TemplateControl})) return false;
    if (bracket_change(subject.type) > 0) return false;
    if (bracket_change(after.type) < 0) return false;
    return true;
}

namespace {

void space_cell(Tokens& tokens, Cell cell) {
    static const WriterToken nil{TokenType::Nil, {}, 0};
    for (std::size_t i = cell.begin; i + 1 < cell.end; ++i) {
        const WriterToken& before = i > cell.begin ? tokens[i - 1] : nil;
        tokens[i + 1].spaces_before = space_after_token(tokens[i], before, tokens[i + 1]) ? 1 : 0;
    }
}

}  // namespace

void format_spaces(Tokens& tokens, const std::vector<FormatLine>& lines) {
    for (const auto& line : lines) {
        space_cell(tokens, line.lead);
        if (line.assign.present()) tokens[line.assign.begin].spaces_before = 1;  // "name =" gets its space
        space_cell(tokens, line.assign);
    }
}

}  // namespace hjob::format::detail
