// The gnu format: one line per diagnostic and one per note,
// "file:line:col-endline:endcol: error: summary; detail [code]", which Vim's and reviewdog's
// errorformat read as %f:%l:%c-%e:%k: %t%*[a-z]: %m.
#include "common.hpp"
#include "render.hpp"

namespace hjob::render {

namespace {

std::string range_locus(const std::optional<detail::Span>& at) {
    if (!at) return "hjob";
    return detail::locus(*at) + '-' + std::to_string(at->end.line) + ':' + std::to_string(at->end.column);
}

void write_line(std::ostream& out, const SourceRange& where, Severity sev, const std::string& message,
                std::string_view code) {
    out << range_locus(detail::locate(where)) << ": " << severity_name(sev) << ": " << message;
    if (!code.empty()) out << " [" << code << ']';
    out << '\n';
}

}  // namespace

void render_gnu(const Input& in, std::ostream& out, const Options&) {
    for (const auto& d : in.diagnostics) {
        write_line(out, d.subject, d.severity, detail::summary_and_detail(d), d.code);
        for (const auto& note : d.notes) write_line(out, note.where, Severity::note, detail::one_line(note.message), {});
    }
}

}  // namespace hjob::render
