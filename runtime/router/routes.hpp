// The route table: pure functions from catalog instances to routes, as Fabio derives them
// from Consul (`urlprefix-[host]/path opt=val ...` tags of passing instances), plus the reasons
// a service with urlprefix- tags has no route. Where hjob departs from Fabio: a route whose
// instances are all unhealthy stays in the table with no target (the router answers 503 and
// says why) rather than vanishing and letting a shorter prefix catch its requests (fabio#511).
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/catalog/catalog.hpp"

namespace hjob::runtime::router {

/// One upstream of a route: a passing instance and the options of its tag.
struct Target {
    std::string service, instance_id, address;
    int port = 0;
    std::vector<std::string> tags;  ///< the instance's other tags (Fabio's `tags "..."`)
    std::map<std::string, std::string> opts;  ///< every option of the tag, as written
    std::string strip, prepend, host_header;   ///< strip=, prepend=, host= (NAME or "dst")
    int redirect_code = 0;                      ///< redirect=CODE,URL: answer CODE with Location
    std::string redirect_url;
    double weight = -1;  ///< weight= (a fraction of the route's traffic); negative: even split
    double share = 0;    ///< the fraction of the route's traffic it gets (computed)

    /// Fabio's dst: "http://ADDR:PORT/", or the redirect URL.
    std::string dst() const;
};

struct Route {
    std::string host;  ///< lower-cased; empty matches any host
    std::string path;  ///< begins with '/'
    std::vector<Target> targets;        ///< empty: known route without a passing instance
    std::vector<std::string> services;  ///< services that tag this source, passing or not
    std::string why_empty;              ///< when targets is empty: the 503 body's reason
    /// Target indices interleaved by share (smooth weighted round-robin), picked in turn.
    std::vector<int> schedule;
    std::string src() const { return host + path; }
};

/// Why an instance or a service got no route.
struct Problem {
    std::string service, instance_id, tag, reason;
};

struct Table {
    /// Host routes first, then host-less, each by path length descending: the first that
    /// matches wins (Fabio's order).
    std::vector<Route> routes;
    std::vector<Problem> problems;

    /// The route for a request, or nullptr (404). `host` may carry a port.
    const Route* match(std::string_view host, std::string_view path) const;
};

/// A parsed `urlprefix-` tag, or the reason it is malformed.
struct ParsedTag {
    bool ok = false;
    std::string error;
    std::string host, path;
    std::map<std::string, std::string> opts;
};

inline constexpr std::string_view tag_prefix = "urlprefix-";

/// Parses one tag that starts with `urlprefix-`.
ParsedTag parse_tag(std::string_view tag);

/// The table for `instances` (any order): only passing instances become targets.
Table build_table(const std::vector<catalog::Instance>& instances);

/// Fabio's text form: `route add SERVICE SRC DST weight W tags "..." opts "..."` per target,
/// then one `# ...` comment line per route without a target and per problem.
std::string render_text(const Table& t);

/// The same as JSON: {"routes": [{src, host, path, services, why_empty, targets: [...]}], "problems": [...]}.
nlohmann::json render_json(const Table& t);

}  // namespace hjob::runtime::router
