// What the router changes in a request on its way upstream and in a response on its way back:
// hop-by-hop headers removed (RFC 9110 §7.6.1), X-Forwarded-For/-Proto/-Host and Forwarded
// (RFC 7239) added, the path rewritten by the tag's strip= and prepend=, Host by host=.
#pragma once

#include <string>
#include <string_view>

#include "beast.hpp"
#include "routes.hpp"

namespace hjob::runtime::router {

/// Removes the hop-by-hop headers and those the Connection header names.
void strip_hop_headers(http::fields& f);

/// Once per request: the client's address appended to X-Forwarded-For and Forwarded,
/// X-Forwarded-Proto and X-Forwarded-Host set when absent, hop-by-hop headers removed.
void add_forwarding(Request& req, std::string_view client_ip, std::string_view by);

/// The path (and query) sent to `t`: its strip= prefix removed, its prepend= added; never empty.
std::string upstream_target(std::string_view target, const Target& t);

/// Per attempt: the target and Host for `t` (from the request's original ones) and HTTP/1.1
/// keep-alive to the upstream.
void retarget(Request& req, std::string_view target, std::string_view host, const Target& t);

/// The Location of a redirect= target: its URL with $path replaced by the request's path.
std::string redirect_location(const Target& t, std::string_view target);

}  // namespace hjob::runtime::router
