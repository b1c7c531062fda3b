// Document symbols (see symbols.hpp).
#include "symbols.hpp"

#include <map>

namespace hjob::lsp {

namespace {

// SymbolKind values of LSP, one per stanza that is listed.
int symbol_kind(std::string_view type) {
    static const std::map<std::string_view, int> kinds{
        {"job", 2 /*Module*/}, {"group", 3 /*Namespace*/}, {"task", 5 /*Class*/},
        {"service", 11 /*Interface*/}, {"variable", 13 /*Variable*/}};
    const auto it = kinds.find(type);
    return it == kinds.end() ? 0 : it->second;
}

// A service has no label: its name is its `name` argument (Nomad's default when absent).
std::string symbol_name(const OutlineBlock& b) {
    if (!b.labels.empty()) return b.labels[0].text.empty() ? std::string(b.type) : std::string(b.labels[0].text);
    if (const auto* name = b.attribute("name"); name != nullptr && name->string_value && !name->text.empty())
        return std::string(name->text);
    return std::string(b.type);
}

Json symbol(const Document& doc, const OutlineBlock& b, Encoding e) {
    const Range selection = b.labels.empty() ? b.type_range : b.labels[0].range;
    return {{"name", symbol_name(b)},
            {"detail", b.type},
            {"kind", symbol_kind(b.type)},
            {"range", doc.lines.range_json(b.range, e)},
            {"selectionRange", doc.lines.range_json(selection, e)},
            {"children", Json::array()}};
}

}  // namespace

Json document_symbols(const Document& doc, const Outline& outline, Encoding encoding) {
    // Blocks come parents first, so each listed block's nearest listed ancestor is already
    // placed; `where[i]` is the JSON pointer of block i's symbol (or of its nearest listed one).
    Json root{{"children", Json::array()}};
    std::vector<Json::json_pointer> where(outline.blocks.size(), Json::json_pointer("/children"));
    for (std::size_t i = 1; i < outline.blocks.size(); ++i) {
        const OutlineBlock& b = outline.blocks[i];
        const auto& parent = where[static_cast<std::size_t>(b.parent)];
        if (symbol_kind(b.type) == 0) {
            where[i] = parent;
            continue;
        }
        Json& list = root[parent];
        list.push_back(symbol(doc, b, encoding));
        where[i] = parent / (list.size() - 1) / "children";
    }
    return root["children"];
}

}  // namespace hjob::lsp
