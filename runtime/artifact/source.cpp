// go-getter's source strings (source.hpp). Only the getters that make sense on one machine are
// taken: a forced getter (`git::`, `s3::`) or a scheme other than file/http/https is refused.
#include "source.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

namespace hjob::runtime::artifact {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit((unsigned char)s[i + 1]) &&
            std::isxdigit((unsigned char)s[i + 2])) {
            out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

// Splits "a=1&b=2" into the go-getter parameters it consumes and the rest, kept verbatim.
std::string take_params(const std::string& query, std::map<std::string, std::string>& taken) {
    std::string rest;
    size_t pos = 0;
    while (pos <= query.size()) {
        size_t amp = std::min(query.find('&', pos), query.size());
        std::string pair = query.substr(pos, amp - pos);
        std::string key = pair.substr(0, pair.find('='));
        if (key == "checksum" || key == "archive") {
            taken[key] = pair.find('=') == std::string::npos ? "" : percent_decode(pair.substr(pair.find('=') + 1));
        } else if (!pair.empty()) {
            rest += (rest.empty() ? "" : "&") + pair;
        }
        pos = amp + 1;
    }
    return rest;
}

// "sha256:abc" or a bare hex digest whose length names the algorithm, as go-getter accepts.
void set_checksum(Source& s, const std::string& spec) {
    std::string type, value = spec;
    if (auto colon = spec.find(':'); colon != std::string::npos) {
        type = lower(spec.substr(0, colon));
        value = spec.substr(colon + 1);
    } else {
        static const std::map<size_t, std::string> by_length = {{32, "md5"}, {40, "sha1"}, {64, "sha256"}, {128, "sha512"}};
        auto it = by_length.find(value.size());
        type = it == by_length.end() ? "" : it->second;
    }
    static const std::map<std::string, size_t> lengths = {{"md5", 32}, {"sha1", 40}, {"sha256", 64}, {"sha512", 128}};
    auto it = lengths.find(type);
    if (type == "file") {
        s.error = "checksum \"" + spec + "\": checksum files are not supported, give the digest itself";
    } else if (it == lengths.end()) {
        s.error = "checksum \"" + spec + "\": the type must be md5, sha1, sha256 or sha512";
    } else if (value.size() != it->second ||
               !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isxdigit(c); })) {
        s.error = "checksum \"" + spec + "\": a " + type + " digest is " + std::to_string(it->second) + " hex digits";
    } else {
        s.checksum_type = type;
        s.checksum = lower(value);
    }
}

void set_archive(Source& s, const std::string& value) {
    std::string v = lower(value);
    if (v == "false") {
        s.archive.clear();
    } else if (v == "tar" || v == "tar.gz" || v == "tgz" || v == "tar.bz2" || v == "tbz2" || v == "tar.xz" ||
               v == "txz" || v == "zip" || v == "gz" || v == "bz2" || v == "xz") {
        s.archive = archive_type("x." + v);
    } else if (v != "true" && !v.empty()) {
        s.error = "archive \"" + value + "\": expected false or one of tar, tar.gz, tgz, tar.bz2, tar.xz, zip, gz, bz2, xz";
    }
}

}  // namespace

std::string archive_type(const std::string& filename) {
    std::string f = lower(filename);
    for (const auto& [ext, type] : std::vector<std::pair<std::string, std::string>>{
             {".tar.gz", "tar.gz"}, {".tgz", "tar.gz"}, {".tar.bz2", "tar.bz2"}, {".tbz2", "tar.bz2"},
             {".tbz", "tar.bz2"}, {".tar.xz", "tar.xz"}, {".txz", "tar.xz"}, {".zip", "zip"}, {".tar", "tar"},
             {".gz", "gz"}, {".bz2", "bz2"}, {".xz", "xz"}})
        if (ends_with(f, ext)) return type;
    return "";
}

Source parse_source(const ir::Artifact& a) {
    Source s;
    std::string src = a.source;
    if (src.empty()) {
        s.error = "the artifact has no source";
        return s;
    }
    auto scheme_end = src.find("://");
    if (scheme_end != std::string::npos && (scheme_end == 0 || !std::all_of(src.begin(), src.begin() + long(scheme_end), [](unsigned char c) {
                                                return std::isalnum(c) || c == '+' || c == '-' || c == '.';
                                            })))
        scheme_end = std::string::npos;  // "://" inside a query string, not a scheme
    auto forced = src.find("::");
    if (forced != std::string::npos && forced > 0 && (scheme_end == std::string::npos || forced < scheme_end) &&
        std::all_of(src.begin(), src.begin() + long(forced), [](unsigned char c) { return std::isalnum(c); })) {
        s.error = "source \"" + src + "\": the " + src.substr(0, forced) + ":: getter is not supported (local paths, file://, http://, https://)";
        return s;
    }
    std::string scheme = scheme_end == std::string::npos ? "" : lower(src.substr(0, scheme_end));
    if (!scheme.empty() && scheme != "file" && scheme != "http" && scheme != "https") {
        s.error = "source \"" + src + "\": the " + scheme + ":// scheme is not supported (local paths, file://, http://, https://)";
        return s;
    }
    std::string base = src, query, fragment;
    if (auto hash = base.find('#'); hash != std::string::npos) base.erase(hash);
    if (auto q = base.find('?'); q != std::string::npos) {
        query = base.substr(q + 1);
        base.erase(q);
    }
    std::map<std::string, std::string> params;
    std::string rest = take_params(query, params);
    for (const auto& [k, v] : a.options)
        if (k == "checksum" || k == "archive") params[k] = v;
    s.remote = scheme == "http" || scheme == "https";
    if (s.remote) {
        s.location = base + (rest.empty() ? "" : "?" + rest);
        std::string path = base.substr(base.find('/', scheme_end + 3) == std::string::npos ? base.size() : base.find('/', scheme_end + 3));
        s.filename = percent_decode(path.substr(path.find_last_of('/') + 1));
    } else {
        s.location = scheme == "file" ? percent_decode(base.substr(7)) : base;
        std::string trimmed = s.location;
        while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
        s.filename = trimmed.substr(trimmed.find_last_of('/') + 1);
    }
    s.archive = archive_type(s.filename);
    if (auto it = params.find("archive"); it != params.end()) set_archive(s, it->second);
    if (auto it = params.find("checksum"); it != params.end() && s.error.empty()) set_checksum(s, it->second);
    return s;
}

}  // namespace hjob::runtime::artifact
