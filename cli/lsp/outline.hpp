// A document's shape as the editor features need it: blocks (type, labels, body), their
// arguments, and the regions where nothing is offered (strings, heredocs, comments,
// expressions). Built from the grammar layer's token stream, not the syntax tree, so that a
// half-typed line (the usual state of a file during completion) does not hide the blocks
// around it. Also maps each block to its stanza in compiler/schema.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "compiler/schema/schema.hpp"
#include "grammar/source.hpp"

namespace hjob::lsp {

struct Document;

struct OutlineLabel {
    std::string_view text;  ///< as written between the quotes (escapes not decoded)
    Range range;            ///< including the quotes
};

struct OutlineAttribute {
    std::string_view name;
    Range name_range;
    std::uint32_t equals_end = 0;  ///< just after the `=`
    bool string_value = false;     ///< the value is a plain "..." (no interpolation)
    Range string_range;            ///< between the quotes (to the line end when unterminated)
    std::string_view text;         ///< the text between the quotes
};

struct OutlineBlock {
    std::string_view type;
    Range type_range;
    std::vector<OutlineLabel> labels;
    Range range;  ///< from the type to the closing brace (to the end of the file when unclosed)
    Range body;   ///< between the braces
    int parent = -1;
    std::vector<OutlineAttribute> attributes;

    const OutlineAttribute* attribute(std::string_view name) const;
};

enum class RegionKind { string, heredoc, comment, expression };

struct Region {
    RegionKind kind;
    Range range;
};

struct Outline {
    std::unique_ptr<SourceFile> file;  ///< the text every view points into
    std::vector<OutlineBlock> blocks;  ///< in source order; [0] is the file itself
    std::vector<Region> regions;

    /// The innermost block whose body contains `offset` (0: the file).
    int innermost_block(std::uint32_t offset) const;
    /// The innermost region with begin <= offset < end, or nullptr.
    const Region* region_at(std::uint32_t offset) const;
    /// The stanza of block `index` in the job schema, following its parents (a task's
    /// `config` by the task's driver); nullptr for a block the schema does not know.
    const schema::Block* schema_of(int index) const;
};

/// The outline of `doc`'s current text.
std::shared_ptr<const Outline> build_outline(const Document& doc);

}  // namespace hjob::lsp
