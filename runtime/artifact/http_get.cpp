// HTTP(S) downloads (http_get.hpp). Asynchronous Beast operations run one at a time on a private
// io_context, because a tcp_stream's timeouts only apply to asynchronous operations.
#include "http_get.hpp"

#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace hjob::runtime::artifact {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kMaxTextBytes = 1 << 20;

struct Url {
    bool tls = false;
    std::string host, port, target, error;
};

Url parse_url(const std::string& url) {
    Url u;
    auto sep = url.find("://");
    std::string scheme = url.substr(0, sep);
    u.tls = scheme == "https";
    if (sep == std::string::npos || (scheme != "http" && scheme != "https")) {
        u.error = "\"" + url + "\" is not an http:// or https:// URL";
        return u;
    }
    std::string rest = url.substr(sep + 3);
    auto slash = rest.find_first_of("/?");
    std::string authority = rest.substr(0, slash);
    u.target = slash == std::string::npos ? "/" : rest.substr(slash);
    if (u.target[0] == '?') u.target = "/" + u.target;
    if (auto at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
    auto colon = authority.rfind(':');
    if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
        u.host = authority.substr(0, colon);
        u.port = authority.substr(colon + 1);
    } else {
        u.host = authority;
        u.port = u.tls ? "443" : "80";
    }
    if (u.host.size() > 1 && u.host.front() == '[') u.host = u.host.substr(1, u.host.size() - 2);
    if (u.host.empty()) u.error = "\"" + url + "\" has no host";
    return u;
}

// The URL a redirect's Location names, relative to `base`.
std::string resolve(const std::string& base, const std::string& location) {
    if (location.find("://") != std::string::npos) return location;
    auto authority_end = base.find('/', base.find("://") + 3);
    std::string origin = base.substr(0, authority_end);
    if (!location.empty() && location[0] == '/') return origin + location;
    std::string path = authority_end == std::string::npos ? "/" : base.substr(authority_end);
    path = path.substr(0, path.find('?'));
    return origin + path.substr(0, path.rfind('/') + 1) + location;
}

// Runs one asynchronous operation to its end and returns its error code.
template <class Start>
beast::error_code run(asio::io_context& ioc, Start&& start) {
    beast::error_code result = asio::error::would_block;
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc.restart();
    ioc.run();
    return result;
}

struct Exchange {
    unsigned status = 0;
    std::string location, error;
};

template <class Stream>
Exchange get(asio::io_context& ioc, Stream& stream, const Url& u, const std::string& url,
             const std::map<std::string, std::string>& headers, const std::filesystem::path& to, std::string* text) {
    Exchange x;
    auto& tcp_layer = beast::get_lowest_layer(stream);
    http::request<http::empty_body> req{http::verb::get, u.target, 11};
    req.set(http::field::host, u.host);
    req.set(http::field::user_agent, "hjob-artifact");
    for (const auto& [k, v] : headers) req.set(k, v);
    tcp_layer.expires_after(std::chrono::seconds(kHttpTimeoutSeconds));
    if (auto ec = run(ioc, [&](auto h) { http::async_write(stream, req, std::move(h)); }))
        return {0, "", "GET " + url + ": " + ec.message()};
    beast::flat_buffer buffer;
    http::response_parser<http::empty_body> head;
    head.body_limit(kMaxDownloadBytes);
    if (auto ec = run(ioc, [&](auto h) { http::async_read_header(stream, buffer, head, std::move(h)); }))
        return {0, "", "GET " + url + ": " + ec.message()};
    x.status = head.get().result_int();
    if (x.status >= 300 && x.status < 400 && head.get().count(http::field::location) && !text) {
        x.location = std::string(head.get()[http::field::location]);
        return x;
    }
    if (x.status / 100 != 2 && !text) {
        x.error = "GET " + url + ": " + std::to_string(x.status) + " " + std::string(head.get().reason());
        return x;
    }
    auto read_all = [&](auto& parser) -> std::string {
        while (!parser.is_done()) {
            tcp_layer.expires_after(std::chrono::seconds(kHttpTimeoutSeconds));
            if (auto e = run(ioc, [&](auto h) { http::async_read_some(stream, buffer, parser, std::move(h)); }))
                return "GET " + url + ": " + e.message();
        }
        return "";
    };
    if (text) {
        http::response_parser<http::string_body> body{std::move(head)};
        body.body_limit(kMaxTextBytes);
        x.error = read_all(body);
        *text = std::move(body.get().body());
        return x;
    }
    http::response_parser<http::file_body> body{std::move(head)};
    body.body_limit(kMaxDownloadBytes);
    beast::error_code ec;
    body.get().body().open(to.c_str(), beast::file_mode::write, ec);
    if (ec) return {x.status, "", "cannot write " + to.string() + ": " + ec.message()};
    x.error = read_all(body);
    return x;
}

