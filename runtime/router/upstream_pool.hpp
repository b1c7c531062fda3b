// Kept-alive connections to upstreams, idle ones stacked per address:port, so that a request
// rarely pays a TCP handshake (what makes a proxy as fast as nginx's `keepalive`).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "beast.hpp"

namespace hjob::runtime::router {

class UpstreamPool {
public:
    explicit UpstreamPool(std::size_t idle_per_upstream) : limit_(idle_per_upstream) {}

    /// The most recently used idle connection to `key` ("ADDR:PORT"), if any.
    std::optional<beast::tcp_stream> take(const std::string& key);
    /// Keeps `s` for reuse (closes it when `key` already has enough idle connections).
    void give(const std::string& key, beast::tcp_stream s);
    std::size_t idle() const;
    /// Closes every idle connection (before the io_context they belong to goes away).
    void clear();

private:
    std::size_t limit_;
    mutable std::mutex mu_;
    std::map<std::string, std::vector<beast::tcp_stream>, std::less<>> idle_;
};

}  // namespace hjob::runtime::router
