// The Unicode tables behind nfc_normalize (generated into value_nfc_data.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace hjob::cty::detail {

struct NfcClassRange {
    std::uint32_t first, last;
    std::uint8_t ccc;
};
struct NfcDecomposition {
    std::uint32_t cp;
    std::uint32_t to[4];  ///< full canonical decomposition, zero-padded
};
struct NfcComposition {
    std::uint32_t first, second, composite;
};

extern const NfcClassRange nfc_class_ranges[];
extern const std::size_t nfc_class_range_count;
extern const NfcDecomposition nfc_decompositions[];  ///< sorted by cp
extern const std::size_t nfc_decomposition_count;
extern const NfcComposition nfc_compositions[];  ///< sorted by (first, second)
extern const std::size_t nfc_composition_count;

}  // namespace hjob::cty::detail
