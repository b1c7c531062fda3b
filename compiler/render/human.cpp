// The human format: gcc's first line ("file:line:col: error: summary [code]"), a numbered
// excerpt with a caret/tilde underline that needs no colour, the detail wrapped, then the
// notes, each at its own place ("first defined here"), and a closing count.
#include <sstream>

#include "display.hpp"
#include "render.hpp"
#include "snippet.hpp"

namespace hjob::render {

namespace {

using detail::Paint;
using detail::Painter;

Paint paint_of(Severity s) { return s == Severity::error ? Paint::error : s == Severity::warning ? Paint::warning : Paint::note; }

void write_header(std::ostream& out, const std::optional<detail::Span>& at, Severity sev, std::string_view message,
                  std::string_view code, const Painter& paint) {
    if (at) out << paint(Paint::bold, detail::locus(*at) + ":") << ' ';
    else out << paint(Paint::bold, "hjob:") << ' ';
    out << paint(paint_of(sev), std::string(severity_name(sev)) + ":") << ' ' << detail::one_line(message);
    if (!code.empty()) out << " [" << code << ']';
    out << '\n';
}

// Terraform's convention for detail text: a line that starts with a space is preformatted and
// kept as it is; any other line is a paragraph, wrapped at the width.
void write_paragraph(std::ostream& out, std::string_view line, std::size_t width) {
    constexpr std::string_view indent = "  ";
    std::size_t used = 0;
    std::istringstream words{std::string(line)};
    for (std::string word; words >> word;) {
        const std::size_t w = detail::display_width(word);
        if (used > 0 && used + 1 + w > width) {
            out << '\n';
            used = 0;
        }
        out << (used == 0 ? indent : " ") << word;
        used += (used == 0 ? indent.size() : 1) + w;
    }
    out << '\n';
}

void write_detail(std::ostream& out, std::string_view detail, std::size_t width) {
    detail::for_each_line(detail, [&](std::string_view line) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) out << '\n';
        else if (line.front() == ' ') out << "  " << line << '\n';
        else write_paragraph(out, line, width);
    });
}

// A fix that could not be drawn under its line: a note of its own, at its own place.
std::string fix_message(const DiagnosticFix& f) {
    if (!f.title.empty()) return f.title;
    if (f.replacement.empty()) return "remove this";
    return "did you mean \"" + f.replacement + "\"?";
}

void write_diagnostic(std::ostream& out, const Diagnostic& d, const Options& options, const Painter& paint) {
    const auto at = detail::locate(d.subject);
    write_header(out, at, d.severity, d.summary, d.code, paint);
    std::vector<bool> shown(d.fixes.size(), false);
    if (at) detail::write_snippet(out, *at, d.fixes, shown, paint);
    if (!d.detail.empty()) write_detail(out, d.detail, options.width);
    for (std::size_t i = 0; i < d.fixes.size(); ++i) {
        if (shown[i]) continue;
        const auto where = detail::locate(d.fixes[i].where);
        write_header(out, where, Severity::note, fix_message(d.fixes[i]), {}, paint);
        if (where) detail::write_snippet(out, *where, {}, shown, paint);
    }
    for (const auto& note : d.notes) {
        const auto where = detail::locate(note.where);
        write_header(out, where, Severity::note, note.message, {}, paint);
        if (where) detail::write_snippet(out, *where, {}, shown, paint);
    }
}

std::string plural(std::size_t n, std::string_view word) {
    return std::to_string(n) + ' ' + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

void render_human(const Input& in, std::ostream& out, const Options& options) {
    const Painter paint{options.color};
    for (std::size_t i = 0; i < in.diagnostics.size(); ++i) {
        if (i > 0) out << '\n';
        write_diagnostic(out, in.diagnostics[i], options, paint);
    }
    const auto counts = detail::count(in.diagnostics);
    if (counts.errors + counts.warnings == 0) return;
    out << '\n' << plural(counts.errors, "error") << ", " << plural(counts.warnings, "warning") << ".\n";
}

}  // namespace hjob::render
