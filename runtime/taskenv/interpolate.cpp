// `${...}` interpolation (taskenv.hpp). Nomad's client accepts `${name}` with name in
// [A-Za-z0-9_.-] and the HCL-style index `${env["name"]}` for names with other characters;
// anything else, or a name that resolves to nothing, is copied through unchanged.
#include "taskenv.hpp"

namespace hjob::runtime::taskenv {

namespace {

bool name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/// The reference inside "${...}" starting at `body` (just after "${"): the name to look up and
/// the length up to and including '}'; nullopt when it is not a reference Nomad resolves.
std::optional<std::pair<std::string, std::size_t>> parse_ref(std::string_view text, std::size_t body) {
    const std::string_view rest = text.substr(body);
    if (rest.rfind("env[\"", 0) == 0) {
        const auto quote = rest.find('"', 5);
        if (quote == std::string_view::npos || rest.substr(quote, 3) != "\"]}") return std::nullopt;
        return std::make_pair(std::string(rest.substr(5, quote - 5)), quote + 3);
    }
    std::size_t n = 0;
    while (n < rest.size() && name_char(rest[n])) ++n;
    if (n == 0 || n >= rest.size() || rest[n] != '}') return std::nullopt;
    return std::make_pair(std::string(rest.substr(0, n)), n + 1);
}

}  // namespace

std::optional<std::string> TaskEnv::lookup(std::string_view name) const {
    if (auto it = env_.find(std::string(name)); it != env_.end()) return it->second;
    if (auto it = node_.find(std::string(name)); it != node_.end()) return it->second;
    return std::nullopt;
}

std::string TaskEnv::interpolate(std::string_view text) const {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find("${", i);
        if (open == std::string_view::npos) break;
        out.append(text.substr(i, open - i));
        const auto ref = parse_ref(text, open + 2);
        const auto value = ref ? lookup(ref->first) : std::nullopt;
        if (value) {
            out += *value;
            i = open + 2 + ref->second;
        } else {
            out += "${";  // left as written
            i = open + 2;
        }
    }
    out.append(text.substr(std::min(i, text.size())));
    return out;
}

nlohmann::json TaskEnv::interpolate(const nlohmann::json& value) const {
    if (value.is_string()) return interpolate(value.get_ref<const std::string&>());
    if (value.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& v : value) out.push_back(interpolate(v));
        return out;
    }
    if (value.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [k, v] : value.items()) out[interpolate(std::string_view(k))] = interpolate(v);
        return out;
    }
    return value;
}

std::string env_name(std::string_view label) {
    std::string out(label);
    for (char& c : out)
        if (!(name_char(c) && c != '-')) c = '_';
    return out;
}

}  // namespace hjob::runtime::taskenv
