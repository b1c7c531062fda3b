// Shared by the text renderers: Nomad's colour tags, Go's %q quoting, diff markers.
#pragma once

#include <string>
#include <string_view>

#include "runtime/plan/diff.hpp"

namespace hjob::runtime::render {

/// Nomad's colorstring tags ("[green]", "[bold]", "[reset]") as ANSI codes, or nothing.
struct Paint {
    bool on = false;
    std::string operator()(std::string_view tag) const;
};

/// Go's strconv.Quote: what `%q` prints.
std::string go_quote(std::string_view s);

/// The marker of a diff type ("+ ", "- ", "+/- ", "") and its width.
std::string marker(DiffType t, const Paint& p);
int marker_width(DiffType t);

inline std::string spaces(int n) { return std::string(n > 0 ? n : 0, ' '); }

}  // namespace hjob::runtime::render
