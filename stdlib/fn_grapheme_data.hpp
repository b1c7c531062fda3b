// Grapheme_Cluster_Break ranges (generated into fn_grapheme_data.cpp by fn_grapheme_data.py).
#pragma once

#include <cstddef>
#include <cstdint>

namespace hjob::cty::fn {

/// Control, Extend, SpacingMark, Prepend, Regional_Indicator, Hangul L/V/T/LV/LVT, and
/// Extended_Pictographic. Code points in no range are "Other".
enum class Gcb : std::uint8_t { other, C, E, S, P, R, L, V, T, LV, LVT, X };

struct GraphemeRange {
    char32_t first;
    char32_t last;
    Gcb prop;
};

extern const GraphemeRange grapheme_ranges[];
extern const std::size_t grapheme_range_count;

}  // namespace hjob::cty::fn
