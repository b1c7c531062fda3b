// The colour decision (see color.hpp).
#include "color.hpp"

#include <string>

namespace hjob::render {

std::optional<ColorMode> parse_color_mode(std::string_view name) {
    if (name == "auto") return ColorMode::automatic;
    if (name == "always") return ColorMode::always;
    if (name == "never") return ColorMode::never;
    return std::nullopt;
}

bool want_color(ColorMode mode, bool terminal, const char* no_color, const char* term) {
    if (mode != ColorMode::automatic) return mode == ColorMode::always;
    if (no_color != nullptr && *no_color != '\0') return false;
    if (term != nullptr && std::string_view(term) == "dumb") return false;
    return terminal;
}

}  // namespace hjob::render
