// LSP positions: 0-based line and character, where a character is a UTF-16 code unit unless
// the client accepted UTF-8 (positionEncoding). Documents and diagnostics keep byte offsets;
// this is the one place that converts, per line, when a position crosses the protocol.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "grammar/source.hpp"

namespace hjob::lsp {

enum class Encoding { utf16, utf8 };

struct LspPosition {
    std::uint32_t line = 0;
    std::uint32_t character = 0;
    friend auto operator<=>(const LspPosition&, const LspPosition&) = default;
};

/// The line starts of a text as LSP counts lines: "\n", "\r\n" and a lone "\r" end a line.
/// Holds a view: the text must outlive the index (and the index is rebuilt when it changes).
class LineIndex {
public:
    LineIndex() = default;
    explicit LineIndex(std::string_view text);

    /// The position of byte `offset` (clamped to the text) in `encoding`.
    LspPosition position(std::uint32_t offset, Encoding encoding) const;
    /// The byte offset of `p`: a line past the end means the end of the text, a character
    /// past the end of its line means the line's end, a character inside a UTF-8 sequence
    /// (or between the halves of a surrogate pair) means the start of that character.
    std::uint32_t offset(LspPosition p, Encoding encoding) const;

    nlohmann::json position_json(std::uint32_t offset, Encoding encoding) const;
    nlohmann::json range_json(Range r, Encoding encoding) const;

private:
    std::uint32_t line_end(std::uint32_t line) const;  ///< byte before the line's terminator

    std::string_view text_;
    std::vector<std::uint32_t> starts_{0};
};

/// Reads an LSP Position object; throws nlohmann::json::exception when it is malformed.
LspPosition parse_position(const nlohmann::json& j);

}  // namespace hjob::lsp
