// The parse state shared by the grammar's custom rules and actions: lexical context (newline
// mode, heredoc markers, nesting depth) and the syntax-tree builder. Actions call the builder
// in post-order; children wait on reusable stacks and are copied into the arena as spans.
// No PEGTL here: the builder is plain C++ (build_*.cpp).
#pragma once

#include <cstdint>
#include <cstring>
#include <new>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "errors.hpp"
#include "parser.hpp"

namespace hjob::syntax::detail {

/// Thrown after a fatal syntax error has been recorded; caught where the body item recovers.
struct ItemFailed {};

/// What an open construct is, which decides how hclsyntax recovers from an error inside it.
enum class OpenKind : std::uint8_t { paren, call, tuple, object, index, quoted_sequence, heredoc_sequence };

/// An open construct: where it starts (for diagnostics and ranges) and a stack mark.
struct Open {
    std::uint32_t begin;
    std::uint32_t mark;
    OpenKind kind;
};

struct TemplatePart {
    enum class Kind : std::uint8_t { literal, interp, if_, else_, endif, for_, endfor };
    Kind kind = Kind::literal;
    bool line_end = false;  ///< literal: the scanner token ended a line (heredoc flush rule)
    Range range;
    Expr* expr = nullptr;  ///< literal: its LiteralValueExpr; interp: the expression;
                           ///< if: the condition; for: the collection
    std::string_view key_var, value_var;
};

struct TemplateFrame {
    std::uint32_t parts_mark;
    std::uint32_t begin;    ///< the opening quote or heredoc marker
    std::uint32_t content;  ///< just after the opener: hclsyntax's "startRange" for diagnostics
    bool quoted;
    bool flush;
    bool ltrim_next = false;
};

struct Heredoc {
    std::string_view marker;
    bool start_of_line = true;
};

struct ForFrame {
    std::string_view key_var, value_var;
    bool has_key = false, group = false, has_cond = false;
    Range ellipsis;
};

struct CallFrame {
    Range name;
    std::uint32_t open_paren;
    bool expand_final = false;
};

struct Operator {
    std::int8_t precedence;  ///< -1: the sentinel that starts an operand sequence
    BinaryOp op;
    Range range;
};

struct NameFrame {
    Range name;
    std::uint32_t labels_mark;
};

struct BodyFrame {
    std::uint32_t attr_mark, block_mark, begin;
    /// Attribute names of a large body, so redefinition checks stay linear.
    std::unique_ptr<std::unordered_map<std::string_view, std::uint32_t>> names;
};

class ParseState {
public:
    static constexpr std::size_t max_depth = max_nesting_depth;

    ParseState(const SourceFile& file, Arena& arena);

    const SourceFile& file;
    Arena& arena;

    // ---- lexical context, used by the custom rules ----
    const char* const base;
    const char* const end;
    bool newlines = true;  ///< newlines end items here (body and object level)
    std::size_t depth = 0;
    std::vector<Heredoc> heredocs;
    bool literal_line_end = false;
    std::uint32_t last_ident_begin = 0, last_ident_end = 0;
    std::uint32_t last_dot = 0, last_star = 0, last_ellipsis = 0;
    Range last_equals;
    std::string_view last_directive;
    std::uint32_t item_begin = 0;
    std::size_t single_body_mark = 0;  ///< diagnostics before the current one-line block body
    std::uint32_t failed_at = 0;
    const Message* failed_message = nullptr;
    std::string message_arg[2];
    bool recovering = false;
    bool too_many_errors = false;

    /// Skips spaces, tabs and comments, and newlines where they are not significant
    /// (hclsyntax's peeker). A line comment that ends in a newline is a newline token.
    const char* skip(const char* p) {
        while (p != end && *p == ' ') ++p;  // most gaps are a few spaces
        if (p == end) return p;
        const char c = *p;
        if (c != '\t' && c != '/' && c != '#' && c != '\n' && c != '\r') return p;
        if (p == memo_from_ && newlines == memo_newlines_) return memo_to_;
        const char* q = skip_slow(p);
        memo_from_ = p;
        memo_to_ = q;
        memo_newlines_ = newlines;
        return q;
    }
    /// The end of the newline token at `p` ("\n", "\r\n", or a line comment ending in one).
    const char* newline_end(const char* p) const;
    bool innermost_template_quoted() const { return !templates_.empty() && templates_.back().quoted; }
    std::uint32_t template_content() const { return templates_.empty() ? 0 : templates_.back().content; }

    std::uint32_t off(const char* p) const { return static_cast<std::uint32_t>(p - base); }
    std::string_view view(Range r) const { return {base + r.begin, r.end - r.begin}; }

