// The router's admin pages: /api/routes and /api/metrics as JSON, /health, the status page
// (in headless Chromium when it is installed), the same pages on the --ui listener.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "router_support.hpp"

using namespace hjob::test;
using nlohmann::json;

namespace {

void fill(RouterFixture& f, int port) {
    f.catalog.put(app_instance("hashiapp", "app-1", port, {"urlprefix-/hashiapp strip=/hashiapp", "version-v1"}));
    f.catalog.put(app_instance("mysql", "db-1", 3306, {"urlprefix-/db"}, "critical"));
    f.catalog.put(app_instance("broken", "b-1", 1, {"urlprefix-nopath"}));
    f.refresh();
}

std::string run(const std::string& cmd) {
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[4096];
        while (auto n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
        pclose(p);
    }
    return out;
}

}  // namespace

TEST_CASE("router: /api/routes, /api/metrics, /health and the status page") {
    RouterFixture f;
    Hashiapp app(f.dir.path, "app-1");
    fill(f, app.port);
    REQUIRE(fetch(f.port(), "GET", "/hashiapp/").status == 200);

    auto routes = fetch(f.port(), "GET", "/api/routes");
    REQUIRE(routes.status == 200);
    CHECK(routes.headers["content-type"] == "application/json");
    const auto r = json::parse(routes.body);
    CHECK(r["routes"].size() == 2);
    CHECK(r["text"].get<std::string>().find("route add hashiapp /hashiapp http://127.0.0.1:") != std::string::npos);
    CHECK(r["problems"].size() == 2);  // /db without a passing instance, the malformed tag

    const auto metrics = json::parse(fetch(f.port(), "GET", "/api/metrics").body);
    CHECK(metrics["requests"] == 2);  // the proxied request and /api/routes
    CHECK(metrics["upstream_latency"]["count"] == 1);
    CHECK(metrics["upstream_latency"]["p99_ms"].get<double>() > 0);
    CHECK(fetch(f.port(), "GET", "/health").body == "OK\n");

    auto page = fetch(f.port(), "GET", "/");
    CHECK(page.status == 200);
    CHECK(page.headers["content-type"].find("text/html") == 0);
    for (const char* s : {"hashiapp", "mysql", "/hashiapp", "critical", "503: no passing instance of mysql", "urlprefix-nopath"})
        CHECK(page.body.find(s) != std::string::npos);
    CHECK(page.body.find("http://") == page.body.find("http://127.0.0.1:"));  // no external asset

    // The access log has one combined-format line per request.
    f.router->stop(std::chrono::seconds(1));
    const auto log = read_file(f.dir.path + "/access.log");
    CHECK(log.find("\"GET /hashiapp/ HTTP/1.1\" 200 ") != std::string::npos);
    CHECK(log.find("upstream=127.0.0.1:" + std::to_string(app.port)) != std::string::npos);
}

TEST_CASE("router: the status page renders in headless Chromium") {
    std::string browser;
    for (const char* b : {"chromium", "chromium-browser"})
        if (std::system((std::string("command -v ") + b + " >/dev/null 2>&1").c_str()) == 0) browser = b;
    if (browser.empty()) {
        WARN("NOTICE: chromium is not installed (scripts/dev test installs it): skipping the browser test");
        return;
    }
    RouterFixture f;
    Hashiapp app(f.dir.path, "app-1");
    fill(f, app.port);
    const std::string url = "http://127.0.0.1:" + std::to_string(f.port()) + "/";
    const std::string flags = " --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=" + f.dir.path + "/chrome";
    const auto dom = run("timeout 60 " + browser + flags + " --dump-dom " + url + " 2>/dev/null");
    INFO(dom);
    CHECK(dom.find("<h1>hjob router</h1>") != std::string::npos);
    CHECK(dom.find("hashiapp") != std::string::npos);
    CHECK(dom.find("503: no passing instance of mysql") != std::string::npos);
    const std::string shot = f.dir.path + "/status.png";
    run("timeout 60 " + browser + flags + " --window-size=1200,800 --screenshot=" + shot + " " + url + " >/dev/null 2>&1");
    REQUIRE(std::filesystem::exists(shot));
    CHECK(std::filesystem::file_size(shot) > 5000);  // a real render, not an empty canvas
    std::ifstream png(shot, std::ios::binary);
    char magic[4] = {};
    png.read(magic, 4);
    CHECK(std::string(magic + 1, 3) == "PNG");
}
