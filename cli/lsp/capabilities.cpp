// Capability negotiation (see capabilities.hpp).
#include "capabilities.hpp"

namespace hjob::lsp {

namespace {

// The value at `path` below `j`, or null when any step is missing.
Json at(const Json& j, std::initializer_list<const char*> path) {
    const Json* p = &j;
    for (const char* key : path) {
        if (!p->is_object() || !p->contains(key)) return {};
        p = &(*p)[key];
    }
    return *p;
}

}  // namespace

ClientFeatures read_client_features(const Json& params) {
    ClientFeatures f;
    const Json encodings = at(params, {"capabilities", "general", "positionEncodings"});
    if (encodings.is_array())
        for (const auto& e : encodings)
            if (e == "utf-8") f.encoding = Encoding::utf8;  // our offsets are bytes: no conversion at all
    f.snippets = at(params, {"capabilities", "textDocument", "completion", "completionItem", "snippetSupport"}) == true;
    return f;
}

Json initialize_result(const ClientFeatures& client) {
    Json capabilities{
        {"positionEncoding", client.encoding == Encoding::utf8 ? "utf-8" : "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2 /*Incremental*/}, {"save", {{"includeText", false}}}}},
        {"documentFormattingProvider", true},
        {"hoverProvider", true},
        {"completionProvider", {{"triggerCharacters", Json::array({"\""})}, {"resolveProvider", false}}},
        {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}},
        {"documentSymbolProvider", true},
    };
    return {{"capabilities", std::move(capabilities)}, {"serverInfo", {{"name", "hjob"}, {"version", "0.1.0"}}}};
}

}  // namespace hjob::lsp
