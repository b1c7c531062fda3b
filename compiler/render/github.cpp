// The github format: GitHub Actions workflow commands (::error, ::warning, ::notice) that
// become annotations on the pull request, escaped as actions/toolkit escapes them. GitHub shows
// at most 10 annotations of each kind per step, so the full human report follows, folded into
// a log group.
#include <sstream>

#include "common.hpp"
#include "render.hpp"

namespace hjob::render {

namespace {

std::string escape_data(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string escape_property(std::string_view text) {
    std::string out;
    for (const char c : escape_data(text)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

std::string_view command_of(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "notice"; }

// file, line, endLine, col, endColumn: GitHub uses the columns only when line == endLine.
std::string properties(const Diagnostic& d) {
    std::string p;
    if (const auto s = detail::locate(d.subject)) {
        p += "file=" + escape_property(s->file->name()) + ",line=" + std::to_string(s->start.line) +
             ",endLine=" + std::to_string(s->end.line) + ",col=" + std::to_string(s->start.column);
        if (s->end.line == s->start.line) p += ",endColumn=" + std::to_string(s->end.column);
        p += ',';
    }
    std::string title = d.summary;
    if (!d.code.empty()) title += " [" + d.code + "]";
    return p + "title=" + escape_property(title);
}

// The annotation's text: the detail (the title already has the summary) and the notes.
std::string message_of(const Diagnostic& d) {
    std::string m = d.detail.empty() ? d.summary : d.detail;
    for (const auto& n : d.notes) {
        m += "\nnote: ";
        if (const auto s = detail::locate(n.where)) m += detail::locus(*s) + ": ";
        m += n.message;
    }
    return m;
}

}  // namespace

void render_github(const Input& in, std::ostream& out, const Options& options) {
    for (const auto& d : in.diagnostics)
        out << "::" << command_of(d.severity) << ' ' << properties(d) << "::" << escape_data(message_of(d)) << '\n';
    if (in.diagnostics.empty()) return;
    Options plain = options;
    plain.color = false;
    out << "::group::hjob check report\n";
    render_human(in, out, plain);
    out << "::endgroup::\n";
}

}  // namespace hjob::render
