// Every diagnostic the front end can produce, in one place so the wording is reviewed as
// user-facing text. Wording follows hclsyntax (HCL 2.14) exactly where HCL has the same
// condition; codes are hjob's stable identifiers. Rules raise `raise<errors::tag>`; the parser's
// control turns error_message<tag> into a Diagnostic. "{}" stands for a detail from the parse.
#pragma once

#include <cstdint>
#include <string_view>

namespace hjob::syntax {

/// Where a diagnostic's subject starts.
enum class Anchor : std::uint8_t {
    token,           ///< the next token
    opener,          ///< the innermost open bracket, brace, call or directive
    body_open,       ///< the opening brace of the innermost block body
    item,            ///< the body item's first token
    ident,           ///< the identifier just read
    template_start,  ///< the first token inside the innermost template
    splat_star,      ///< the `*` of an attribute-only splat
    ellipsis,        ///< the last `...` read
    /// the `]` that closes the bracket after the bad token (or the end of the file):
    /// hclsyntax's subject aliases the token its recovery lands on
    matching_bracket,
};

struct Message {
    std::string_view code;     ///< empty: not an error tag
    std::string_view summary;
    std::string_view detail;
    Anchor anchor = Anchor::token;
    /// Suppressed while recovering from an earlier error, as hclsyntax guards it with
    /// `if !p.recovery`, so that one mistake does not produce a cascade.
    bool guarded = true;
    /// Listed before the diagnostics of the one-line block body it ends, as hclsyntax
    /// appends the block's own diagnostics first.
    bool before_body = false;
};

template <class Tag>
inline constexpr Message error_message{};

#define HJOB_ERROR(tag, ...)          \
    namespace errors {                \
    struct tag {};                    \
    }                                 \
    template <>                       \
    inline constexpr Message error_message<errors::tag> = {__VA_ARGS__};

// ---- lexical (reported before any parse error, as HCL's lexer does) ----
HJOB_ERROR(bitwise_and, "syntax/unsupported-operator", "Unsupported operator",
           "Bitwise operators are not supported. Did you mean boolean AND (\"&&\")?")
HJOB_ERROR(bitwise_or, "syntax/unsupported-operator", "Unsupported operator",
           "Bitwise operators are not supported. Did you mean boolean OR (\"||\")?")
HJOB_ERROR(bitwise_not, "syntax/unsupported-operator", "Unsupported operator",
           "Bitwise operators are not supported. Did you mean boolean NOT (\"!\")?")
HJOB_ERROR(bitwise_xor, "syntax/unsupported-operator", "Unsupported operator", "Bitwise operators are not supported.")
HJOB_ERROR(backtick, "syntax/invalid-character", "Invalid character",
           "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".")
HJOB_ERROR(apostrophe, "syntax/invalid-character", "Invalid character",
           "Single quotes are not valid. Use double quotes (\") to enclose strings.")
HJOB_ERROR(semicolon, "syntax/invalid-character", "Invalid character",
           "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to "
           "separate items in collection values.")
HJOB_ERROR(bad_utf8, "syntax/invalid-encoding", "Invalid character encoding",
           "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.")
HJOB_ERROR(quoted_newline, "syntax/multi-line-string", "Invalid multi-line string",
           "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n "
           "escape to represent a newline character or use the \"heredoc\" multi-line template syntax.")
HJOB_ERROR(curly_quote, "syntax/invalid-character", "Invalid character",
           "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code "
           "via documents or discussion forums. It might help to replace the character with a \"straight quote\".")
HJOB_ERROR(invalid_character, "syntax/invalid-character", "Invalid character",
           "This character is not used within the language.")

// ---- limits ----
HJOB_ERROR(nesting_too_deep, "syntax/nesting-too-deep", "Nesting too deep",
           "Brackets, braces, blocks, templates and operators are nested more than {} levels deep here.",
           Anchor::token, false)

HJOB_ERROR(too_many_errors, "syntax/too-many-errors", "Too many errors",
           "Parsing stopped after {} syntax errors; fix these first.", Anchor::token, false)

// ---- bodies ----
HJOB_ERROR(item_required, "syntax/item-required", "Argument or block definition required",
           "An argument or block definition is required here.")
HJOB_ERROR(item_required_here, "syntax/item-required", "Argument or block definition required",
           "An argument or block definition is required here.", Anchor::token, false)
HJOB_ERROR(item_needs_equals, "syntax/item-required", "Argument or block definition required",
           "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to "
           "introduce the argument value.", Anchor::ident, false)
HJOB_ERROR(quoted_argument_name, "syntax/quoted-argument-name", "Invalid argument name",
           "Argument names must not be quoted.")
HJOB_ERROR(unclosed_block, "syntax/unclosed-block", "Unclosed configuration block",
           "There is no closing brace for this block before the end of the file. This may be caused by incorrect "
           "brace nesting elsewhere in this file.", Anchor::body_open)
HJOB_ERROR(missing_newline, "syntax/missing-newline", "Missing newline after argument",
           "An argument definition must end with a newline.")
HJOB_ERROR(comma_after_argument, "syntax/comma-after-argument", "Unexpected comma after argument",
           "Argument definitions must be separated by newlines, not commas. An argument definition must end with "
           "a newline.")
HJOB_ERROR(block_equals, "syntax/invalid-block", "Invalid block definition",
           "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.",
           Anchor::token, false)
HJOB_ERROR(block_newline, "syntax/invalid-block", "Invalid block definition",
           "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as "
           "the block header.", Anchor::token, false)
HJOB_ERROR(block_header, "syntax/invalid-block", "Invalid block definition",
           "Either a quoted string block label or an opening brace (\"{\") is expected here.")
HJOB_ERROR(block_missing_newline, "syntax/missing-newline", "Missing newline after block definition",
           "A block definition must end with a newline.")
HJOB_ERROR(oneline_argument_required, "syntax/invalid-oneline-block", "Argument definition required",
           "A single-line block definition can contain only a single argument. If you meant to define argument {}, "
           "use an equals sign to assign it a value. To define a nested block, place it on a line of its own "
           "within its parent block.", Anchor::ident, false)
HJOB_ERROR(oneline_comma, "syntax/invalid-oneline-block", "Invalid single-argument block definition",
           "Single-line block syntax can include only one argument definition. To define multiple arguments, use "
           "the multi-line block syntax with one argument definition per line.", Anchor::token, false, true)
HJOB_ERROR(oneline_newline, "syntax/invalid-oneline-block", "Invalid single-argument block definition",
           "An argument definition on the same line as its containing block creates a single-line block "
           "definition, which must also be closed on the same line. Place the block's closing brace immediately "
           "after the argument definition.", Anchor::token, false, true)
HJOB_ERROR(oneline_unclosed, "syntax/unclosed-block", "Unclosed configuration block",
           "There is no closing brace for this block before the end of the file. This may be caused by incorrect "
           "brace nesting elsewhere in this file.", Anchor::body_open, true, true)
HJOB_ERROR(oneline_extra, "syntax/invalid-oneline-block", "Invalid single-argument block definition",
           "A single-line block definition must end with a closing brace immediately after its single argument "
           "definition.", Anchor::token, true, true)
HJOB_ERROR(attribute_redefined, "syntax/attribute-redefined", "Attribute redefined",
           "The argument {} was already set at {}. Each argument may be set only once.", Anchor::token, false)
HJOB_ERROR(label_template, "syntax/template-in-label", "Invalid string literal",
           "Template sequences are not allowed in this string. To include a literal {}, double it (as {}) to "
           "escape it.", Anchor::token, false)
HJOB_ERROR(label_unterminated, "syntax/unterminated-string", "Unterminated string literal",
           "Unable to find the closing quote mark before the end of the file.", Anchor::token, false)
HJOB_ERROR(label_invalid, "syntax/invalid-string", "Invalid string literal",
           "This item is not valid in a string literal.", Anchor::token, false)

// ---- expressions ----
HJOB_ERROR(missing_expression, "syntax/missing-expression", "Missing expression",
           "Expected the start of an expression, but found the end of the file.")
HJOB_ERROR(invalid_expression, "syntax/invalid-expression", "Invalid expression",
           "Expected the start of an expression, but found an invalid expression token.")
HJOB_ERROR(missing_false_expression, "syntax/missing-false-expression", "Missing false expression in conditional",
           "The conditional operator (...?...:...) requires a false expression, delimited by a colon.",
           Anchor::token, false)
HJOB_ERROR(unbalanced_parentheses, "syntax/unbalanced-parentheses", "Unbalanced parentheses",
           "Expected a closing parenthesis to terminate the expression.", Anchor::token, false)
HJOB_ERROR(invalid_number, "syntax/invalid-number", "Invalid number literal",
           "Failed to recognize the value of this number literal.", Anchor::token, false)
HJOB_ERROR(attribute_name_required, "syntax/attribute-name-required", "Invalid attribute name",
           "An attribute name is required after a dot.", Anchor::token, false)
HJOB_ERROR(splat_attribute_name_required, "syntax/attribute-name-required", "Invalid attribute name",
           "An attribute name is required after a dot.", Anchor::splat_star)
HJOB_ERROR(nested_splat, "syntax/nested-splat", "Nested splat expression not allowed",
           "A splat expression (*) cannot be used inside another attribute-only splat expression.")
HJOB_ERROR(legacy_index_chain, "syntax/legacy-index", "Invalid legacy index syntax",
           "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper "
           "index syntax instead, like {}.", Anchor::token, false)
HJOB_ERROR(splat_legacy_index_chain, "syntax/legacy-index", "Invalid legacy index syntax",
           "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper "
           "index syntax with a full splat expression [*] instead, like {}.", Anchor::splat_star, false)
HJOB_ERROR(splat_missing_bracket, "syntax/missing-bracket", "Missing close bracket on splat index",
           "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").",
           Anchor::matching_bracket)
HJOB_ERROR(index_missing_bracket, "syntax/missing-bracket", "Missing close bracket on index",
           "The index operator must end with a closing bracket (\"]\").", Anchor::matching_bracket)
HJOB_ERROR(call_missing_paren, "syntax/missing-parenthesis", "Missing closing parenthesis",
           "An expanded function argument (with ...) must be immediately followed by closing parentheses.",
           Anchor::ellipsis)
HJOB_ERROR(call_unterminated, "syntax/unterminated-call", "Unterminated function call",
           "There is no closing parenthesis for this function call before the end of the file. This may be caused "
           "by incorrect parethesis nesting elsewhere in this file.", Anchor::opener, false)
HJOB_ERROR(call_missing_separator, "syntax/missing-separator", "Missing argument separator",
           "A comma is required to separate each function argument from the next.", Anchor::token, false)
HJOB_ERROR(tuple_unterminated, "syntax/unterminated-tuple", "Unterminated tuple constructor expression",
           "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect "
           "bracket nesting elsewhere in this file.", Anchor::opener)
HJOB_ERROR(tuple_missing_separator, "syntax/missing-separator", "Missing item separator",
           "Expected a comma to mark the beginning of the next item.")
HJOB_ERROR(object_missing_value, "syntax/missing-value", "Missing attribute value",
           "Expected an attribute value, introduced by an equals sign (\"=\").")
HJOB_ERROR(object_missing_equals_ident, "syntax/missing-separator", "Missing key/value separator",
           "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given "
           "an attribute name containing periods or spaces, write the name in quotes to create a string literal.")
HJOB_ERROR(object_missing_equals, "syntax/missing-separator", "Missing key/value separator",
           "Expected an equals sign (\"=\") to mark the beginning of the attribute value.")
HJOB_ERROR(object_unterminated, "syntax/unterminated-object", "Unterminated object constructor expression",
           "There is no corresponding closing brace before the end of the file. This may be caused by incorrect "
           "brace nesting elsewhere in this file.", Anchor::opener)
HJOB_ERROR(object_missing_separator, "syntax/missing-separator", "Missing attribute separator",
           "Expected a newline or comma to mark the beginning of the next attribute.")
HJOB_ERROR(for_variable, "syntax/invalid-for", "Invalid 'for' expression",
           "For expression requires variable name after 'for'.")
HJOB_ERROR(for_value_variable, "syntax/invalid-for", "Invalid 'for' expression",
           "For expression requires value variable name after comma.")
HJOB_ERROR(for_in, "syntax/invalid-for", "Invalid 'for' expression",
           "For expression requires the 'in' keyword after its name declarations.")
HJOB_ERROR(for_colon, "syntax/invalid-for", "Invalid 'for' expression",
           "For expression requires a colon after the collection expression.")
HJOB_ERROR(for_extra, "syntax/invalid-for", "Invalid 'for' expression",
           "Extra characters after the end of the 'for' expression.")
HJOB_ERROR(for_tuple_key, "syntax/invalid-for", "Invalid 'for' expression",
           "Key expression is not valid when building a tuple.", Anchor::token, false)
HJOB_ERROR(for_tuple_group, "syntax/invalid-for", "Invalid 'for' expression",
           "Grouping ellipsis (...) cannot be used when building a tuple.", Anchor::token, false)
HJOB_ERROR(for_object_key, "syntax/invalid-for", "Invalid 'for' expression",
           "Key expression is required when building an object.", Anchor::token, false)

// ---- templates ----
HJOB_ERROR(unterminated_template, "syntax/unterminated-template", "Unterminated template string",
           "No closing marker was found for the string.")
HJOB_ERROR(interpolation_unclosed, "syntax/unclosed-interpolation", "Unclosed template interpolation sequence",
           "There is no closing brace for this interpolation sequence before the end of the file. This might be "
           "caused by incorrect nesting inside the given expression.", Anchor::template_start)
HJOB_ERROR(interpolation_unclosed_quote, "syntax/unclosed-interpolation",
           "Unclosed template interpolation sequence",
           "There is no closing brace for this interpolation sequence before the end of the quoted template. This "
           "might be caused by incorrect nesting inside the given expression.", Anchor::template_start)
HJOB_ERROR(interpolation_colon, "syntax/interpolation-extra", "Extra characters after interpolation expression",
           "Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal "
           "sequence to be processed as part of another language? If so, you can escape it by starting with "
           "\"$${\" instead of just \"${\".")
HJOB_ERROR(interpolation_extra, "syntax/interpolation-extra", "Extra characters after interpolation expression",
           "Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can "
           "happen when you include interpolation syntax for another language, such as shell scripting, but forget "
           "to escape the interpolation start token. If this is an embedded sequence for another language, escape "
           "it by starting with \"$${\" instead of just \"${\".")
HJOB_ERROR(directive_required, "syntax/invalid-directive", "Invalid template directive",
           "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.")
HJOB_ERROR(directive_keyword, "syntax/invalid-directive", "Invalid template control keyword",
           "{} is not a valid template control keyword.{}")
HJOB_ERROR(directive_for_variable, "syntax/invalid-directive", "Invalid 'for' directive",
           "For directive requires variable name after 'for'.")
HJOB_ERROR(directive_for_value_variable, "syntax/invalid-directive", "Invalid 'for' directive",
           "For directive requires value variable name after comma.")
HJOB_ERROR(directive_for_in, "syntax/invalid-directive", "Invalid 'for' directive",
           "For directive requires 'in' keyword after names.")
HJOB_ERROR(directive_extra, "syntax/invalid-directive", "Extra characters in {} marker",
           "Expected a closing brace to end the sequence, but found extra characters.")
HJOB_ERROR(template_unclosed_if, "syntax/unbalanced-directive", "Unexpected end of template",
           "The if directive at {} is missing its corresponding endif directive.", Anchor::token, false)
HJOB_ERROR(template_unclosed_for, "syntax/unbalanced-directive", "Unexpected end of template",
           "The for directive at {} is missing its corresponding endfor directive.", Anchor::token, false)
HJOB_ERROR(template_second_else, "syntax/unbalanced-directive", "Unexpected else directive",
           "Already in the else clause for the if started at {}.", Anchor::token, false)
HJOB_ERROR(template_if_mismatch, "syntax/unbalanced-directive", "Unexpected {} directive",
           "Expecting an endif directive for the if started at {}.", Anchor::token, false)
HJOB_ERROR(template_for_else, "syntax/unbalanced-directive", "Unexpected else directive",
           "An else clause is not expected for a for directive.", Anchor::token, false)
HJOB_ERROR(template_for_mismatch, "syntax/unbalanced-directive", "Unexpected {} directive",
           "Expecting an endfor directive corresponding to the for directive at {}.", Anchor::token, false)
HJOB_ERROR(template_unbalanced, "syntax/unbalanced-directive", "Unexpected {} directive",
           "The control directives within this template are unbalanced.", Anchor::token, false)
HJOB_ERROR(escape_selector, "syntax/invalid-escape", "Invalid escape sequence",
           "The symbol {} is not a valid escape sequence selector.", Anchor::token, false)
HJOB_ERROR(escape_backslash, "syntax/invalid-escape", "Invalid escape sequence",
           "Backslash must be followed by an escape sequence selector character.", Anchor::token, false)
HJOB_ERROR(escape_short_unicode, "syntax/invalid-escape", "Invalid escape sequence",
           "The \\u escape sequence must be followed by four hexadecimal digits.", Anchor::token, false)
HJOB_ERROR(escape_long_unicode, "syntax/invalid-escape", "Invalid escape sequence",
           "The \\U escape sequence must be followed by eight hexadecimal digits.", Anchor::token, false)
HJOB_ERROR(escape_unencodable, "syntax/invalid-escape", "Invalid escape sequence",
           "Cannot encode character U+{} in UTF-8.", Anchor::token, false)

#undef HJOB_ERROR

}  // namespace hjob::syntax
