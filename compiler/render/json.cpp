// The json format: the document of `terraform validate -json` (format_version 1.0, valid,
// error_count, warning_count, diagnostics with range and snippet), plus hjob's additive keys:
// code on each diagnostic, and notes and fixes when it has some. The schema of the whole is
// man/hjob-check-json.schema.json.
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "render.hpp"

namespace hjob::render {

namespace {

using Json = nlohmann::ordered_json;

Json position_json(const Position& p) { return Json{{"line", p.line}, {"column", p.column}, {"byte", p.byte}}; }

Json range_json(const detail::Span& s) {
    return Json{{"filename", s.file->name()}, {"start", position_json(s.start)}, {"end", position_json(s.end)}};
}

// The lines a snippet shows: those of the subject, widened to the context range when it is in
// the same file, as Terraform does. A range that ends at a line start ends on the line before.
std::pair<std::uint32_t, std::uint32_t> snippet_lines(const Diagnostic& d, const detail::Span& subject) {
    std::uint32_t first = subject.start.line;
    std::uint32_t last = subject.end.line > first && subject.end.column == 1 ? subject.end.line - 1 : subject.end.line;
    if (d.context.file == subject.file) {
        if (const auto c = detail::locate(d.context)) {
            first = std::min(first, c->start.line);
            last = std::max(last, c->end.line > c->start.line && c->end.column == 1 ? c->end.line - 1 : c->end.line);
        }
    }
    return {first, last};
}

// Offsets into `code` count characters as columns do, so that on the first line of the
// subject highlight_start_offset equals range.start.column - 1 (Terraform documents
// character offsets).
Json snippet_json(const Diagnostic& d, const detail::Span& s) {
    const auto [first, last] = snippet_lines(d, s);
    std::string code;
    std::uint32_t chars = 0, start = 0, end = 0;
    for (std::uint32_t line = first; line <= last; ++line) {
        if (line > first) code += '\n', ++chars;
        if (line == s.start.line) start = chars + s.start.column - 1;
        if (line == s.end.line) end = chars + s.end.column - 1;
        const auto text = s.file->line_text(line);
        code += text;
        chars += count_columns(text);
    }
    if (s.end.line > last) end = chars;
    return Json{{"context", nullptr},
                {"code", code},
                {"start_line", first},
                {"highlight_start_offset", std::min(start, chars)},
                {"highlight_end_offset", std::clamp(end, std::min(start, chars), chars)},
                {"values", Json::array()}};
}

Json located(Json j, const SourceRange& where) {
    if (const auto s = detail::locate(where)) j["range"] = range_json(*s);
    return j;
}

Json diagnostic_json(const Diagnostic& d) {
    Json j{{"severity", severity_name(d.severity)}, {"code", d.code}, {"summary", d.summary}, {"detail", d.detail}};
    if (const auto s = detail::locate(d.subject)) {
        j["range"] = range_json(*s);
        j["snippet"] = snippet_json(d, *s);
    }
    for (const auto& n : d.notes) j["notes"].push_back(located(Json{{"message", n.message}}, n.where));
    for (const auto& f : d.fixes)
        j["fixes"].push_back(located(Json{{"title", f.title}, {"replacement", f.replacement}}, f.where));
    return j;
}

}  // namespace

void render_json(const Input& in, std::ostream& out, const Options&) {
    const auto counts = detail::count(in.diagnostics);
    Json doc{{"format_version", "1.0"},
             {"valid", counts.errors == 0},
             {"error_count", counts.errors},
             {"warning_count", counts.warnings},
             {"diagnostics", Json::array()}};
    for (const auto& d : in.diagnostics) doc["diagnostics"].push_back(diagnostic_json(d));
    // Invalid UTF-8 in a file name or message becomes U+FFFD rather than an exception.
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace hjob::render
