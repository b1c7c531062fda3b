// hjob's Diagnostics -> LSP Diagnostic objects (see diagnostics.hpp).
#include "diagnostics.hpp"

#include <map>

#include "cli/check_file.hpp"
#include "compiler/render/common.hpp"
#include "grammar/parser.hpp"
#include "uri.hpp"
#include "var_files.hpp"

namespace hjob::lsp {

namespace {

int lsp_severity(Severity s) {
    switch (s) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::note: return 3;
    }
    return 1;
}

// Converts ranges of the document's file (with the document's line index) and of any other
// file a diagnostic names (a var file: an index over that file's text).
class Converter {
public:
    Converter(const Document& doc, const SourceFile& own, Encoding e) : doc_(doc), own_(own), encoding_(e) {}

    bool in_document(const SourceRange& r) const { return r.file == &own_; }

    /// The range of `r`, clamped as `hjob check` clamps it (render::detail::locate).
    std::pair<LspPosition, LspPosition> positions(const SourceRange& r) {
        const auto span = render::detail::locate(r);
        if (!span) return {};
        const LineIndex& index = index_of(*r.file);
        return {index.position(span->start.byte, encoding_), index.position(span->end.byte, encoding_)};
    }

    Json range(const SourceRange& r) {
        const auto [a, b] = positions(r);
        return {{"start", {{"line", a.line}, {"character", a.character}}}, {"end", {{"line", b.line}, {"character", b.character}}}};
    }

    Json location(const SourceRange& r) {
        if (r.file == nullptr) return {{"uri", doc_.uri}, {"range", range({})}};
        return {{"uri", in_document(r) ? doc_.uri : path_to_uri(r.file->name())}, {"range", range(r)}};
    }

private:
    const LineIndex& index_of(const SourceFile& f) {
        if (&f == &own_) return doc_.lines;
        auto it = others_.find(&f);
        if (it == others_.end()) it = others_.emplace(&f, LineIndex(f.text())).first;
        return it->second;
    }

    const Document& doc_;
    const SourceFile& own_;
    Encoding encoding_;
    std::map<const SourceFile*, LineIndex> others_;
};

// "file:line:col: " for a diagnostic shown in the document but located in another file.
std::string elsewhere(const SourceRange& r) {
    const auto span = render::detail::locate(r);
    return span ? render::detail::locus(*span) + ": " : std::string();
}

LspDiagnostic convert(const Diagnostic& d, Converter& conv) {
    LspDiagnostic out;
    const bool own = conv.in_document(d.subject);
    // A problem in a var file (or with no place at all) is shown at the top of the job file,
    // with the var file's location as related information.
    if (own) std::tie(out.start, out.end) = conv.positions(d.subject);
    std::string message = d.summary;
    if (!d.detail.empty()) message += ": " + d.detail;
    if (!own && d.subject.file != nullptr) message = elsewhere(d.subject) + message;
    Json j{{"range", {{"start", {{"line", out.start.line}, {"character", out.start.character}}},
                      {"end", {{"line", out.end.line}, {"character", out.end.character}}}}},
           {"severity", lsp_severity(d.severity)},
           {"source", "hjob"},
           {"message", message}};
    if (!d.code.empty()) j["code"] = d.code;
    Json related = Json::array();
    if (!own && d.subject.file != nullptr) related.push_back({{"location", conv.location(d.subject)}, {"message", d.summary}});
    for (const auto& n : d.notes) related.push_back({{"location", conv.location(n.where)}, {"message", n.message}});
    if (!related.empty()) j["relatedInformation"] = std::move(related);
    for (const auto& f : d.fixes)
        if (conv.in_document(f.where)) out.fixes.push_back({conv.range(f.where), f.replacement, f.title});
    out.diagnostic = std::move(j);
    return out;
}

}  // namespace

std::shared_ptr<const CheckResult> check_document(const Document& doc, Encoding encoding) {
    cli::Checked c;
    c.file = std::make_unique<SourceFile>(doc.path.empty() ? doc.uri : doc.path, doc.text);
    if (is_var_file(doc.path)) {
        c.diagnostics = syntax::parse_config(*c.file).diagnostics;
    } else {
        cli::check_file(c, variable_inputs(doc.path));
    }
    auto result = std::make_shared<CheckResult>();
    Converter conv(doc, *c.file, encoding);
    for (const auto& d : c.diagnostics) result->diagnostics.push_back(convert(d, conv));
    return result;
}

Json publish_params(const Document& doc, const CheckResult& result) {
    Json list = Json::array();
    for (const auto& d : result.diagnostics) list.push_back(d.diagnostic);
    return {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(list)}};
}

}  // namespace hjob::lsp
