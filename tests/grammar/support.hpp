// Helpers for the grammar tests: parse a string, print an expression as a compact
// S-expression (the tree's shape in one line), and the first error as "line:col summary".
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "grammar/parser.hpp"

namespace hjob::test {

struct Parsed {
    std::unique_ptr<SourceFile> file;
    syntax::SyntaxTree tree;
};

/// Parses `text` as a file named "test.hcl".
Parsed parse(std::string_view text);

/// "line:col summary" of the first diagnostic, or "" when there is none.
std::string first_error(const Parsed& p);

/// The expression of the first attribute of the top-level body (nullptr if none).
const syntax::Expr* first_expr(const Parsed& p);

/// The shape of an expression: `a.b[0]`, `(+ 1 2)`, `(tmpl "a" x)`, `[1 2]`, `{a=1}`, ...
std::string show(const syntax::Expr* e);

/// The source text of an expression's range.
std::string_view src(const Parsed& p, const syntax::Expr* e);

/// The value of a literal or of a template made only of literals (parts concatenated).
std::string value(const syntax::Expr* e);

/// A body in source order: `a=1 b "l"{c=1}`; labels quoted as written.
std::string outline(const syntax::Body* b);

/// One line of a test table: an input, whether HCL accepts it, and what to check. For an
/// accepted input `expect` is what `describe` says of the parse; for a rejected one it is
/// the first error, "line:col summary", as hclsyntax reports it.
struct Case {
    std::string_view input;
    bool accept;
    std::string_view expect;
};

/// The shape of the first attribute's expression ("<none>" without one).
std::string describe_shape(const Parsed& p);
/// The decoded value of the first attribute's expression.
std::string describe_value(const Parsed& p);
/// The outline of the whole body.
std::string describe_body(const Parsed& p);

/// Checks every line of `table` (each failure names its input).
void check_table(std::span<const Case> table, std::string (*describe)(const Parsed&));

}  // namespace hjob::test
