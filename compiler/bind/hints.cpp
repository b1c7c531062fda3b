// The map-syntax hint: HCL rejects argument names that are not identifiers ("a.b = 1",
// "\"a.b\" = 1"), which is what people write in env and meta blocks (nomad#9606, #11027).
// Parse errors inside such a block get a detail that shows the map argument form.
#include "bind.hpp"

namespace hjob::bind {

namespace {

/// The innermost env or meta block whose braces contain `offset`.
const syntax::Block* map_block_at(const syntax::Body& body, std::uint32_t offset, int depth) {
    if (depth > 256) return nullptr;
    for (const auto& blk : body.blocks) {
        if (offset < blk.open_brace.begin || offset >= blk.close_brace.end || blk.close_brace.end == 0) continue;
        if (blk.body != nullptr)
            if (const auto* inner = map_block_at(*blk.body, offset, depth + 1)) return inner;
        if (blk.type == "env" || blk.type == "meta") return &blk;
    }
    return nullptr;
}

}  // namespace

void hint_map_syntax(const syntax::SyntaxTree& tree, Diagnostics& parse_diagnostics) {
    if (tree.body == nullptr) return;
    for (Diagnostic& d : parse_diagnostics) {
        if (d.severity != Severity::error || d.subject.file != tree.file) continue;
        const syntax::Block* blk = map_block_at(*tree.body, d.subject.range.begin, 0);
        if (blk == nullptr) continue;
        const std::string name(blk->type);
        d.detail += (d.detail.empty() ? "" : " ") + std::string("Keys of ") + name +
                    " that are not identifiers (with dots, slashes or quotes) need the map syntax: " + name +
                    " = { \"a.b\" = \"value\" }.";
    }
}

}  // namespace hjob::bind
