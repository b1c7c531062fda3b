// The checkstyle format: Checkstyle's XML report (what reviewdog -f=checkstyle, Jenkins'
// warnings plugin and many CI dashboards read): a <file> per checked file, an <error> per
// diagnostic with its line, column, severity, message and the code as source.
#include "common.hpp"
#include "render.hpp"

namespace hjob::render {

namespace {

std::string_view checkstyle_severity(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "info"; }

std::string message_of(const Diagnostic& d) {
    std::string m = detail::summary_and_detail(d);
    for (const auto& n : d.notes) {
        m += "; note: ";
        if (const auto s = detail::locate(n.where)) m += detail::locus(*s) + ": ";
        m += detail::one_line(n.message);
    }
    return m;
}

void write_error(std::ostream& out, const Diagnostic& d) {
    out << "    <error";
    if (const auto s = detail::locate(d.subject)) out << " line=\"" << s->start.line << "\" column=\"" << s->start.column << '"';
    out << " severity=\"" << checkstyle_severity(d.severity) << "\" message=\"" << detail::xml_escape(message_of(d))
        << "\" source=\"" << detail::xml_escape(d.code.empty() ? "hjob" : "hjob." + d.code) << "\"/>\n";
}

}  // namespace

void render_checkstyle(const Input& in, std::ostream& out, const Options&) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
    for (const auto& g : detail::group_by_file(in.diagnostics, in.files)) {
        out << "  <file name=\"" << detail::xml_escape(g.file ? g.file->name() : "hjob") << '"';
        if (g.diagnostics.empty()) {
            out << "/>\n";
            continue;
        }
        out << ">\n";
        for (const auto* d : g.diagnostics) write_error(out, *d);
        out << "  </file>\n";
    }
    out << "</checkstyle>\n";
}

}  // namespace hjob::render
