// The router's status page (context.hpp): one self-contained HTML document (inline CSS, no
// script, no external asset) with the services and their instances' health, the routes and
// their targets, the reasons for missing routes, and the main counters. Refreshes itself
// every 5 seconds with a meta tag.
#include <ctime>
#include <map>

#include "context.hpp"

namespace hjob::runtime::router {

namespace {

std::string esc(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + esc(s);
    return out;
}

constexpr const char* style = R"(body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em .6em;border-bottom:1px solid #ddd}
th{background:#f4f4f4}code{font-family:ui-monospace,monospace}
.passing{color:#0a7d28;font-weight:600}.warning{color:#a86b00;font-weight:600}.critical{color:#b00020;font-weight:600}
.muted{color:#777})";

std::string services_html(const LiveTable& live) {
    std::string h = "<h2>Services</h2>\n<table id=\"services\"><tr><th>Service</th><th>Instance</th><th>Address</th>"
                    "<th>Node</th><th>Health</th><th>Tags</th></tr>\n";
    for (const auto& i : live.instances)
        h += "<tr><td>" + esc(i.service) + "</td><td><code>" + esc(i.id) + "</code></td><td>" + esc(i.address) + ":" +
             std::to_string(i.port) + "</td><td>" + esc(i.node_name) + "</td><td class=\"" + esc(i.status) + "\">" +
             esc(i.status) + "</td><td>" + join(i.tags) + "</td></tr>\n";
    if (live.instances.empty()) h += "<tr><td colspan=\"6\" class=\"muted\">The catalog is empty.</td></tr>\n";
    return h + "</table>\n";
}

std::string routes_html(const LiveTable& live) {
    std::string h = "<h2>Routes</h2>\n<table id=\"routes\"><tr><th>Source</th><th>Service</th><th>Destination</th>"
                    "<th>Weight</th><th>Options</th></tr>\n";
    for (const auto& r : live.table.routes) {
        for (const auto& t : r.targets) {
            std::string opts;
            for (const auto& [k, v] : t.opts) opts += (opts.empty() ? "" : " ") + k + "=" + v;
            char w[16];
            std::snprintf(w, sizeof w, "%.2f", t.share);
            h += "<tr><td><code>" + esc(r.src()) + "</code></td><td>" + esc(t.service) + "</td><td><code>" + esc(t.dst()) +
                 "</code></td><td>" + w + "</td><td><code>" + esc(opts) + "</code></td></tr>\n";
        }
        if (r.targets.empty())
            h += "<tr><td><code>" + esc(r.src()) + "</code></td><td>" + join(r.services) +
                 "</td><td colspan=\"3\" class=\"critical\">503: " + esc(r.why_empty) + "</td></tr>\n";
    }
    if (live.table.routes.empty()) h += "<tr><td colspan=\"5\" class=\"muted\">No routes: no urlprefix- tags.</td></tr>\n";
    return h + "</table>\n";
}

std::string problems_html(const LiveTable& live) {
    std::string h;
    for (const auto& p : live.table.problems)
        if (!p.instance_id.empty())
            h += "<li>" + esc(p.service) + " <code>" + esc(p.instance_id) + "</code> tag <code>" + esc(p.tag) +
                 "</code>: " + esc(p.reason) + "</li>\n";
    return h.empty() ? "" : "<h2>Tags without a route</h2>\n<ul id=\"problems\">\n" + h + "</ul>\n";
}

}  // namespace

std::string status_page(const LiveTable& live, const Metrics& m) {
    const auto built = std::chrono::system_clock::to_time_t(live.built);
    std::tm tm{};
    gmtime_r(&built, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
    auto n = [](const std::atomic<std::uint64_t>& a) { return std::to_string(a.load(std::memory_order_relaxed)); };
    char lat[96];
    std::snprintf(lat, sizeof lat, "p50 %.2f ms, p99 %.2f ms", m.upstream_latency.quantile_ms(0.5),
                  m.upstream_latency.quantile_ms(0.99));
    return std::string("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta http-equiv=\"refresh\" content=\"5\"><title>hjob router</title><style>") +
           style + "</style></head><body>\n<h1>hjob router</h1>\n<p class=\"muted\">Catalog index " +
           std::to_string(live.catalog_index) + ", table built " + when + ". Requests " + n(m.requests) + ", 5xx " +
           n(m.by_class[5]) + ", upstream latency " + lat +
           ". JSON: <a href=\"/api/routes\">/api/routes</a>, <a href=\"/api/metrics\">/api/metrics</a>.</p>\n" +
           services_html(live) + routes_html(live) + problems_html(live) + "</body></html>\n";
}

}  // namespace hjob::runtime::router
