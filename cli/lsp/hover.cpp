// Hover (see hover.hpp).
#include "hover.hpp"

#include "schema_docs.hpp"

namespace hjob::lsp {

namespace {

bool inside(Range r, std::uint32_t offset) { return r.begin <= offset && offset < r.end; }

Json answer(const Document& doc, const std::string& markdown, Range r, Encoding e) {
    return {{"contents", {{"kind", "markdown"}, {"value", markdown}}}, {"range", doc.lines.range_json(r, e)}};
}

// The stanza whose type or label is under the cursor.
Json block_hover(const Document& doc, const Outline& o, std::uint32_t offset, Encoding e) {
    for (std::size_t i = 1; i < o.blocks.size(); ++i) {
        const OutlineBlock& b = o.blocks[i];
        Range at = b.type_range;
        for (const auto& l : b.labels)
            if (inside(l.range, offset)) at = l.range;
        if (!inside(at, offset)) continue;
        const schema::Block* s = o.schema_of(static_cast<int>(i));
        return s == nullptr ? Json() : answer(doc, block_markdown(*s), at, e);
    }
    return {};
}

// The argument whose name, or whose plain string value, is under the cursor.
Json attribute_hover(const Document& doc, const Outline& o, std::uint32_t offset, Encoding e) {
    for (std::size_t i = 0; i < o.blocks.size(); ++i) {
        for (const auto& a : o.blocks[i].attributes) {
            const bool on_name = inside(a.name_range, offset);
            const bool on_value = a.string_value && !a.text.empty() && inside(a.string_range, offset);
            if (!on_name && !on_value) continue;
            const schema::Block* s = o.schema_of(static_cast<int>(i));
            const schema::Attribute* sa = s == nullptr ? nullptr : schema::find_attribute(*s, a.name);
            if (sa == nullptr) return {};
            if (on_name) return answer(doc, attribute_markdown(*sa), a.name_range, e);
            if (sa->allowed.empty()) return {};
            return answer(doc, value_markdown(*sa, a.text), a.string_range, e);
        }
    }
    return {};
}

}  // namespace

Json hover(const Document& doc, const Outline& outline, std::uint32_t offset, Encoding encoding) {
    if (const Region* r = outline.region_at(offset); r != nullptr && (r->kind == RegionKind::heredoc || r->kind == RegionKind::comment))
        return {};
    if (Json j = block_hover(doc, outline, offset, encoding); !j.is_null()) return j;
    return attribute_hover(doc, outline, offset, encoding);
}

}  // namespace hjob::lsp
