// Grapheme clusters (UAX #29 extended clusters), which go-cty counts as "characters" in
// strlen, substr, strrev and format's width and precision.
#include <algorithm>

#include "fn_grapheme_data.hpp"
#include "fn_util.hpp"
#include "value_unicode.hpp"

namespace hjob::cty::fn {

namespace {

constexpr char32_t cr = 0x0D, lf = 0x0A, zwj = 0x200D;

Gcb property(char32_t c) {
    if (c == cr || c == lf) return Gcb::C;
    const GraphemeRange* end = grapheme_ranges + grapheme_range_count;
    const auto* it = std::upper_bound(grapheme_ranges, end, c,
                                      [](char32_t v, const GraphemeRange& r) { return v < r.first; });
    if (it == grapheme_ranges) return Gcb::other;
    --it;
    return c <= it->last ? it->prop : Gcb::other;
}

bool hangul_joins(Gcb a, Gcb b) {  // GB6-GB8
    if (a == Gcb::L) return b == Gcb::L || b == Gcb::V || b == Gcb::LV || b == Gcb::LVT;
    if (a == Gcb::LV || a == Gcb::V) return b == Gcb::V || b == Gcb::T;
    if (a == Gcb::LVT || a == Gcb::T) return b == Gcb::T;
    return false;
}

/// Whether there is no break between `prev` and `next` (GB3-GB13), given the state of the
/// cluster so far.
struct State {
    bool pict_then_zwj = false;  // ExtPict Extend* ZWJ seen (GB11)
    bool pict = false;           // ExtPict Extend* seen
    int regional = 0;            // regional indicators in the current run
};

bool joins(char32_t prev, char32_t next, const State& st) {
    const Gcb a = property(prev), b = property(next);
    if (prev == cr && next == lf) return true;                   // GB3
    if (a == Gcb::C || b == Gcb::C) return false;                // GB4, GB5
    if (hangul_joins(a, b)) return true;                         // GB6-8
    if (b == Gcb::E || next == zwj || b == Gcb::S) return true;  // GB9, GB9a
    if (a == Gcb::P) return true;                                // GB9b
    if (prev == zwj && b == Gcb::X && st.pict_then_zwj) return true;  // GB11
    if (a == Gcb::R && b == Gcb::R) return st.regional % 2 == 1;      // GB12, GB13
    return false;
}

void advance(State& st, char32_t c) {
    const Gcb p = property(c);
    st.pict_then_zwj = st.pict && c == zwj;
    if (p == Gcb::X) st.pict = true;
    else if (p != Gcb::E) st.pict = false;
    st.regional = p == Gcb::R ? st.regional + 1 : 0;
}

}  // namespace

std::vector<std::size_t> grapheme_lengths(std::string_view s) {
    std::vector<std::size_t> out;
    const std::vector<std::uint32_t> cps = utf8_decode(s);
    std::string scratch;
    State st;
    char32_t prev = 0;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        scratch.clear();
        utf8_append(scratch, cps[i]);
        const auto c = static_cast<char32_t>(cps[i]);
        const bool invalid = (cps[i] & invalid_byte_marker) != 0;
        if (i == 0 || invalid || (prev & invalid_byte_marker) != 0 || !joins(prev, c, st)) {
            out.push_back(0);
            st = State{};
        }
        out.back() += scratch.size();
        advance(st, c);
        prev = c;
    }
    return out;
}

std::size_t grapheme_count(std::string_view s) { return grapheme_lengths(s).size(); }

}  // namespace hjob::cty::fn
