// Byte offsets <-> LSP positions (see positions.hpp).
#include "positions.hpp"

#include <algorithm>

namespace hjob::lsp {

namespace {

// Bytes of the UTF-8 sequence a lead byte starts; 1 for a stray or invalid byte, so that
// broken text still advances (editors show such a byte as one U+FFFD, one UTF-16 unit).
std::uint32_t sequence_length(unsigned char lead) {
    if (lead < 0xC0) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    if (lead < 0xF8) return 4;
    return 1;
}

// UTF-16 code units of a character of `bytes` UTF-8 bytes: astral characters are pairs.
std::uint32_t units(std::uint32_t bytes, Encoding e) {
    if (e == Encoding::utf8) return bytes;
    return bytes == 4 ? 2 : 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
    for (std::uint32_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        if (text[i] == '\n' || text[i] == '\r') starts_.push_back(i + 1);
    }
}

std::uint32_t LineIndex::line_end(std::uint32_t line) const {
    if (line + 1 >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
    std::uint32_t end = starts_[line + 1] - 1;  // the '\n' or lone '\r'
    if (text_[end] == '\n' && end > starts_[line] && text_[end - 1] == '\r') --end;
    return end;
}

LspPosition LineIndex::position(std::uint32_t offset, Encoding encoding) const {
    offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
    std::uint32_t character = 0;
    for (std::uint32_t i = starts_[line]; i < offset;) {
        const std::uint32_t len = sequence_length(static_cast<unsigned char>(text_[i]));
        // An offset inside a sequence counts the whole character (it cannot be split).
        character += units(std::min(len, static_cast<std::uint32_t>(text_.size()) - i), encoding);
        i += len;
    }
    return {line, character};
}

std::uint32_t LineIndex::offset(LspPosition p, Encoding encoding) const {
    if (p.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
    const std::uint32_t end = line_end(p.line);
    std::uint32_t i = starts_[p.line], character = 0;
    while (i < end) {
        const std::uint32_t len = std::min(sequence_length(static_cast<unsigned char>(text_[i])), end - i);
        if (character + units(len, encoding) > p.character) break;
        character += units(len, encoding);
        i += len;
    }
    return i;
}

nlohmann::json LineIndex::position_json(std::uint32_t offset, Encoding encoding) const {
    const auto p = position(offset, encoding);
    return {{"line", p.line}, {"character", p.character}};
}

nlohmann::json LineIndex::range_json(Range r, Encoding encoding) const {
    return {{"start", position_json(r.begin, encoding)}, {"end", position_json(std::max(r.begin, r.end), encoding)}};
}

LspPosition parse_position(const nlohmann::json& j) {
    return {j.at("line").get<std::uint32_t>(), j.at("character").get<std::uint32_t>()};
}

}  // namespace hjob::lsp