    // ---- diagnostics (build_core.cpp) ----
    /// Records `m` at `subject` (unless suppressed while recovering) and throws ItemFailed.
    [[noreturn]] void fail(const Message& m, Range subject);
    /// Records a non-fatal `m` at `subject`; parsing goes on.
    Diagnostic& report(const Message& m, Range subject);
    Diagnostic diagnostic(const Message& m, Range subject);
    std::string describe(Range r) const;  ///< "file:line,col-col", as HCL prints ranges
    Diagnostics diagnostics;

    // ---- recovery (build_recover.cpp) ----
    /// Body items only start outside expressions, so a mark only needs the body stacks.
    struct Mark {
        std::size_t attrs, blocks, labels, bodies, names;
    };
    Mark mark() const;
    void rollback(const Mark& m);
    /// Where parsing resumes after the broken item that starts at `item`.
    std::uint32_t skip_item(std::uint32_t item);
    /// After an error inside a one-line block body: what hclsyntax then reports about the
    /// block's end (listed before the body's error), found where its recovery stops.
    void single_body_failed();
    /// Where hclsyntax's recovery from the error just raised ends, the error being inside
    /// the expression of a one-line block's attribute.
    std::uint32_t expression_recovery() const;

    // ---- expressions (build_expr.cpp) ----
    void push(Expr* e) { exprs_.push_back(e); }
    Expr* pop() {
        Expr* e = exprs_.back();
        exprs_.pop_back();
        return e;
    }
    void open(std::uint32_t begin, OpenKind kind) {
        opens_.push_back({begin, static_cast<std::uint32_t>(exprs_.size()), kind});
    }
    std::uint32_t opener() const { return opens_.empty() ? 0 : opens_.back().begin; }
    void number(Range r);
    void name_value();
    void parentheses(std::uint32_t close_end);
    void tuple(std::uint32_t close_end);
    void unary(UnaryOp op, std::uint32_t begin);
    void conditional();
    void missing_false_expression(std::uint32_t at);
    void operand_sequence() { ops_.push_back({-1, BinaryOp::logical_or, {}}); }
    void binary_operator(Range r);
    void end_operand_sequence();
    void call_open(std::uint32_t paren);
    void call_ellipsis() { calls_.back().expand_final = true; }
    void call_close(std::uint32_t close_end);

    // ---- traversals and splats (build_chain.cpp) ----
    void chain_begin() { chains_.push_back(closed_chain); }
    void chain_end();
    void attr_step(Range name);
    void legacy_index_step(Range number, bool in_splat);
    void index_close(std::uint32_t close_end);
    void attr_splat_begin(Range star);
    void attr_splat_end();
    void full_splat_begin(std::uint32_t close_end);
    void full_splat_end();

    // ---- objects and for expressions (build_collection.cpp) ----
    void object_open(std::uint32_t begin) {
        opens_.push_back({begin, static_cast<std::uint32_t>(items_.size()), OpenKind::object});
    }
    void object_separator(Range r);
    void object_item() { items_.back().value = pop(); }
    void object(std::uint32_t close_end);
    void for_begin() { fors_.push_back({}); }
    void for_variable(Range r) { fors_.back().value_var = view(r); }
    void for_value_variable(Range r);
    void for_key_arrow() { fors_.back().has_key = true; }
    void for_group(Range r);
    void for_condition() { fors_.back().has_cond = true; }
    void for_close(std::uint32_t close_end, bool object);

    // ---- templates (build_template.cpp, build_directives.cpp) ----
    void template_open(std::uint32_t begin, std::uint32_t content, bool quoted, bool flush);
    void template_literal(Range token, bool line_end);
    void heredoc_open(Range r);
    void heredoc_literal(Range token);
    void heredoc_close(Range r);
    void sequence_open(std::uint32_t begin, bool strip);
    void interpolation_close(std::uint32_t end, bool strip);
    void directive(TemplatePart::Kind kind);
    void directive_close(std::uint32_t end, bool strip);
    void template_close(std::uint32_t close_begin, std::uint32_t close_end);
    /// The value of a quoted-string token: escapes resolved (reported when invalid), `$${`
    /// and `%%{` unescaped. A view into the source unless decoding changed it.
    std::string_view decode_quoted(Range token);
    /// One escape at s[at] (a backslash) of a token starting at `offset`: appends its value
    /// to `out`, returns its length.
    std::size_t escape(std::string_view s, std::size_t at, std::uint32_t offset, std::string& out);
    std::size_t unicode_escape(std::string_view s, std::size_t at, std::uint32_t offset, std::string& out);

    // ---- bodies (build_body.cpp) ----
    void body_open(std::uint32_t begin);
    void name(Range r) {
        last_ident_begin = r.begin;
        last_ident_end = r.end;
        names_.push_back({r, static_cast<std::uint32_t>(labels_.size())});
    }
    std::uint32_t body_begin() const { return bodies_.empty() ? 0 : bodies_.back().begin; }
    void attribute();
    void check_redefinition();
    void label_begin();
    void label_chunk(Range token);
    void quoted_label(Range r);
    void ident_label(Range r) { labels_.push_back({view(r), r, false}); }
    void block(std::uint32_t close_begin, std::uint32_t close_end, bool single_line);
    Body* top_body();

private:
    static constexpr std::uint32_t closed_chain = UINT32_MAX;

