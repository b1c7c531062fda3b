// The parse state's lexical helpers, diagnostics and recovery bookkeeping.
#include <algorithm>
#include <cstring>

#include <sys/mman.h>

#include "build.hpp"
#include "rescan.hpp"
#include "unicode.hpp"

namespace hjob::syntax::detail {

ParseState::ParseState(const SourceFile& f, Arena& a)
    : file(f), arena(a), base(f.text().data()), end(f.text().data() + f.text().size()) {
    // Small starts: these stacks only hold what is open, not the whole file.
    exprs_.reserve(64);
    parts_.reserve(16);
    attrs_.reserve(32);
    blocks_.reserve(16);
}

const char* ParseState::block_comment_end(const char* p) {
    if (no_comment_end_from_ != nullptr && p >= no_comment_end_from_) return nullptr;
    const std::string_view rest(p + 2, static_cast<std::size_t>(end - p - 2));
    const auto at = rest.find("*/");
    if (at == std::string_view::npos) {
        no_comment_end_from_ = p;  // no later "/*" can be closed either: keeps skipping linear
        return nullptr;
    }
    return p + 2 + at + 2;
}

const char* ParseState::skip_slow(const char* p) {
    while (p != end) {
        const char c = *p;
        const char d = p + 1 != end ? p[1] : '\0';
        if (c == ' ' || c == '\t') {
            ++p;
        } else if (c == '/' && d == '*') {
            const char* q = block_comment_end(p);
            if (q == nullptr) return p;  // unclosed: a slash, as in HCL's scanner
            p = q;
        } else if (c == '#' || (c == '/' && d == '/')) {
            const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            if (nl == nullptr) return end;  // a comment that ends the file is no newline
            if (newlines) return p;
            p = static_cast<const char*>(nl) + 1;
        } else if (c == '\n' || (c == '\r' && d == '\n')) {
            if (newlines) return p;
            p += c == '\n' ? 1 : 2;
        } else {
            return p;
        }
    }
    return p;
}

const char* ParseState::newline_end(const char* p) const {
    if (p == end) return p;
    const char c = *p;
    if (c == '\n') return p + 1;
    if (c == '\r') return p + 1 != end && p[1] == '\n' ? p + 2 : p;
    if (c == '#' || (c == '/' && p + 1 != end && p[1] == '/')) {
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        return nl == nullptr ? p : static_cast<const char*>(nl) + 1;
    }
    return p;
}

// Large inputs get their nodes in 2 MiB-aligned chunks marked for transparent huge pages:
// first-touch page faults, not parsing, dominate a multi-megabyte parse otherwise.
void* ParseState::refill(std::size_t size, std::size_t align) {
    constexpr std::size_t huge = std::size_t{2} << 20;
    const std::size_t text = static_cast<std::size_t>(end - base);
    const bool big = text >= (std::size_t{4} << 20);
    // Nodes take about four bytes per source byte; chunks follow that, within bounds.
    const std::size_t want = big ? std::clamp(text * 2, huge, 8 * huge) : std::clamp<std::size_t>(text * 5, 4096, std::size_t{1} << 20);
    const std::size_t chunk = std::max(size + align, want);
    auto* p = static_cast<char*>(arena.allocate(chunk, big ? huge : alignof(std::max_align_t)));
#ifdef MADV_HUGEPAGE
    if (big) madvise(p, chunk & ~(huge - 1), MADV_HUGEPAGE);
#endif
    chunk_cur_ = p;
    chunk_end_ = p + chunk;
    return alloc(size, align);
}

namespace {

// Replaces the "{}" slots of `text` with `args`, in order.
std::string fill(std::string_view text, const std::string (&args)[2]) {
    std::string out;
    std::size_t arg = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}' && arg < 2) {
            out += args[arg++];
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

Diagnostic ParseState::diagnostic(const Message& m, Range subject) {
    Diagnostic d;
    d.code = std::string(m.code);
    d.summary = fill(m.summary, message_arg);
    d.detail = fill(m.detail, message_arg);
    d.subject = {&file, subject};
    message_arg[0].clear();
    message_arg[1].clear();
    return d;
}

Diagnostic& ParseState::report(const Message& m, Range subject) {
    Diagnostic d = diagnostic(m, subject);
    if (diagnostics.size() >= max_syntax_errors) {
        // Keep the list bounded; the item that fails next stops the parse (build_recover.cpp).
        too_many_errors = true;
        scratch_diagnostic_ = std::move(d);
        return scratch_diagnostic_;
    }
    diagnostics.push_back(std::move(d));
    return diagnostics.back();
}

void ParseState::fail(const Message& m, Range subject) {
    if (!(m.guarded && recovering)) {
        report(m, subject);
        if (!too_many_errors && m.before_body && single_body_mark < diagnostics.size() - 1) {
            auto d = std::move(diagnostics.back());
            diagnostics.pop_back();
            diagnostics.insert(diagnostics.begin() + static_cast<std::ptrdiff_t>(single_body_mark), std::move(d));
        }
    }
    message_arg[0].clear();
    message_arg[1].clear();
    recovering = true;
    throw ItemFailed{};
}

std::string ParseState::describe(Range r) const {
    const Position b = file.position(r.begin);
    const Position e = file.position(r.end);
    std::string s = file.name() + ":" + std::to_string(b.line) + "," + std::to_string(b.column) + "-";
    if (e.line != b.line) s += std::to_string(e.line) + ",";
    return s + std::to_string(e.column);
}

std::string go_quote(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

Range subject_of(const Message& m, const ParseState& st, std::uint32_t at) {
    switch (m.anchor) {
        case Anchor::opener: return {st.opener(), st.opener() + 1};
        case Anchor::body_open: return {st.body_begin(), st.body_begin() + 1};
        case Anchor::item: return {st.item_begin, rescan::token_end(st.file.text(), st.item_begin)};
        case Anchor::ident: return {st.last_ident_begin, st.last_ident_end};
        case Anchor::template_start: return {st.template_content(), rescan::token_end(st.file.text(), st.template_content())};
        case Anchor::splat_star: return {st.last_star, st.last_star + 1};
        case Anchor::ellipsis: return {st.last_ellipsis, st.last_ellipsis + 3};
        case Anchor::matching_bracket: {
            const std::uint32_t b = rescan::matching_bracket(st.file.text(), st.item_begin, at);
            return {b, rescan::token_end(st.file.text(), b)};
        }
        default: return {at, std::max(at, rescan::token_end(st.file.text(), at))};
    }
}

template <>
void message_args<errors::label_template>(ParseState& st, std::uint32_t at) {
    const std::string which(1, st.base[at]);
    st.message_arg[0] = go_quote(which);
    st.message_arg[1] = "\"" + which + which + "\"";
}

template <>
void message_args<errors::directive_keyword>(ParseState& st, std::uint32_t at) {
    const char* e = unicode::ident_end(st.base + at, st.end);
    const std::string_view given(st.base + at, static_cast<std::size_t>(e - st.base - at));
    st.message_arg[0] = go_quote(given);
    for (const std::string_view s : {"if", "for", "else", "endif", "endfor"}) {
        if (edit_distance(given, s) < 3) {
            st.message_arg[1] = " Did you mean " + go_quote(s) + "?";
            break;
        }
    }
}

template <>
void message_args<errors::directive_extra>(ParseState& st, std::uint32_t) {
    st.message_arg[0] = std::string(st.last_directive);
}

template <>
void message_args<errors::oneline_argument_required>(ParseState& st, std::uint32_t) {
    st.message_arg[0] = go_quote(st.view({st.last_ident_begin, st.last_ident_end}));
}

template <>
void message_args<errors::nesting_too_deep>(ParseState& st, std::uint32_t) {
    st.message_arg[0] = std::to_string(max_nesting_depth);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace hjob::syntax::detail
