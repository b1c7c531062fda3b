// Path validation and KV v2 path mapping.
#include "path.hpp"

#include <cstdio>

namespace hjob::secrets {

std::string printable(std::string_view path) {
    std::string out;
    for (const char c : path.substr(0, max_path_length)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    if (path.size() > max_path_length) out += "...";
    return out;
}

namespace {

std::optional<std::string> segment_problem(std::string_view seg, std::string_view path) {
    const std::string quoted = "\"" + printable(path) + "\"";
    if (seg.empty()) return "path " + quoted + " has an empty segment (\"//\")";
    if (seg == "." || seg == "..")
        return "path " + quoted + " has a \"" + std::string(seg) + "\" segment; paths cannot climb or repeat directories";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> path_problem(std::string_view path, bool allow_trailing_slash) {
    if (path.empty()) return "the path is empty";
    if (path.size() > max_path_length)
        return "path is " + std::to_string(path.size()) + " bytes long; the limit is " +
               std::to_string(max_path_length);
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0) return "path \"" + printable(path) + "\" contains a NUL byte";
        if (u < 0x20 || u == 0x7f) return "path \"" + printable(path) + "\" contains a control character";
    }
    if (path.front() == '/') return "path \"" + printable(path) + "\" starts with \"/\"; write it without the leading slash";
    std::string_view rest = path;
    if (allow_trailing_slash && rest.size() > 1 && rest.back() == '/') rest.remove_suffix(1);
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = rest.find('/', start);
        const auto seg = rest.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (auto p = segment_problem(seg, path)) return p;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return std::nullopt;
}

Result<std::string> kv_relative(std::string_view logical, bool allow_root) {
    using R = Result<std::string>;
    const std::string prefix = std::string(kv_mount) + "/";
    if (allow_root && (logical == kv_mount || logical == prefix)) return R::ok("");
    if (auto p = path_problem(logical, allow_root)) return R::fail(*p);
    if (!logical.starts_with(prefix) || logical.size() == prefix.size())
        return R::fail("path \"" + printable(logical) + "\" is not under the \"" + prefix +
                       "\" mount; write it as secret/<name>, for example secret/app/db");
    std::string rel(logical.substr(prefix.size()));
    if (!rel.empty() && rel.back() == '/') rel.pop_back();
    return R::ok(std::move(rel));
}

std::string kv_data_path(std::string_view relative) { return std::string(kv_mount) + "/data/" + std::string(relative); }

std::string kv_metadata_path(std::string_view relative) {
    return std::string(kv_mount) + "/metadata/" + std::string(relative);
}

}  // namespace hjob::secrets
