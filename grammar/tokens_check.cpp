// Token names and the lexical diagnostics: hclsyntax's checkInvalidTokens, which reports
// tokens that never belong in HCL source, with its wording and its repetition limits.
#include <array>

#include "tokens.hpp"

namespace hjob::syntax {

std::string_view token_type_name(TokenType type) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(TokenType::Nil) + 1> names = {
        "TokenOBrace", "TokenCBrace", "TokenOBrack", "TokenCBrack", "TokenOParen", "TokenCParen",
        "TokenOQuote", "TokenCQuote", "TokenOHeredoc", "TokenCHeredoc",
        "TokenStar", "TokenSlash", "TokenPlus", "TokenMinus", "TokenPercent",
        "TokenEqual", "TokenEqualOp", "TokenNotEqual", "TokenLessThan", "TokenLessThanEq",
        "TokenGreaterThan", "TokenGreaterThanEq",
        "TokenAnd", "TokenOr", "TokenBang", "TokenDot", "TokenComma", "TokenEllipsis", "TokenFatArrow",
        "TokenQuestion", "TokenColon",
        "TokenTemplateInterp", "TokenTemplateControl", "TokenTemplateSeqEnd",
        "TokenQuotedLit", "TokenStringLit", "TokenNumberLit", "TokenIdent", "TokenComment",
        "TokenNewline", "TokenEOF",
        "TokenBitwiseAnd", "TokenBitwiseOr", "TokenBitwiseNot", "TokenBitwiseXor", "TokenStarStar",
        "TokenApostrophe", "TokenBacktick", "TokenSemicolon", "TokenTabs", "TokenInvalid", "TokenBadUTF8",
        "TokenQuotedNewline", "TokenNil",
    };
    const auto i = static_cast<std::size_t>(type);
    return i < names.size() ? names[i] : "TokenNil";
}

namespace {

// How often each kind was reported already; hclsyntax limits repetition per kind.
struct Told {
    int bitwise = 0, exponent = 0, backtick = 0, apostrophe = 0, semicolon = 0, tabs = 0, bad_utf8 = 0;
};

std::string_view bitwise_hint(TokenType t) {
    switch (t) {
    case TokenType::BitwiseAnd: return " Did you mean boolean AND (\"&&\")?";
    case TokenType::BitwiseOr: return " Did you mean boolean OR (\"||\")?";
    case TokenType::BitwiseNot: return " Did you mean boolean NOT (\"!\")?";
    default: return "";
    }
}

// Returns the summary and detail to report for `tok`, or an empty summary for none.
std::pair<std::string, std::string> check_token(const SourceFile& file, const Token& tok, Told& told) {
    switch (tok.type) {
    case TokenType::BitwiseAnd: case TokenType::BitwiseOr: case TokenType::BitwiseXor: case TokenType::BitwiseNot:
        if (told.bitwise++ >= 4) return {};
        return {"Unsupported operator", "Bitwise operators are not supported." + std::string(bitwise_hint(tok.type))};
    case TokenType::StarStar:
        if (told.exponent++ >= 1) return {};
        return {"Unsupported operator",
                "\"**\" is not a supported operator. Exponentiation is not supported as an operator."};
    case TokenType::Backtick: {
        // every other backtick: the opening one of a backtick-quoted string, not its end
        const bool report = told.backtick % 2 == 0;
        if (told.backtick <= 2) ++told.backtick;
        if (!report) return {};
        return {"Invalid character", "The \"`\" character is not valid. To create a multi-line string, use the "
                                     "\"heredoc\" syntax, like \"<<EOT\"."};
    }
    case TokenType::Apostrophe: {
        const bool report = told.apostrophe % 2 == 0;
        if (told.apostrophe <= 2) ++told.apostrophe;
        if (!report) return {};
        return {"Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings."};
    }
    case TokenType::Semicolon:
        if (told.semicolon++ >= 1) return {};
        return {"Invalid character", "The \";\" character is not valid. Use newlines to separate arguments and "
                                     "blocks, and commas to separate items in collection values."};
    case TokenType::Tabs:
        if (told.tabs++ >= 1) return {};
        return {"Invalid character",
                "Tab characters may not be used. The recommended indentation style is two spaces per indent."};
    case TokenType::BadUTF8:
        if (told.bad_utf8++ >= 1) return {};
        return {"Invalid character encoding",
                "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor."};
    case TokenType::QuotedNewline:
        return {"Invalid multi-line string",
                "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use "
                "the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax."};
    case TokenType::Invalid: {
        const auto text = file.slice(tok.range);
        if (text == "\u201C" || text == "\u201D")
            return {"Invalid character",
                    "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when "
                    "sharing code via documents or discussion forums. It might help to replace the character with "
                    "a \"straight quote\"."};
        return {"Invalid character", "This character is not used within the language."};
    }
    default: return {};
    }
}

std::string_view code_for(TokenType t) {
    switch (t) {
    case TokenType::BitwiseAnd: case TokenType::BitwiseOr: case TokenType::BitwiseXor: case TokenType::BitwiseNot:
    case TokenType::StarStar: return "syntax/unsupported-operator";
    case TokenType::BadUTF8: return "syntax/invalid-encoding";
    case TokenType::QuotedNewline: return "syntax/multi-line-string";
    default: return "syntax/invalid-character";
    }
}

}  // namespace

std::vector<Token> lex_tokens(const SourceFile& file, Diagnostics& diagnostics) {
    std::vector<Token> tokens = lex_tokens(file);
    Told told;
    for (const Token& tok : tokens) {
        auto [summary, detail] = check_token(file, tok, told);
        if (summary.empty()) continue;
        Diagnostic d;
        d.code = code_for(tok.type);
        d.summary = std::move(summary);
        d.detail = std::move(detail);
        d.subject = SourceRange{&file, tok.range};
        diagnostics.push_back(std::move(d));
    }
    return tokens;
}

}  // namespace hjob::syntax
