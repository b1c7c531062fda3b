// Completion (see completion.hpp).
#include "completion.hpp"

#include <algorithm>
#include <cctype>

#include "schema_docs.hpp"

namespace hjob::lsp {

namespace {

// CompletionItemKind values of LSP.
constexpr int kind_property = 10;
constexpr int kind_value = 12;
constexpr int kind_struct = 22;

Json markdown(const std::string& text) { return {{"kind", "markdown"}, {"value", text}}; }

bool identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

// Whether the text from the start of the line (or of the body, for a one-line block) to the
// cursor is blank space and at most one identifier: the place of a new argument or block.
bool at_item_start(const Outline& o, const OutlineBlock& b, std::uint32_t offset) {
    const std::string_view text = o.file->text();
    std::uint32_t i = offset;
    while (i > b.body.begin && identifier_char(text[i - 1])) --i;
    while (i > b.body.begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    return i == b.body.begin || text[i - 1] == '\n' || text[i - 1] == '\r';
}

Json attribute_item(const schema::Attribute& a) {
    Json item{{"label", a.name},
              {"kind", kind_property},
              {"detail", attribute_detail(a)},
              {"documentation", markdown(attribute_markdown(a))},
              {"insertText", std::string(a.name) + " = "},
              {"sortText", (a.required ? "0" : "1") + std::string(a.name)}};
    if (a.deprecated) item["tags"] = Json::array({1});
    return item;
}

Json block_item(const schema::Block& b, bool snippets) {
    Json item{{"label", b.name},
              {"kind", kind_struct},
              {"detail", block_detail(b)},
              {"documentation", markdown(block_markdown(b))},
              {"insertText", b.name},
              {"sortText", "2" + std::string(b.name)}};
    if (snippets) {
        const std::string label = b.label.empty() ? "" : " \"${1:" + std::string(b.label) + "}\"";
        item["insertText"] = std::string(b.name) + label + " {\n\t$0\n}";
        item["insertTextFormat"] = 2;
    }
    if (b.deprecated) item["tags"] = Json::array({1});
    return item;
}

// Arguments not yet set (the one being typed aside) and blocks that may still be added.
Json item_completions(const Outline& o, int index, std::uint32_t offset, bool snippets) {
    const schema::Block* s = o.schema_of(index);
    Json items = Json::array();
    if (s == nullptr || s->kind != schema::BodyKind::fixed) return items;
    const OutlineBlock& b = o.blocks[static_cast<std::size_t>(index)];
    for (const auto& a : s->attributes) {
        const auto* set = b.attribute(a.name);
        if (set == nullptr || (set->name_range.begin <= offset && offset <= set->name_range.end)) items.push_back(attribute_item(a));
    }
    for (const schema::Block* child : s->blocks) {
        const bool present = std::any_of(o.blocks.begin(), o.blocks.end(), [&](const OutlineBlock& c) {
            return c.parent == index && c.type == child->name && !(c.type_range.begin <= offset && offset <= c.type_range.end);
        });
        if (child->repeatable || !present) items.push_back(block_item(*child, snippets));
    }
    return items;
}

Json value_items(const schema::Attribute& a, bool quoted) {
    Json items = Json::array();
    for (auto v : schema::allowed_values(a)) {
        if (v.empty()) continue;
        const std::string text = quoted ? std::string(v) : "\"" + std::string(v) + "\"";
        items.push_back({{"label", text}, {"kind", kind_value}, {"detail", std::string(a.name)},
                         {"documentation", markdown(attribute_markdown(a))}, {"insertText", text}});
    }
    return items;
}

// Allowed values when the cursor is in the plain string value of an argument, or right after
// its `=` with nothing typed yet. Null when the cursor is not in an argument's value.
Json value_completions(const Outline& o, int index, std::uint32_t offset) {
    const std::string_view text = o.file->text();
    for (const auto& a : o.blocks[static_cast<std::size_t>(index)].attributes) {
        const bool in_string = a.string_value && a.string_range.begin <= offset && offset <= a.string_range.end;
        bool after_equals = a.equals_end <= offset;
        for (std::uint32_t i = a.equals_end; after_equals && i < offset; ++i) after_equals = text[i] == ' ' || text[i] == '\t';
        if (!in_string && !after_equals) continue;
        const schema::Block* s = o.schema_of(index);
        const schema::Attribute* sa = s == nullptr ? nullptr : schema::find_attribute(*s, a.name);
        return sa == nullptr ? Json::array() : value_items(*sa, in_string);
    }
    return {};
}

}  // namespace

Json completion(const Document&, const Outline& outline, std::uint32_t offset, bool snippets) {
    Json items = Json::array();
    const Region* region = outline.region_at(offset);
    const bool quiet = region != nullptr && (region->kind == RegionKind::heredoc || region->kind == RegionKind::comment);
    const int index = outline.innermost_block(offset);
    if (!quiet) {
        if (Json values = value_completions(outline, index, offset); !values.is_null()) items = std::move(values);
        else if (region == nullptr && at_item_start(outline, outline.blocks[static_cast<std::size_t>(index)], offset))
            items = item_completions(outline, index, offset, snippets);
    }
    return {{"isIncomplete", false}, {"items", std::move(items)}};
}

}  // namespace hjob::lsp
