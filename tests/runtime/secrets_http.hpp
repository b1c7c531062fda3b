// A small blocking HTTP/1.1 client over Beast for the tests of the local secrets API.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <string>

namespace hjob::secrets::testing {

struct HttpReply {
    int status = 0;
    std::string body;
};

/// One request on `stream` (kept open for the next one).
inline HttpReply http_on(boost::beast::tcp_stream& stream, const std::string& method, const std::string& target,
                         const std::string& token, const std::string& body = "", bool bearer = false) {
    namespace http = boost::beast::http;
    http::request<http::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(http::field::host, "127.0.0.1");
    if (!token.empty()) {
        if (bearer) req.set(http::field::authorization, "Bearer " + token);
        else req.set("X-Vault-Token", token);
    }
    req.body() = body;
    req.prepare_payload();
    stream.expires_after(std::chrono::seconds(10));
    http::write(stream, req);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    return {static_cast<int>(res.result_int()), res.body()};
}

/// One request on a new connection to 127.0.0.1:`port`.
inline HttpReply http(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& token, const std::string& body = "", bool bearer = false) {
    boost::asio::io_context ioc;
    boost::beast::tcp_stream stream(ioc);
    stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    return http_on(stream, method, target, token, body, bearer);
}

}  // namespace hjob::secrets::testing
