// Format names and the dispatch to one renderer per format.
#include "render.hpp"

#include <array>
#include <utility>

namespace hjob::render {

namespace {

constexpr std::array<std::pair<Format, std::string_view>, 7> names{{
    {Format::human, "human"},
    {Format::gnu, "gnu"},
    {Format::json, "json"},
    {Format::sarif, "sarif"},
    {Format::github, "github"},
    {Format::checkstyle, "checkstyle"},
    {Format::junit, "junit"},
}};

}  // namespace

std::string_view format_name(Format f) {
    for (const auto& [format, name] : names)
        if (format == f) return name;
    return "human";
}

std::optional<Format> parse_format(std::string_view name) {
    for (const auto& [format, n] : names)
        if (n == name) return format;
    return std::nullopt;
}

void render(Format format, const Input& in, std::ostream& out, const Options& options) {
    switch (format) {
        case Format::human: return render_human(in, out, options);
        case Format::gnu: return render_gnu(in, out, options);
        case Format::json: return render_json(in, out, options);
        case Format::sarif: return render_sarif(in, out, options);
        case Format::github: return render_github(in, out, options);
        case Format::checkstyle: return render_checkstyle(in, out, options);
        case Format::junit: return render_junit(in, out, options);
    }
}

}  // namespace hjob::render