    const char* skip_slow(const char* p);
    const char* block_comment_end(const char* p);
    // ---- node memory: bump allocation in chunks taken from the tree's arena ----
    void* alloc(std::size_t size, std::size_t align) {
        auto p = (reinterpret_cast<std::uintptr_t>(chunk_cur_) + align - 1) & ~(std::uintptr_t{align} - 1);
        if (chunk_cur_ == nullptr || p + size > reinterpret_cast<std::uintptr_t>(chunk_end_)) return refill(size, align);
        chunk_cur_ = reinterpret_cast<char*>(p + size);
        return reinterpret_cast<void*>(p);
    }
    void* refill(std::size_t size, std::size_t align);
    template <class T>
    T* node() {
        return new (alloc(sizeof(T), alignof(T))) T{};
    }
    template <class T>
    std::span<T> copy(const T* data, std::size_t n) {
        if (n == 0) return {};
        auto* p = static_cast<T*>(alloc(sizeof(T) * n, alignof(T)));
        std::memcpy(static_cast<void*>(p), data, sizeof(T) * n);
        return {p, n};
    }
    std::string_view copy(std::string_view s) {
        auto span = copy(s.data(), s.size());
        return {span.data(), span.size()};
    }
    template <class T>
    T* make(ExprKind kind, Range r) {
        T* n = node<T>();
        n->kind = kind;
        n->range = r;
        return n;
    }
    LiteralValueExpr* string_literal(std::string_view text, Range r);
    std::span<Expr*> exprs_since(std::size_t mark);
    void reduce_operator();
    void add_step(const Step& s);
    void close_chain_traversal();
    Expr* finish_parts(const TemplateFrame& t, std::size_t from, Range all, Range closer);
    void flush_heredoc(std::size_t from);
    Expr* structure_item(std::size_t& i, std::size_t end, Range closer, int depth);
    Expr* structure_if(std::size_t& i, std::size_t end, Range closer, int depth);
    Expr* structure_for(std::size_t& i, std::size_t end, Range closer, int depth);
    std::vector<Expr*> structure_list(std::size_t& i, std::size_t end, Range closer, int depth, TemplatePart::Kind& stop,
                                      Range& stop_range, bool& at_end);
    Expr* placeholder(Range r);
    Body* make_body(const BodyFrame& f, Range r);

    char* chunk_cur_ = nullptr;
    char* chunk_end_ = nullptr;
    const char* memo_from_ = nullptr;
    const char* memo_to_ = nullptr;
    bool memo_newlines_ = true;
    const char* no_comment_end_from_ = nullptr;  ///< no "*/" at or after this point

    std::vector<Expr*> exprs_;
    std::vector<Step> steps_;
    std::vector<std::uint32_t> chains_;  ///< per postfix chain: its steps mark, or closed_chain
    std::vector<Open> opens_;
    std::vector<Operator> ops_;
    std::vector<CallFrame> calls_;
    std::vector<ForFrame> fors_;
    std::vector<ObjectItem> items_;
    std::vector<TemplatePart> parts_;
    std::vector<TemplateFrame> templates_;
    std::vector<AnonSymbolExpr*> splats_;
    std::vector<Attribute> attrs_;
    std::vector<Block> blocks_;
    std::vector<BlockLabel> labels_;
    std::vector<BodyFrame> bodies_;
    std::vector<NameFrame> names_;
    TemplatePart pending_directive_;
    Diagnostic scratch_diagnostic_;  ///< where reports go once there are too many
    std::string label_value_;
    bool label_decoded_ = false;
};

/// Fills the "{}" slots of a tag's message from what the parse saw at `at` (build_core.cpp).
template <class Tag>
inline void message_args(ParseState&, std::uint32_t) {}
template <> void message_args<errors::label_template>(ParseState& st, std::uint32_t at);
template <> void message_args<errors::directive_keyword>(ParseState& st, std::uint32_t at);
template <> void message_args<errors::directive_extra>(ParseState& st, std::uint32_t at);
template <> void message_args<errors::oneline_argument_required>(ParseState& st, std::uint32_t at);
template <> void message_args<errors::nesting_too_deep>(ParseState& st, std::uint32_t at);

/// The subject of a diagnostic anchored as `m` says, the parse being at `at`.
Range subject_of(const Message& m, const ParseState& st, std::uint32_t at);

/// Go's %q of a short string, as HCL's messages quote names.
std::string go_quote(std::string_view s);
/// Levenshtein distance, for HCL's did-you-mean suggestions (distance under 3).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace hjob::syntax::detail
