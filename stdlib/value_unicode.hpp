// UTF-8 helpers and NFC normalisation: cty normalises every string value to NFC on entry,
// so "an\u0303o" and "a\u00f1o" are the same HCL string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::cty {

/// Invalid UTF-8 bytes decode to this marker plus the byte, and encode back unchanged.
inline constexpr std::uint32_t invalid_byte_marker = 0x80000000u;

/// Decodes UTF-8; each invalid byte becomes invalid_byte_marker | byte.
std::vector<std::uint32_t> utf8_decode(std::string_view text);
/// Encodes code points (and passes invalid-byte markers through as the original bytes).
std::string utf8_encode(const std::vector<std::uint32_t>& cps);
void utf8_append(std::string& out, std::uint32_t cp);

/// Unicode Normalization Form C (canonical decomposition, then canonical composition).
/// Text below U+0300 is returned as is without decoding; invalid bytes pass through.
std::string nfc_normalize(std::string_view text);

}  // namespace hjob::cty
