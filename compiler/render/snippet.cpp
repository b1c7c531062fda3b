// The source excerpt of the human format (see snippet.hpp).
#include "snippet.hpp"

#include <algorithm>

#include "display.hpp"

namespace hjob::render::detail {

std::string Painter::operator()(Paint p, std::string_view text) const {
    if (!on || text.empty()) return std::string(text);
    static constexpr std::string_view codes[] = {"\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m", "\033[1;32m", "\033[32m"};
    std::string out(codes[static_cast<int>(p)]);
    out += text;
    out += "\033[m";
    return out;
}

namespace {

// The lines an excerpt shows, and where the underline starts and ends, in byte offsets.
struct Excerpt {
    const SourceFile* file;
    std::uint32_t first, last;  // 1-based line numbers
    std::uint32_t begin, end;   // absolute byte offsets of the range
    std::size_t width;          // of the line-number field
};

Excerpt excerpt_of(const Span& s) {
    Excerpt e{s.file, s.start.line, s.end.line, s.start.byte, s.end.byte, 4};
    // A range that ends at the very start of a line ends, for the reader, on the line before.
    if (e.last > e.first && s.end.column == 1) --e.last;
    e.width = std::max<std::size_t>(4, std::to_string(e.last).size());
    return e;
}

std::string number_gutter(const Excerpt& e, std::string_view number) {
    std::string g(1 + e.width - std::min(e.width, number.size()), ' ');
    g += number;
    g += " |";
    return g;
}

std::string blank_gutter(const Excerpt& e) { return std::string(1 + e.width, ' ') + " |"; }

// The absolute byte offset where `text` (a line of `file`) starts.
std::uint32_t base_of(const SourceFile& file, std::string_view text) {
    return static_cast<std::uint32_t>(text.data() - file.text().data());
}

std::uint32_t in_line(std::uint32_t offset, std::uint32_t base, std::string_view text) {
    return std::min<std::uint32_t>(offset > base ? offset - base : 0, static_cast<std::uint32_t>(text.size()));
}

// The part of a line that is shown: all of it, or for a long line (minified or generated
// files) a window around the range, cut with "..." so that carets stay on screen.
struct Window {
    std::uint32_t from = 0, to = 0;  // source bytes of the line shown
    bool cut_left = false, cut_right = false;

    // Display column of byte `b` of the line in the printed text.
    std::size_t column(const DisplayLine& d, std::uint32_t b) const {
        b = std::clamp(b, from, to);
        return (cut_left ? 3 : 0) + d.columns[b] - d.columns[from];
    }
};

Window window_of(const DisplayLine& d, std::uint32_t anchor) {
    const auto size = static_cast<std::uint32_t>(d.columns.size() - 1);
    Window w{0, size, false, false};
    if (d.columns.back() <= max_line_width) return w;
    const std::size_t at = d.columns[std::min(anchor, size)];
    const std::size_t start = at > max_line_width / 3 ? at - max_line_width / 3 : 0;  // a third of the window before
    while (w.from < size && d.columns[w.from] < start) ++w.from;
    w.to = w.from;
    while (w.to < size && d.columns[w.to + 1] - d.columns[w.from] <= max_line_width) ++w.to;
    w.cut_left = w.from > 0;
    w.cut_right = w.to < size;
    return w;
}

std::string shown_text(const DisplayLine& d, const Window& w) {
    std::string out = w.cut_left ? "..." : "";
    out += std::string_view(d.text).substr(d.offsets[w.from], d.offsets[w.to] - d.offsets[w.from]);
    if (w.cut_right) out += "...";
    return out;
}

// The caret/tilde marks under one line: '^' at the start of the range, '~' under the rest.
std::string marks(const Excerpt& e, std::uint32_t line, std::string_view text, const DisplayLine& d, const Window& w) {
    const std::uint32_t base = base_of(*e.file, text);
    std::uint32_t from = line == e.first ? in_line(e.begin, base, text) : 0;
    if (line != e.first)
        while (from < text.size() && (text[from] == ' ' || text[from] == '\t')) ++from;
    const std::uint32_t to = line == e.last ? in_line(e.end, base, text) : static_cast<std::uint32_t>(text.size());
    const std::size_t c0 = w.column(d, from);
    const std::size_t c1 = std::max(w.column(d, std::max(from, to)), c0);
    if (line == e.first) return std::string(c0, ' ') + '^' + std::string(c1 > c0 ? c1 - c0 - 1 : 0, '~');
    if (c1 == c0) return {};
    return std::string(c0, ' ') + std::string(c1 - c0, '~');
}

bool inline_fix(const Excerpt& e, const DiagnosticFix& f, std::uint32_t line) {
    if (f.where.file != e.file || f.replacement.empty() || f.replacement.find('\n') != std::string::npos) return false;
    const auto s = locate(f.where);
    return s && s->start.line == line && s->end.line == line;
}

void write_line(std::ostream& out, const Excerpt& e, std::uint32_t line, std::span<const DiagnosticFix> fixes,
                std::vector<bool>& shown, const Painter& paint) {
    const std::string_view text = e.file->line_text(line);
    const std::uint32_t base = base_of(*e.file, text);
    const DisplayLine d = display_line(text);
    const Window w = window_of(d, line == e.first ? in_line(e.begin, base, text) : 0);
    const std::string shown_line = shown_text(d, w);
    out << number_gutter(e, std::to_string(line)) << (shown_line.empty() ? "" : " ") << shown_line << '\n';
    const std::string m = marks(e, line, text, d, w);
    if (!m.empty()) out << blank_gutter(e) << ' ' << paint(Paint::caret, m) << '\n';
    for (std::size_t i = 0; i < fixes.size(); ++i) {
        if (shown[i] || !inline_fix(e, fixes[i], line)) continue;
        const std::size_t col = w.column(d, in_line(fixes[i].where.range.begin, base, text));
        out << blank_gutter(e) << ' ' << std::string(col, ' ') << paint(Paint::fixit, fixes[i].replacement) << '\n';
        shown[i] = true;
    }
}

}  // namespace

void write_snippet(std::ostream& out, const Span& subject, std::span<const DiagnosticFix> fixes,
                   std::vector<bool>& shown, const Painter& paint) {
    const Excerpt e = excerpt_of(subject);
    const std::uint32_t count = e.last - e.first + 1;
    for (std::uint32_t line = e.first; line <= e.last; ++line) {
        // Long ranges: the first three lines, a marker, the last two.
        if (count > max_snippet_lines && line == e.first + 3) {
            out << number_gutter(e, "...") << '\n';
            line = e.last - 2;
            continue;
        }
        write_line(out, e, line, fixes, shown, paint);
    }
}

}  // namespace hjob::render::detail