Exchange get_once(const std::string& url, const std::map<std::string, std::string>& headers, bool insecure,
                  const std::filesystem::path& to, std::string* text = nullptr) {
    Url u = parse_url(url);
    if (!u.error.empty()) return {0, "", u.error};
    asio::io_context ioc;
    beast::error_code ec;
    auto endpoints = tcp::resolver(ioc).resolve(u.host, u.port, ec);
    if (ec) return {0, "", "GET " + url + ": cannot resolve " + u.host + ": " + ec.message()};
    if (!u.tls) {
        beast::tcp_stream stream(ioc);
        stream.expires_after(std::chrono::seconds(kHttpTimeoutSeconds));
        if (auto e = run(ioc, [&](auto h) { stream.async_connect(endpoints, std::move(h)); }))
            return {0, "", "GET " + url + ": connect: " + e.message()};
        return get(ioc, stream, u, url, headers, to, text);
    }
    ssl::context ctx(ssl::context::tls_client);
    if (insecure) {
        ctx.set_verify_mode(ssl::verify_none);
    } else {
        ctx.set_default_verify_paths();
        ctx.set_verify_mode(ssl::verify_peer);
    }
    beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
    SSL_set_tlsext_host_name(stream.native_handle(), u.host.c_str());
    if (!insecure) stream.set_verify_callback(ssl::host_name_verification(u.host));
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(kHttpTimeoutSeconds));
    if (auto e = run(ioc, [&](auto h) { beast::get_lowest_layer(stream).async_connect(endpoints, std::move(h)); }))
        return {0, "", "GET " + url + ": connect: " + e.message()};
    if (auto e = run(ioc, [&](auto h) { stream.async_handshake(ssl::stream_base::client, std::move(h)); }))
        return {0, "", "GET " + url + ": TLS handshake: " + e.message()};
    return get(ioc, stream, u, url, headers, to, text);
}

}  // namespace

std::string http_download(const std::string& url, const std::map<std::string, std::string>& headers, bool insecure,
                          const std::filesystem::path& to) {
    std::string at = url;
    for (int hop = 0; hop <= kMaxRedirects; ++hop) {
        Exchange x;
        try {
            x = get_once(at, headers, insecure, to);
        } catch (const std::exception& e) {
            return "GET " + at + ": " + e.what();
        }
        if (!x.error.empty()) return x.error;
        if (x.location.empty()) return "";
        at = resolve(at, x.location);
    }
    return "GET " + url + ": more than " + std::to_string(kMaxRedirects) + " redirects";
}

unsigned http_get_text(const std::string& url, const std::map<std::string, std::string>& headers, std::string& body,
                       std::string& error) {
    Exchange x;
    try {
        x = get_once(url, headers, false, {}, &body);
    } catch (const std::exception& e) {
        x.error = "GET " + url + ": " + e.what();
    }
    error = x.error;
    return error.empty() ? x.status : 0;
}

}  // namespace hjob::runtime::artifact
