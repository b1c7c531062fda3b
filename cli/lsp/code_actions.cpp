// Code actions (see code_actions.hpp).
#include "code_actions.hpp"

namespace hjob::lsp {

namespace {

// Whether the client's `only` filter (CodeActionKind prefixes) admits "quickfix".
bool wants_quickfix(const Json& context) {
    if (!context.contains("only")) return true;
    for (const auto& kind : context["only"])
        if (kind.is_string() && (kind == "quickfix" || kind == "")) return true;
    return false;
}

}  // namespace

Json code_actions(const Document& doc, const CheckResult& result, const Json& params, Encoding) {
    Json actions = Json::array();
    const Json& range = params.at("range");
    const LspPosition from = parse_position(range.at("start")), to = parse_position(range.at("end"));
    if (!wants_quickfix(params.value("context", Json::object()))) return actions;
    for (const auto& d : result.diagnostics) {
        if (d.end < from || to < d.start) continue;  // the diagnostic does not touch the range
        for (const auto& f : d.fixes) {
            Json edit{{"range", f.range}, {"newText", f.new_text}};
            actions.push_back({{"title", f.title},
                               {"kind", "quickfix"},
                               {"diagnostics", Json::array({d.diagnostic})},
                               {"isPreferred", d.fixes.size() == 1},
                               {"edit", {{"changes", {{doc.uri, Json::array({edit})}}}}}});
        }
    }
    return actions;
}

}  // namespace hjob::lsp
