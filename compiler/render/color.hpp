// When the human format is coloured: the one decision behind --color, NO_COLOR and terminals,
// kept apart from the CLI so that it can be tested.
#pragma once

#include <optional>
#include <string_view>

namespace hjob::render {

enum class ColorMode { automatic, always, never };

/// "auto", "always", "never" as `--color` spells them; nullopt otherwise.
std::optional<ColorMode> parse_color_mode(std::string_view name);

/// Whether to colour: `always` and `never` decide alone (an explicit flag wins, as no-color.org
/// allows); `automatic` colours only a terminal, and not when NO_COLOR is set non-empty or
/// TERM is "dumb". `no_color` and `term` are the variables' values, null when unset.
bool want_color(ColorMode mode, bool terminal, const char* no_color, const char* term);

}  // namespace hjob::render
