// Parsing of Fabio's `urlprefix-[HOST]/PATH[ OPT=VAL ...]` service tags (routes.hpp).
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "routes.hpp"

namespace hjob::runtime::router {

namespace {

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        const std::size_t b = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

// The reason an option's value is unusable, or "" when it is fine.
std::string check_option(const std::string& key, const std::string& value) {
    if (key == "proto" && value != "http")
        return "proto=" + value + " is not supported: hjob router speaks plain HTTP/1.1 to upstreams";
    if ((key == "strip" || key == "prepend") && (value.empty() || value[0] != '/'))
        return key + "=" + value + " must be a path beginning with '/'";
    if (key == "weight") {
        char* end = nullptr;
        const double w = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !(w > 0)) return "weight=" + value + " is not a positive number";
    }
    if (key == "redirect") {
        const auto comma = value.find(',');
        const int code = comma == std::string::npos ? 0 : std::atoi(value.substr(0, comma).c_str());
        if (code < 300 || code > 399 || comma + 1 >= value.size())
            return "redirect=" + value + " must be CODE,URL with a 3xx CODE";
    }
    return "";
}

ParsedTag malformed(std::string why) {
    ParsedTag out;
    out.error = std::move(why);
    return out;
}

}  // namespace

ParsedTag parse_tag(std::string_view tag) {
    ParsedTag out;
    const auto parts = words(tag.substr(std::min(tag.size(), tag_prefix.size())));
    if (parts.empty()) return malformed("no source after urlprefix-");
    const std::string_view src = parts[0];
    if (src[0] == ':') return malformed("TCP routes (urlprefix-:PORT) are not supported by hjob router");
    const auto slash = src.find('/');
    if (slash == std::string_view::npos) return malformed("an HTTP route needs a path: urlprefix-[HOST]/PATH");
    out.host = std::string(src.substr(0, slash));
    std::transform(out.host.begin(), out.host.end(), out.host.begin(), [](unsigned char c) { return std::tolower(c); });
    out.path = std::string(src.substr(slash));
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto eq = parts[i].find('=');
        if (eq == std::string_view::npos || eq == 0)
            return malformed("option \"" + std::string(parts[i]) + "\" is not KEY=VALUE");
        std::string key(parts[i].substr(0, eq)), value(parts[i].substr(eq + 1));
        if (auto why = check_option(key, value); !why.empty()) return malformed(why);
        out.opts[key] = value;
    }
    out.ok = true;
    return out;
}

}  // namespace hjob::runtime::router
