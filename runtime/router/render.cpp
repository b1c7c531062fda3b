// The route table as text (Fabio's `route add` lines) and as JSON (routes.hpp).
#include <cstdio>

#include "routes.hpp"

namespace hjob::runtime::router {

namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string opts_text(const std::map<std::string, std::string>& opts) {
    std::vector<std::string> kv;
    for (const auto& [k, v] : opts) kv.push_back(k + "=" + v);
    return join(kv, " ");
}

std::string fraction(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", share);
    return buf;
}

}  // namespace

std::string Target::dst() const {
    if (redirect_code) return redirect_url;
    return "http://" + address + ":" + std::to_string(port) + "/";
}

std::string render_text(const Table& t) {
    std::string out;
    for (const auto& r : t.routes)
        for (const auto& x : r.targets) {
            out += "route add " + x.service + " " + r.src() + " " + x.dst() + " weight " + fraction(x.share);
            if (!x.tags.empty()) out += " tags \"" + join(x.tags, ",") + "\"";
            if (!x.opts.empty()) out += " opts \"" + opts_text(x.opts) + "\"";
            out += "\n";
        }
    for (const auto& p : t.problems) {
        out += "# " + p.service + " " + (p.instance_id.empty() ? p.tag : p.instance_id + " tag \"" + p.tag + "\"");
        out += ": " + p.reason + "\n";
    }
    return out;
}

nlohmann::json render_json(const Table& t) {
    using nlohmann::json;
    json routes = json::array(), problems = json::array();
    for (const auto& r : t.routes) {
        json targets = json::array();
        for (const auto& x : r.targets)
            targets.push_back({{"service", x.service}, {"instance_id", x.instance_id}, {"dst", x.dst()},
                               {"address", x.address}, {"port", x.port}, {"weight", x.share}, {"tags", x.tags},
                               {"opts", x.opts}});
        routes.push_back({{"src", r.src()}, {"host", r.host}, {"path", r.path}, {"services", r.services},
                          {"targets", targets}, {"why_empty", r.why_empty}});
    }
    for (const auto& p : t.problems)
        problems.push_back({{"service", p.service}, {"instance_id", p.instance_id}, {"tag", p.tag}, {"reason", p.reason}});
    return json{{"routes", routes}, {"problems", problems}};
}

}  // namespace hjob::runtime::router
