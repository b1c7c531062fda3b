// Building the route table from catalog instances (routes.hpp): tags to routes, passing
// instances to targets, shares from weight= options, and the reasons for missing routes.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "routes.hpp"

namespace hjob::runtime::router {

namespace {

struct Pending {
    Route route;
    std::map<std::string, int> unhealthy;  ///< status -> instances tagging this src that are not passing
    std::string last_output;               ///< a failing check's output, for the 503 body
};

Target make_target(const catalog::Instance& i, const ParsedTag& t) {
    Target x;
    x.service = i.service;
    x.instance_id = i.id;
    x.address = i.address;
    x.port = i.port;
    for (const auto& tag : i.tags)
        if (!tag.starts_with(tag_prefix)) x.tags.push_back(tag);
    x.opts = t.opts;
    auto opt = [&](const char* k) { return t.opts.count(k) ? t.opts.at(k) : std::string(); };
    x.strip = opt("strip");
    x.prepend = opt("prepend");
    x.host_header = opt("host");
    if (auto r = opt("redirect"); !r.empty()) {
        x.redirect_code = std::atoi(r.substr(0, r.find(',')).c_str());
        x.redirect_url = r.substr(r.find(',') + 1);
    }
    if (auto w = opt("weight"); !w.empty()) x.weight = std::strtod(w.c_str(), nullptr);
    return x;
}

std::string failing_output(const catalog::Instance& i) {
    for (const auto& c : i.checks)
        if (c.status != "passing" && !c.output.empty()) return c.output.substr(0, c.output.find('\n'));
    return "";
}

// Fabio's weights: fixed ones are fractions, the rest split what they leave evenly; a sum
// over 1 is normalized and leaves nothing to the others.
void assign_shares(std::vector<Target>& ts) {
    double fixed = 0;
    int rest = 0;
    for (const auto& t : ts) t.weight > 0 ? void(fixed += t.weight) : void(++rest);
    const bool normalize = fixed >= 1 || rest == 0;
    for (auto& t : ts) {
        if (t.weight > 0) t.share = normalize ? t.weight / fixed : t.weight;
        else t.share = normalize ? 0 : (1 - fixed) / rest;
    }
}

// Smooth weighted round-robin (nginx's) over integer weights, unrolled into one cycle.
std::vector<int> make_schedule(const std::vector<Target>& ts) {
    std::vector<int> weight, current(ts.size(), 0);
    int total = 0;
    for (const auto& t : ts) total += weight.emplace_back(t.share > 0 ? std::max(1, int(std::lround(t.share * 100))) : 0);
    std::vector<int> out;
    for (int n = 0; n < total; ++n) {
        int best = -1;
        for (std::size_t i = 0; i < ts.size(); ++i) {
            current[i] += weight[i];
            if (weight[i] > 0 && (best < 0 || current[i] > current[std::size_t(best)])) best = int(i);
        }
        current[std::size_t(best)] -= total;
        out.push_back(best);
    }
    return out;
}

std::string why_empty(const Pending& p) {
    int registered = 0;
    std::string counts;
    for (const auto& [status, n] : p.unhealthy) {
        registered += n;
        counts += ", " + std::to_string(n) + " " + status;
    }
    std::string services;
    for (const auto& s : p.route.services) services += (services.empty() ? "" : ", ") + s;
    std::string out = "no passing instance of " + services + " for " + p.route.src() + ": " +
                      std::to_string(registered) + " registered" + counts;
    if (!p.last_output.empty()) out += " (check output: " + p.last_output + ")";
    return out;
}

void add_instance(std::map<std::string, Pending>& by_src, std::vector<Problem>& problems, const catalog::Instance& i) {
    for (const auto& tag : i.tags) {
        if (!tag.starts_with(tag_prefix)) continue;
        const auto parsed = parse_tag(tag);
        if (!parsed.ok) {
            problems.push_back({i.service, i.id, tag, "malformed tag: " + parsed.error});
            continue;
        }
        auto& p = by_src[parsed.host + parsed.path];
        p.route.host = parsed.host;
        p.route.path = parsed.path;
        if (std::find(p.route.services.begin(), p.route.services.end(), i.service) == p.route.services.end())
            p.route.services.push_back(i.service);
        if (i.status == "passing" && i.port > 0) {
            p.route.targets.push_back(make_target(i, parsed));
        } else {
            ++p.unhealthy[i.port > 0 ? i.status : "without a port"];
            if (p.last_output.empty()) p.last_output = failing_output(i);
        }
    }
}

}  // namespace

Table build_table(const std::vector<catalog::Instance>& instances) {
    std::map<std::string, Pending> by_src;
    Table t;
    for (const auto& i : instances) add_instance(by_src, t.problems, i);
    for (auto& [src, p] : by_src) {
        assign_shares(p.route.targets);
        p.route.schedule = make_schedule(p.route.targets);
        if (p.route.schedule.empty()) {
            p.route.why_empty = why_empty(p);
            for (const auto& s : p.route.services) t.problems.push_back({s, "", src, p.route.why_empty});
        }
        t.routes.push_back(std::move(p.route));
    }
    std::stable_sort(t.routes.begin(), t.routes.end(), [](const Route& a, const Route& b) {
        if (a.host.empty() != b.host.empty()) return !a.host.empty();
        return a.path.size() > b.path.size();
    });
    return t;
}

const Route* Table::match(std::string_view host, std::string_view path) const {
    host = host.substr(0, host.find(':'));
    for (const auto& r : routes) {
        if (!r.host.empty()) {
            if (r.host.size() != host.size() ||
                !std::equal(host.begin(), host.end(), r.host.begin(),
                            [](char a, char b) { return std::tolower((unsigned char)a) == b; }))
                continue;
        }
        if (path.starts_with(r.path)) return &r;
    }
    return nullptr;
}

}  // namespace hjob::runtime::router
