// GNU-style diagnostic text. Columns are HCL's (characters, 1-based), which is also what
// GNU's format asks for.
#include "diagnostic_text.hpp"

#include <algorithm>

namespace hjob::render {

namespace {

std::string location(const SourceRange& where) {
    if (where.file == nullptr) return "hjob";
    const Position p = where.file->position(where.range.begin);
    return where.file->name() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

void append_indented(std::string& out, const std::string& text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = std::min(text.find('\n', start), text.size());
        out += "  ";
        out.append(text, start, nl - start);
        out += '\n';
        start = nl + 1;
    }
}

// " 12 | the line" and "    |    ^~~~" under the subject (to the end of its first line).
void append_snippet(std::string& out, const SourceRange& where) {
    if (where.file == nullptr) return;
    const Position b = where.file->position(where.range.begin);
    const Position e = where.file->position(where.range.end);
    const std::string_view line = where.file->line_text(b.line);
    const std::string num = std::to_string(b.line);
    const std::uint32_t last = e.line == b.line ? std::max(e.column, b.column + 1) : count_columns(line) + 1;
    out += " " + num + " | ";
    out.append(line);
    out += "\n " + std::string(num.size(), ' ') + " | " + std::string(b.column - 1, ' ') + "^";
    out += std::string(last > b.column + 1 ? last - b.column - 1 : 0, '~') + "\n";
}

}  // namespace

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
    }
    return "error";
}

std::string gcc_style(const Diagnostic& d, const TextOptions& options) {
    std::string out = location(d.subject) + ": " + severity_name(d.severity) + ": " + d.summary + "\n";
    if (options.source_snippet) append_snippet(out, d.subject);
    if (!d.detail.empty()) append_indented(out, d.detail);
    for (const auto& note : d.notes) out += location(note.where) + ": note: " + note.message + "\n";
    return out;
}

void write_gcc_style(std::ostream& out, const Diagnostics& diags, const TextOptions& options) {
    for (const auto& d : diags) out << gcc_style(d, options);
}

}  // namespace hjob::render
