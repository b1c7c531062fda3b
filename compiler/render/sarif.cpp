// The sarif format: SARIF 2.1.0 as GitHub code scanning reads it. One run whose driver lists
// a rule per diagnostic code (stable ids: the codes themselves), results with repository-
// relative artifact URIs under %SRCROOT%, code-point columns, notes as related locations and
// fixes as SARIF fixes. Validated against the 2.1.0 schema by tests/cli/check_formats_test.cpp.
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "render.hpp"
#include "rules.hpp"

namespace hjob::render {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string level_of(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note"; }

std::string rule_id(const Diagnostic& d) { return d.code.empty() ? "hjob/unclassified" : d.code; }

// RFC 3986: everything but unreserved characters and '/' percent-encoded.
std::string percent_encode(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') out += ch;
        else out += '%', out += hex[c >> 4], out += hex[c & 15];
    }
    return out;
}

fs::path root_of(const Options& o) {
    std::error_code ec;
    const fs::path root = o.source_root.empty() ? fs::current_path(ec) : fs::path(o.source_root);
    return fs::weakly_canonical(root, ec);
}

// A path under the root becomes relative to %SRCROOT% (what GitHub needs to place it in the
// repository); any other path an absolute file: URI.
Json artifact_json(const std::string& name, const fs::path& root) {
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(name, ec), ec);
    const fs::path rel = abs.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != "..")
        return Json{{"uri", percent_encode(rel.generic_string())}, {"uriBaseId", "%SRCROOT%"}};
    return Json{{"uri", "file://" + percent_encode(abs.generic_string())}};
}

// Columns in code points ("unicodeCodePoints"), 1-based.
std::size_t cp_column(const SourceFile& f, const Position& p) {
    const auto text = f.line_text(p.line);
    const auto base = static_cast<std::uint32_t>(text.data() - f.text().data());
    return detail::code_points(text.substr(0, std::min<std::size_t>(p.byte - base, text.size()))) + 1;
}

// file:///abs/dir/ with exactly one final slash, as SARIF wants for a base URI.
std::string directory_uri(const fs::path& dir) {
    std::string path = dir.generic_string();
    if (path.empty() || path.back() != '/') path += '/';
    return "file://" + percent_encode(path);
}

Json region_json(const detail::Span& s) {
    return Json{{"startLine", s.start.line},
                {"startColumn", cp_column(*s.file, s.start)},
                {"endLine", s.end.line},
                {"endColumn", cp_column(*s.file, s.end)}};
}

Json physical(const detail::Span& s, const fs::path& root) {
    return Json{{"artifactLocation", artifact_json(s.file->name(), root)}, {"region", region_json(s)}};
}

Json message(const std::string& text) { return Json{{"text", text.empty() ? std::string("(no message)") : text}}; }

Json fix_json(const DiagnosticFix& f, const fs::path& root) {
    const auto s = detail::locate(f.where);
    Json change{{"artifactLocation", artifact_json(s->file->name(), root)},
                {"replacements", Json::array({Json{{"deletedRegion", region_json(*s)},
                                                   {"insertedContent", Json{{"text", f.replacement}}}}})}};
    const std::string title = f.title.empty() ? "Replace with \"" + f.replacement + "\"" : f.title;
    return Json{{"description", message(title)}, {"artifactChanges", Json::array({change})}};
}

Json result_json(const Diagnostic& d, std::size_t rule_index, const fs::path& root) {
    const std::string text = d.detail.empty() ? d.summary : d.summary + "\n\n" + d.detail;
    Json r{{"ruleId", rule_id(d)}, {"ruleIndex", rule_index}, {"level", level_of(d.severity)}, {"message", message(text)}};
    if (const auto s = detail::locate(d.subject)) r["locations"] = Json::array({Json{{"physicalLocation", physical(*s, root)}}});
    int id = 0;
    for (const auto& n : d.notes)
        if (const auto s = detail::locate(n.where))
            r["relatedLocations"].push_back(Json{{"id", id++}, {"physicalLocation", physical(*s, root)}, {"message", message(n.message)}});
    for (const auto& f : d.fixes)
        if (f.where.file != nullptr) r["fixes"].push_back(fix_json(f, root));
    return r;
}

Json rule_json(const Diagnostic& first) {
    const RuleText t = describe_rule(first.code, first.summary);
    return Json{{"id", rule_id(first)},
                {"shortDescription", message(t.short_description)},
                {"fullDescription", message(t.full_description)},
                {"help", message(t.help)},
                {"defaultConfiguration", Json{{"level", level_of(first.severity)}}}};
}

}  // namespace

void render_sarif(const Input& in, std::ostream& out, const Options& options) {
    const fs::path root = root_of(options);
    Json rules = Json::array(), results = Json::array();
    std::map<std::string, std::size_t> index;
    for (const auto& d : in.diagnostics) {
        const auto [it, fresh] = index.try_emplace(rule_id(d), index.size());
        if (fresh) rules.push_back(rule_json(d));
        results.push_back(result_json(d, it->second, root));
    }
    Json driver{{"name", "hjob"},
                {"version", options.tool_version},
                {"semanticVersion", options.tool_version},
                {"informationUri", options.information_uri},
                {"rules", rules}};
    Json run{{"tool", Json{{"driver", driver}}},
             {"originalUriBaseIds", Json{{"%SRCROOT%", Json{{"uri", directory_uri(root)}}}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", results}};
    Json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace hjob::render
