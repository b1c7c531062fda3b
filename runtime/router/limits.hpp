// The router's limits on what clients and upstreams may do, one named constant each, so a
// hostile client (huge headers, slowloris, endless bodies) costs bounded memory and time.
#pragma once

#include <chrono>
#include <cstddef>

namespace hjob::runtime::router {

using namespace std::chrono_literals;

struct Limits {
    /// Request line plus headers; more answers 431. nginx allows 4 buffers of 8 KiB.
    std::size_t header_bytes = 16 * 1024;
    /// A request body; more answers 413 (the body is buffered to allow a retry).
    std::size_t body_bytes = 8 * 1024 * 1024;
    /// An upstream response body (buffered, as the request's).
    std::size_t response_bytes = 64 * 1024 * 1024;
    /// From the first byte of a request to the end of its headers; longer (slowloris) closes.
    std::chrono::milliseconds header_timeout = 10s;
    /// A kept-alive client connection idle between requests.
    std::chrono::milliseconds idle_timeout = 60s;
    /// Reading a request body.
    std::chrono::milliseconds body_timeout = 30s;
    /// Connecting to an upstream; a refused or slow connect counts as a failed upstream.
    std::chrono::milliseconds connect_timeout = 2s;
    /// Writing a request to an upstream and reading its whole response.
    std::chrono::milliseconds upstream_timeout = 60s;
    /// How long a target that failed is passed over (nginx's fail_timeout; max_fails is 1).
    std::chrono::milliseconds fail_timeout = 10s;
    /// Idle kept-alive connections kept per upstream.
    std::size_t idle_per_upstream = 128;
};

}  // namespace hjob::runtime::router
