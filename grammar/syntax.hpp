// The syntax tree of HCL native syntax, shaped after hclsyntax's node types so that tools
// (hjob syntax --json, the evaluator, the formatter) see what HashiCorp's parser sees.
// Nodes live in the Arena of their SyntaxTree; string_views point into the source text or
// into the arena (decoded strings). No PEGTL here: only the parser's translation unit knows it.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "arena.hpp"
#include "diagnostic.hpp"
#include "source.hpp"

namespace hjob::syntax {

/// hclsyntax's expression node types; names() gives "LiteralValue", "Template", ...
enum class ExprKind : std::uint8_t {
    LiteralValue,       // number, bool, null; also string parts inside templates
    Template,           // "a${b}c", heredocs, and plain "abc" (hclsyntax keeps these as templates)
    TemplateWrap,       // a lone "${x}"
    TemplateJoin,       // %{ for } inside a template: joins the ForExpr's tuple
    TupleCons,
    ObjectCons,
    ObjectConsKey,      // the key of an object item
    ScopeTraversal,     // a.b[0].c with only literal index keys
    RelativeTraversal,  // f(x).y, (a).b, [1][0]: a traversal relative to an expression
    FunctionCall,
    Conditional,        // also %{ if } inside a template
    BinaryOp,
    UnaryOp,
    For,
    Index,              // a[b] where b is not a literal
    Splat,              // a.*.b, a[*].b
    AnonSymbol,         // the item symbol inside a splat's Each
    Parentheses,
};

std::string_view kind_name(ExprKind k);

struct Expr {
    ExprKind kind;
    Range range;  ///< the expression's source range, as hclsyntax's SrcRange
};

enum class LiteralType : std::uint8_t { null, boolean, number, string };

struct LiteralValueExpr : Expr {
    LiteralType type;
    bool boolean = false;
    /// number: the literal's source text (exact; evaluation parses it); string: the decoded
    /// text of a template's literal part, escapes resolved and strip markers applied.
    std::string_view text;
};

struct TemplateExpr : Expr {
    std::span<Expr*> parts;  ///< LiteralValue strings, interpolated expressions, Conditional, TemplateJoin
    bool heredoc = false;
};

struct TemplateWrapExpr : Expr {
    Expr* wrapped;
};

struct TemplateJoinExpr : Expr {
    Expr* tuple;  ///< a ForExpr producing the parts to concatenate
};

struct TupleConsExpr : Expr {
    std::span<Expr*> items;
    Range open, close;
};

struct ObjectConsKeyExpr : Expr {
    Expr* wrapped;
    /// true when the key was parenthesised or otherwise forced to be evaluated; false for a
    /// bare identifier key `a = 1`, whose name is the key (hclsyntax's ForceNonLiteral).
    bool force_non_literal = false;
};

struct ObjectItem {
    ObjectConsKeyExpr* key;
    Expr* value;
    Range separator;  ///< the `=` or `:`
};

struct ObjectConsExpr : Expr {
    std::span<ObjectItem> items;
    Range open, close;
};

enum class StepKind : std::uint8_t { attr, index };

/// One step of a traversal: `.name`, `[literal]`, or the legacy `.0`.
struct Step {
    StepKind kind;
    Range range;
    std::string_view name;           ///< attr: the attribute name
    LiteralValueExpr* key = nullptr;  ///< index: the literal key (number or string)
};

struct ScopeTraversalExpr : Expr {
    std::string_view root;  ///< the root variable name
    Range root_range;
    std::span<Step> steps;
};

struct RelativeTraversalExpr : Expr {
    Expr* source;
    std::span<Step> steps;
};

struct FunctionCallExpr : Expr {
    std::string_view name;
    Range name_range;
    std::span<Expr*> args;
    bool expand_final = false;  ///< the last argument was followed by `...`
    Range open_paren, close_paren;
};

struct ConditionalExpr : Expr {
    Expr* condition;
    Expr* true_result;
    Expr* false_result;
};

enum class BinaryOp : std::uint8_t {
    logical_or, logical_and,
    equal, not_equal,
    greater, greater_or_equal, less, less_or_equal,
    add, subtract,
    multiply, divide, modulo,
};

struct BinaryOpExpr : Expr {
    BinaryOp op;
    Expr* lhs;
    Expr* rhs;
    Range op_range;
};

enum class UnaryOp : std::uint8_t { negate, logical_not };

struct UnaryOpExpr : Expr {
    UnaryOp op;
    Expr* operand;
};

struct ForExpr : Expr {
    std::string_view key_var;  ///< empty when only a value variable is named
    std::string_view value_var;
    Expr* collection;
    Expr* key_expr = nullptr;  ///< present for the object form `{for k, v in x: k => v}`
    Expr* value_expr;
    Expr* condition = nullptr;
    bool group = false;  ///< `...` after the value in the object form
    Range open, close;
};

struct IndexExpr : Expr {
    Expr* collection;
    Expr* key;
    Range bracket_range;
};

struct AnonSymbolExpr : Expr {};

struct SplatExpr : Expr {
    Expr* source;
    Expr* each;  ///< evaluated per item; an AnonSymbol, or a RelativeTraversal on one
    AnonSymbolExpr* item;
    Range marker_range;
};

struct ParenthesesExpr : Expr {
    Expr* inner;
};

// ---- bodies ----

struct Body;

struct Attribute {
    std::string_view name;
    Range name_range;
    Range equals_range;
    Expr* expr;
    Range range;  ///< from the name to the end of the expression
};

struct BlockLabel {
    std::string_view value;  ///< decoded
    Range range;             ///< including quotes when quoted
    bool quoted;
};

struct Block {
    std::string_view type;
    Range type_range;
    std::span<BlockLabel> labels;
    Body* body;
    Range open_brace, close_brace;
};

struct Body {
    std::span<Attribute> attributes;  ///< source order
    std::span<Block> blocks;          ///< source order
    Range range;
};

/// A parsed file: the body, the arena that owns it, and every diagnostic of the parse.
/// The SourceFile must outlive the tree.
struct SyntaxTree {
    const SourceFile* file = nullptr;
    std::unique_ptr<Arena> arena;
    Body* body = nullptr;  ///< never null, even after errors (possibly partial)
    Diagnostics diagnostics;
};

}  // namespace hjob::syntax
