// Internals of the binder: the state of one binding run and typed access to a block body.
// Decoders (one file per stanza family) read arguments through `Body`, which evaluates,
// converts to the schema type, records source ranges and reports HCL-worded errors.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bind.hpp"
#include "stdlib/value.hpp"

namespace hjob::bind::detail {

/// One binding run: the file, the evaluation scope, where diagnostics and ranges go, and the
/// names the defaults depend on.
class Binder {
public:
    Binder(const SourceFile& file, const eval::EvalContext* context, Diagnostics& diags, ir::SourceMap& map)
        : file_(file), context_(context), diags_(diags), map_(map) {}
    /// A binder for part of `parent`'s run on another thread: its own diagnostics, ranges and
    /// expansions; it reads the parent's expansions, which must not change meanwhile.
    Binder(const Binder& parent, Diagnostics& diags, ir::SourceMap& map)
        : file_(parent.file_), context_(parent.context_), diags_(diags), map_(map), parent_(&parent) {}

    const SourceFile& file() const { return file_; }
    /// The value of `e`, an expression of `owner`, in the scope of that body (the iterators of
    /// the dynamic blocks it was expanded from), runtime references kept as "${...}".
    /// Unknown after errors.
    cty::Value evaluate(const syntax::Expr& e, const syntax::Body& owner) { return evaluate_in(e, scope_of(owner)); }
    cty::Value evaluate_in(const syntax::Expr& e, const eval::EvalContext* scope);
    /// The scope of `body`'s expressions.
    const eval::EvalContext* scope_of(const syntax::Body& body) const;
    void report(Severity severity, std::string code, std::string summary, std::string detail, Range subject,
                std::vector<DiagnosticFix> fixes = {});
    void error(std::string code, std::string summary, std::string detail, Range subject) {
        report(Severity::error, std::move(code), std::move(summary), std::move(detail), subject);
    }
    void record(std::string_view path, Range r) { map_.record(path, r); }
    /// Takes in a child binder's diagnostics and ranges, after this binder's own so far.
    void adopt(Diagnostics&& diags, const ir::SourceMap& map) {
        for (auto& d : diags) diags_.push_back(std::move(d));
        map_.append(map);
    }
    /// Records `base + "/" + key` without building that string.
    void record(std::string_view base, std::string_view key, Range r) { map_.record({base, "/", key}, r); }
    SourceRange at(Range r) const { return SourceRange{&file_, r}; }
    /// HCL's Range.String(): "file:line,col-col" or "file:line,col-line,col".
    std::string range_string(Range r) const;

    /// Storage of the bodies and blocks that dynamic-block expansion builds (dynamic.cpp):
    /// stable addresses, alive as long as the run.
    struct Expansion {
        std::deque<syntax::Body> bodies;
        std::deque<std::vector<syntax::Block>> blocks;
        std::deque<std::vector<syntax::BlockLabel>> labels;
        std::deque<std::string> strings;
        std::deque<eval::EvalContext> scopes;
        std::unordered_map<const syntax::Body*, const eval::EvalContext*> scope_of;
    };
    Expansion& expansion() { return expansion_; }
    const eval::EvalContext* context() const { return context_; }
    /// CompileOptions::threads of the run.
    unsigned threads = 0;

private:
    const SourceFile& file_;
    const eval::EvalContext* context_;
    Diagnostics& diags_;
    ir::SourceMap& map_;
    const Binder* parent_ = nullptr;
    Expansion expansion_;
};

/// A block's header range (type and labels), what HCL calls its DefRange.
Range def_range(const syntax::Block& b);
/// The first label, or "" when there is none.
std::string label(const syntax::Block& b);

/// A body being decoded. Getters leave `out` untouched when the argument is absent, null,
/// unknown or invalid (invalid ones are reported), and return whether they stored a value.
class Body {
public:
    Body(Binder& binder, const syntax::Body& body, std::string path) : b(binder), body(body), base(std::move(path)) {}

    Binder& b;
    const syntax::Body& body;
    std::string base;  ///< IR path of this body, for the source map

    const syntax::Attribute* find(std::string_view name) const;
    std::vector<const syntax::Block*> blocks(std::string_view type) const;
    const syntax::Block* first(std::string_view type) const;
    std::string path(std::string_view key) const { return base + "/" + std::string(key); }

    /// The evaluated value of argument `name` (recorded under `key`), or nullopt when absent,
    /// null or unknown.
    std::optional<cty::Value> value(std::string_view name, std::string_view key = {});

    bool get(std::string_view name, std::string& out, std::string_view key = {});
    bool get(std::string_view name, std::int64_t& out, std::string_view key = {});
    bool get(std::string_view name, int& out, std::string_view key = {});
    bool get(std::string_view name, bool& out, std::string_view key = {});
    bool get(std::string_view name, std::vector<std::string>& out, std::string_view key = {});
    bool get(std::string_view name, std::map<std::string, std::string>& out, std::string_view key = {});
    bool get(std::string_view name, std::map<std::string, std::vector<std::string>>& out, std::string_view key = {});
    /// A Go duration string ("1h30m") or a number of nanoseconds.
    bool duration(std::string_view name, std::int64_t& out, std::string_view key = {});
    bool duration(std::string_view name, std::optional<std::int64_t>& out, std::string_view key = {});
    /// Any value, as jobspec2 turns it into Go data (see to_go_json in values.hpp).
    bool get(std::string_view name, nlohmann::json& out, std::string_view key = {});

    template <class T>
    bool get(std::string_view name, std::optional<T>& out, std::string_view key = {}) {
        T v{};
        if (!get(name, v, key)) return false;
        out = std::move(v);
        return true;
    }

private:
    /// Records where attribute `a` (argument `name`, IR key `key` or `name`) is.
    void record(const syntax::Attribute& a, std::string_view name, std::string_view key);
    std::optional<cty::Value> value(const syntax::Attribute& a, std::string_view name, std::string_view key);
    std::optional<cty::Value> converted(const syntax::Attribute& a, std::string_view name, const cty::Type& type,
                                        std::string_view key);
    bool duration_text(const std::string& text, Range where, std::int64_t& out);
    std::optional<cty::Value> converted(std::string_view name, const cty::Type& type, std::string_view key);
};

/// The body of `blk` (an empty one when the parser gave none), its header recorded at `path`.
Body block_body(Binder& b, const syntax::Block& blk, std::string path);

/// Decodes a body whose arguments are free-form string values (meta, env blocks), or the map
/// argument written in its place.
std::map<std::string, std::string> string_map_body(Binder& b, const syntax::Body& body, const std::string& path);

}  // namespace hjob::bind::detail
