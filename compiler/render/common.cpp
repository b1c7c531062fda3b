// Helpers shared by the renderers (see common.hpp).
#include "common.hpp"

#include <algorithm>

#include "diagnostic_text.hpp"

namespace hjob::render::detail {

std::optional<Span> locate(const SourceRange& where) {
    if (where.file == nullptr) return std::nullopt;
    const auto size = static_cast<std::uint32_t>(where.file->text().size());
    const auto begin = std::min(where.range.begin, size);
    const auto end = std::clamp(where.range.end, begin, size);
    return Span{where.file, where.file->position(begin), where.file->position(end)};
}

std::string locus(const Span& s) {
    return s.file->name() + ':' + std::to_string(s.start.line) + ':' + std::to_string(s.start.column);
}

Counts count(const Diagnostics& ds) {
    Counts c;
    for (const auto& d : ds) {
        if (d.severity == Severity::error) ++c.errors;
        else if (d.severity == Severity::warning) ++c.warnings;
        else ++c.notes;
    }
    return c;
}

std::vector<FileGroup> group_by_file(const Diagnostics& ds, std::span<const SourceFile* const> files) {
    std::vector<FileGroup> groups;
    for (const auto* f : files) groups.push_back({f, {}});
    auto group_of = [&](const SourceFile* f) -> FileGroup& {
        for (auto& g : groups)
            if (g.file == f) return g;
        return groups.emplace_back(FileGroup{f, {}});
    };
    for (const auto& d : ds)
        if (d.subject.file != nullptr) group_of(d.subject.file).diagnostics.push_back(&d);
    for (const auto& d : ds)
        if (d.subject.file == nullptr) group_of(nullptr).diagnostics.push_back(&d);
    return groups;
}

std::string gnu_text(const Diagnostic& d) {
    std::string out;
    if (const auto s = locate(d.subject)) out += locus(*s) + ": ";
    out += severity_name(d.severity);
    out += ": " + summary_and_detail(d);
    if (!d.code.empty()) out += " [" + d.code + "]";
    for (const auto& n : d.notes) {
        out += "; note: ";
        if (const auto s = locate(n.where)) out += locus(*s) + ": ";
        out += one_line(n.message);
    }
    return out;
}

namespace {

constexpr std::string_view replacement_char = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, no surrogates,
// nothing past U+10FFFF), 0 for a byte that starts none. Stricter than the scanner's test,
// because XML parsers and JSON validators reject what it lets through.
std::size_t strict_length(const unsigned char* p, const unsigned char* end) {
    const unsigned b0 = p[0];
    if (b0 < 0x80) return 1;
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) n = 3, lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    else if (b0 >= 0xF0 && b0 <= 0xF4) n = 4, lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (n == 0 || static_cast<std::size_t>(end - p) < n || p[1] < lo || p[1] > hi) return 0;
    for (std::size_t i = 2; i < n; ++i)
        if ((p[i] & 0xC0) != 0x80) return 0;
    return n;
}

// Walks `text` as UTF-8, calling keep(sequence) for each well-formed sequence and bad() for
// each byte that starts none.
template <class Keep, class Bad>
void scan_utf8(std::string_view text, Keep keep, Bad bad) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const std::size_t n = strict_length(p, end);
        if (n == 0) {
            bad();
            ++p;
        } else {
            keep(std::string_view(reinterpret_cast<const char*>(p), n));
            p += n;
        }
    }
}

}  // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    scan_utf8(text, [&](std::string_view s) { out += s; }, [&] { out += replacement_char; });
    return out;
}

std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\n' || c == '\t') out += ' ';
        else if (c != '\r') out += c;
    }
    return out;
}

std::string summary_and_detail(const Diagnostic& d) {
    if (d.detail.empty()) return one_line(d.summary);
    return one_line(d.summary) + "; " + one_line(d.detail);
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    auto keep = [&](std::string_view s) {
        const char c = s[0];
        if (s == "\xEF\xBF\xBE" || s == "\xEF\xBF\xBF") out += replacement_char;  // U+FFFE, U+FFFF
        else if (s.size() > 1) out += s;
        else if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else if (c == '\'') out += "&apos;";
        else if (c == '\n') out += "&#10;";  // kept through attribute-value normalisation
        else if (c == '\t') out += "&#9;";
        else if (c == '\r') out += "&#13;";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += replacement_char;
        else out += c;
    };
    scan_utf8(text, keep, [&] { out += replacement_char; });
    return out;
}

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    scan_utf8(text, [&](std::string_view) { ++n; }, [&] { ++n; });
    return n;
}

}  // namespace hjob::render::detail
