// Request and response rewriting between client and upstream (forward.hpp).
#include "forward.hpp"

#include <array>
#include <vector>

namespace hjob::runtime::router {

namespace {

constexpr std::array<http::field, 7> hop_fields = {
    http::field::connection, http::field::keep_alive, http::field::proxy_connection, http::field::te,
    http::field::trailer,    http::field::transfer_encoding, http::field::upgrade};

void append_list(Request& req, std::string_view name, std::string_view value) {
    auto it = req.find(name);
    if (it == req.end()) return req.set(name, value);
    std::string joined(it->value());
    joined.append(", ").append(value);
    req.set(name, joined);
}

}  // namespace

void strip_hop_headers(http::fields& f) {
    // Headers the Connection header lists are hop-by-hop too (RFC 9110 §7.6.1).
    std::vector<std::string> named;
    if (auto it = f.find(http::field::connection); it != f.end())
        for (const auto& token : http::token_list(it->value())) named.emplace_back(token);
    for (const auto& n : named) f.erase(n);
    for (auto h : hop_fields) f.erase(h);
    f.erase("Proxy-Authenticate");
    f.erase("Proxy-Authorization");
}

void add_forwarding(Request& req, std::string_view client_ip, std::string_view by) {
    strip_hop_headers(req);
    append_list(req, "X-Forwarded-For", client_ip);
    if (req.find("X-Forwarded-Proto") == req.end()) req.set("X-Forwarded-Proto", "http");
    if (req.find("X-Forwarded-Host") == req.end() && req.find(http::field::host) != req.end())
        req.set("X-Forwarded-Host", req[http::field::host]);
    const bool v6 = client_ip.find(':') != std::string_view::npos;
    std::string fwd = "for=";
    fwd.append(v6 ? "\"[" : "").append(client_ip).append(v6 ? "]\"" : "").append(";proto=http;by=\"").append(by).append("\"");
    append_list(req, "Forwarded", fwd);
}

std::string upstream_target(std::string_view target, const Target& t) {
    std::string out(target);
    if (!t.strip.empty() && std::string_view(out).starts_with(t.strip)) out.erase(0, t.strip.size());
    if (!t.prepend.empty()) out.insert(0, t.prepend);
    if (out.empty() || out[0] != '/') out.insert(0, "/");
    return out;
}

void retarget(Request& req, std::string_view target, std::string_view host, const Target& t) {
    req.target(upstream_target(target, t));
    if (t.host_header == "dst") req.set(http::field::host, t.address + ":" + std::to_string(t.port));
    else if (!t.host_header.empty()) req.set(http::field::host, t.host_header);
    else if (!host.empty()) req.set(http::field::host, host);
    req.version(11);
    req.keep_alive(true);
}

std::string redirect_location(const Target& t, std::string_view target) {
    std::string url = t.redirect_url;
    const std::string_view path = target.substr(0, target.find('?'));
    for (auto at = url.find("$path"); at != std::string::npos; at = url.find("$path", at + path.size()))
        url.replace(at, 5, path);
    return url;
}

}  // namespace hjob::runtime::router
