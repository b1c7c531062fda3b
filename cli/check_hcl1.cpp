// Legacy HCL1 detection (see check_hcl1.hpp). Only lines that the HCL2 parser already rejected
// are looked at, so a valid HCL2 map such as env = { "a.b" = "x" } is never taken for HCL1.
#include "check_hcl1.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace hjob::cli {

namespace {

// An HCL1 form found on a line: where it is (byte offsets in the line) and what it is.
struct Form {
    std::size_t begin = 0, end = 0;
    const char* what = nullptr;
};

bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i;
}

// `=` that is an assignment (not `==`), or `{`, at i after blanks.
bool assigns_or_opens(std::string_view s, std::size_t i, bool brace_ok) {
    i = skip_blanks(s, i);
    if (i >= s.size()) return false;
    if (s[i] == '{') return brace_ok;
    return s[i] == '=' && (i + 1 >= s.size() || s[i + 1] != '=');
}

// `"name" = value` or `"type" {`: HCL1 allowed quoted keys where HCL2 wants identifiers.
std::optional<Form> quoted_name(std::string_view s) {
    const std::size_t b = skip_blanks(s, 0);
    if (b >= s.size() || s[b] != '"') return std::nullopt;
    std::size_t i = b + 1;
    while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
    if (i >= s.size() || !assigns_or_opens(s, i + 1, true)) return std::nullopt;
    return Form{b, i + 1, "a quoted argument name"};
}

// `a.b = value`: HCL1 identifiers could contain dots, HCL2 identifiers cannot.
std::optional<Form> dotted_name(std::string_view s) {
    const std::size_t b = skip_blanks(s, 0);
    std::size_t i = b, dots = 0;
    while (i < s.size() && (ident_char(s[i]) || (s[i] == '.' && i > b && i + 1 < s.size() && ident_char(s[i + 1]))))
        dots += s[i++] == '.';
    if (dots == 0 || !assigns_or_opens(s, i, false)) return std::nullopt;
    return Form{b, i, "a dotted argument name"};
}

// `block { a = 1, b = 2 }`: HCL1 separated arguments with commas, HCL2 wants one per line.
std::optional<Form> comma_arguments(std::string_view s) {
    const std::size_t open = s.find('{');
    bool quoted = false;
    for (std::size_t i = open == std::string_view::npos ? s.size() : open + 1; i < s.size(); ++i) {
        if (s[i] == '"' && s[i - 1] != '\\') quoted = !quoted;
        if (quoted || s[i] != ',') continue;
        std::size_t j = skip_blanks(s, i + 1), k = j;
        while (k < s.size() && ident_char(s[k])) ++k;
        if (k > j && assigns_or_opens(s, k, false)) return Form{i, i + 1, "arguments separated by commas"};
    }
    return std::nullopt;
}

// `update { stagger = "10s"` with more arguments on the next lines: HCL1 allowed it, HCL2
// reads an argument after `{` as a single-line block that must close on that line.
std::optional<Form> argument_after_brace(std::string_view s) {
    const std::size_t open = s.find('{');
    if (open == std::string_view::npos || s.find('}', open) != std::string_view::npos) return std::nullopt;
    const std::size_t j = skip_blanks(s, open + 1);
    std::size_t k = j;
    while (k < s.size() && ident_char(s[k])) ++k;
    if (k == j || !assigns_or_opens(s, k, false)) return std::nullopt;
    return Form{j, k, "an argument on the line of its block's opening brace"};
}

std::optional<Form> hcl1_form(std::string_view line, std::string_view code) {
    if (auto f = quoted_name(line)) return f;
    if (auto f = dotted_name(line)) return f;
    if (auto f = comma_arguments(line)) return f;
    if (code == "syntax/invalid-oneline-block") return argument_after_brace(line);
    return std::nullopt;
}

// The parser's own codes for forms only HCL1 had: the subject is the form.
const char* form_of_code(std::string_view code) {
    if (code == "syntax/comma-after-argument") return "arguments separated by commas";
    if (code == "syntax/quoted-argument-name") return "a quoted argument name";
    return nullptr;
}

// Paragraphs and preformatted example lines (leading spaces), as the human format wraps them.
std::string detail_text(const Form& form, std::uint32_t line, std::size_t errors) {
    const std::string hidden = errors == 1 ? "1 error in this file; it is not shown because it follows"
                                           : std::to_string(errors) + " errors in this file; they are not shown because they follow";
    return "This file looks like legacy HCL1 (" + std::string(form.what) + " on line " + std::to_string(line) +
           "). Nomad 1.9 removed its HCL1 parser: job files must be HCL2, the syntax hjob reads. The HCL2 parser "
           "reported " + hidden + " from the HCL1 forms.\n\n"
           "To migrate, write argument names without quotes, write each argument of a block on its own line "
           "(not after commas, nor on the line of the opening brace), and put keys that need quotes or dots into "
           "a map argument:\n"
           "    env = { \"a.b\" = \"x\" }    # instead of: env { \"a.b\" = \"x\" }\n"
           "Then run hjob check again.";
}

}  // namespace

std::optional<Diagnostic> detect_hcl1(const SourceFile& file, const Diagnostics& diags) {
    std::size_t errors = 0;
    for (const auto& d : diags) errors += d.severity == Severity::error ? 1 : 0;
    for (const auto& d : diags) {
        if (d.severity != Severity::error || d.subject.file != &file) continue;
        const std::uint32_t line = file.position(d.subject.range.begin).line;
        const std::string_view text = file.line_text(line);
        const auto base = static_cast<std::uint32_t>(text.data() - file.text().data());
        auto form = hcl1_form(text, d.code);
        if (const char* what = form ? nullptr : form_of_code(d.code))
            form = Form{d.subject.range.begin - base, std::max(d.subject.range.end, d.subject.range.begin) - base, what};
        if (!form) continue;
        Diagnostic out;
        out.code = hcl1_code;
        out.summary = "Legacy HCL1 syntax";
        out.detail = detail_text(*form, line, errors);
        out.subject = {&file, {base + static_cast<std::uint32_t>(form->begin), base + static_cast<std::uint32_t>(form->end)}};
        return out;
    }
    return std::nullopt;
}

}  // namespace hjob::cli
