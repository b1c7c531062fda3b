// The router's admin pages (context.hpp): /api/routes and /api/metrics as JSON, /health, and
// the status page at /.
#include "context.hpp"

namespace hjob::runtime::router {

std::optional<Response> admin_response(const Request& req, const LiveTable& live, const Metrics& metrics) {
    if (req.method() != http::verb::get && req.method() != http::verb::head) return std::nullopt;
    const std::string_view target = req.target(), path = target.substr(0, target.find('?'));
    const char* json_type = "application/json";
    if (path == "/api/routes") {
        auto j = render_json(live.table);
        j["catalog_index"] = live.catalog_index;
        j["text"] = render_text(live.table);
        return make_response(http::status::ok, j.dump(2) + "\n", json_type);
    }
    if (path == "/api/metrics") return make_response(http::status::ok, metrics.to_json().dump(2) + "\n", json_type);
    if (path == "/health") return make_response(http::status::ok, "OK\n");
    if (path == "/") return make_response(http::status::ok, status_page(live, metrics), "text/html; charset=utf-8");
    return std::nullopt;
}

}  // namespace hjob::runtime::router
